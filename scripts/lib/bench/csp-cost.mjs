// What -sDYNAMIC_EXECUTION=0 (needed for a strict CSP) costs: the same calls on the shipped module
// and on one linked without it (build/wasm-eval). Prints JSON: microseconds per call, medians of 5.
import fs from 'node:fs';
import { median } from './configs.mjs';

async function engineFrom(dir) {
  const { default: create } = await import(`${dir}/attention-engine-module.js`);
  const compiled = await WebAssembly.compile(fs.readFileSync(`${dir}/attention-engine-module.wasm`));
  return create({ instantiateWasm(imports, receive) { WebAssembly.instantiate(compiled, imports).then((i) => receive(i, compiled)); return {}; } });
}

const root = new URL('../../../', import.meta.url).pathname;
const out = {};
for (const [name, dir] of [['strict', `${root}build/wasm`], ['eval', `${root}build/wasm-eval`]]) {
  const m = await engineFrom(dir);
  const mat = (rows) => ({ rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });
  const args = { queries: mat([[1, 2, -1]]), keys: mat([[3, -1, 0], [3, -1, -1], [0, 1, -3]]), values: mat([[1, 0, 1], [-1, 2, 0], [1, 1, 1]]), normalize: 'softmax' };
  const id = m.modelCreate('{}');
  const time = (f, n) => {
    for (let i = 0; i < n / 10; i++) f();
    return median(Array.from({ length: 5 }, () => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) f();
      return ((performance.now() - t0) * 1000) / n;
    }));
  };
  out[name] = { attend_us: time(() => m.attend(args), 20000), heap_used_us: time(() => m.heapUsed(), 200000), train_step_us: time(() => m.modelTrain(id, 1), 500) };
}
out.extra_us_per_attend = out.strict.attend_us - out.eval.attend_us;
console.log(JSON.stringify(out));
