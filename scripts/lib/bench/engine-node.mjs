// Our WASM engine in Node: ms per training step timed from JS and inside C++ (the difference is
// the JS boundary), and the peak heap over 10,000 training steps. Prints JSON.
import fs from 'node:fs';
import { loadEngine } from '../../../dist/engine/attention-engine.js';
import { CONFIGS, median } from './configs.mjs';

const engine = await loadEngine({ wasmBinary: fs.readFileSync(new URL('../../../dist/engine/attention-engine.wasm', import.meta.url)) });
const out = { configs: {} };

for (const [name, config] of Object.entries(CONFIGS)) {
  const model = engine.createModel(config);
  const steps = name === 'default' ? 300 : 40;
  model.train(50);   // warm-up
  const fromJs = [], inside = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const result = model.train(steps);
    fromJs.push((performance.now() - t0) / steps);
    inside.push(result.elapsedMs / steps);
  }
  const js = median(fromJs), cpp = median(inside);
  out.configs[name] = { ms_per_step: js, ms_per_step_inside_cpp: cpp, steps_per_second: 1000 / js, boundary_overhead: js / cpp - 1 };
  model.dispose();
}

// Memory: the largest heap in use and the heap's size while 10,000 steps run (sampled every 100).
const model = engine.createModel();
let peakUsed = 0, peakSize = 0;
for (let i = 0; i < 100; i++) {
  model.train(100);
  const m = engine.memory();
  peakUsed = Math.max(peakUsed, m.heapUsed);
  peakSize = Math.max(peakSize, m.heapSize);
}
model.dispose();
out.memory = { steps: 10000, peak_heap_used_bytes: peakUsed, peak_heap_size_bytes: peakSize };
console.log(JSON.stringify(out));
