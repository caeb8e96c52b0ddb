// Joins the benchmark's JSON parts (bench-results/*.json) into bench-results/results.json and
// prints the table, each comparison with its goal.
import fs from 'node:fs';

const dir = new URL('../../../bench-results/', import.meta.url);
const read = (name) => JSON.parse(fs.readFileSync(new URL(name, dir), 'utf8'));
const lines = (name) => Object.fromEntries(fs.readFileSync(new URL(name, dir), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.config, r]));
const native = lines('native.jsonl');
const wasmBench = lines('wasm.jsonl');   // attention-bench in WebAssembly: allocations counted there too
const cpu = { cpu_mhz: Math.round(native.clock.mhz) };   // measured by attention-bench natively
const wasm = read('engine-node.json');
const peers = { cpu: read('tfjs-cpu.json'), wasm: read('tfjs-wasm.json') };
const browser = read('browser.json');
const extra = read('sizes.json');
const csp = read('csp-cost.json');

const rows = [];
const row = (what, value, goal = '', ok = null) => rows.push([what, value, goal, ok === null ? '' : ok ? 'met' : 'MISSED']);
const ms = (x) => `${x.toFixed(3)} ms`;
for (const name of ['default', 'large']) {
  const n = native[name].ms_per_step, w = wasm.configs[name].ms_per_step;
  row(`${name}: native step`, ms(n));
  row(`${name}: WASM step (Node)`, ms(w));
  row(`${name}: WASM / native`, `${(w / n).toFixed(2)}x`, '<= 1.5x', w / n <= 1.5);
  for (const [backend, peer] of Object.entries(peers)) {
    const p = peer.configs[name];
    row(`${name}: TF.js ${backend}, first loss vs ours`, `${p.first_loss_tfjs.toFixed(6)} vs ${p.first_loss_ours.toFixed(6)}`, 'within 1e-4', p.first_loss_agrees);
    if (p.error) {
      row(`${name}: TF.js ${backend} step`, p.error);
      continue;
    }
    const speedup = p.ms_per_step / w;
    const goal = name === 'default' ? (backend === 'cpu' ? 10 : 5) : 1;
    row(`${name}: TF.js ${backend} step${p.note ? ` (${p.note})` : ''}`, ms(p.ms_per_step));
    row(`${name}: ours vs TF.js ${backend}`, `${speedup.toFixed(1)}x faster`, `>= ${goal}x`, speedup >= goal);
  }
  row(`${name}: JS boundary overhead`, `${(100 * wasm.configs[name].boundary_overhead).toFixed(2)}%`, '<= 5%', wasm.configs[name].boundary_overhead <= 0.05);
  for (const [where, b] of [['native', native[name]], ['WASM', wasmBench[name]]]) {
    row(`${name}: heap allocations per ${where} step (define-by-run: ${b.define_by_run_allocations_per_step})`, String(b.allocations_per_step), '0', b.allocations_per_step === 0);
    // Paired runs (attention-bench alternates them); CPU time too: others' load on this shared
    // machine stretches wall-clock steps, the allocating define-by-run ones most.
    row(`${name}: ${where} replayed step vs define-by-run (${ms(b.ms_per_step)} vs ${ms(b.define_by_run_ms_per_step)}), wall / CPU time`,
      `${b.replay_speedup.toFixed(2)}x / ${b.replay_speedup_cpu.toFixed(2)}x faster`,
      name === 'large' ? '>= 1.5x' : '', name === 'large' ? b.replay_speedup >= 1.5 : null);
  }
}
// One core's scalar double-precision peak: 2 FLOP (one add, one multiply) per cycle at the clock.
const peak = (2 * cpu.cpu_mhz) / 1000;
const gflops = (b) => `${b.matmul_gflops.toFixed(2)} / ${b.matmul_gflops_cpu.toFixed(2)} GFLOP/s (${((100 * b.matmul_gflops_cpu) / peak).toFixed(0)}% of peak by CPU time)`;
row(`large: matrix products per second of step, native, wall / CPU time (scalar peak ${peak.toFixed(1)} GFLOP/s at ${cpu.cpu_mhz} MHz)`, gflops(native.large));
row('large: matrix products per second of step, WASM, wall / CPU time', gflops(wasmBench.large));
row('bigger model (2 layers, 4 heads, d 64, batch 4): native / WASM step',
  `${ms(native.bigger.ms_per_step)} / ${ms(wasmBench.bigger.ms_per_step)}`);
row('recompute latency p50 / p95 (gradients section, 200 edits)', `${browser.recompute_ms.p50.toFixed(1)} / ${browser.recompute_ms.p95.toFixed(1)} ms`, 'p95 <= 16 ms', browser.recompute_ms.p95 <= 16);
row('recompute latency p50 / p95, gradients section in view with the chain rule of A’s query open', `${browser.recompute_chain_rule_open_ms.p50.toFixed(1)} / ${browser.recompute_chain_rule_open_ms.p95.toFixed(1)} ms`, 'p95 <= 16 ms', browser.recompute_chain_rule_open_ms.p95 <= 16);
row('page ready (engine + first screen rendered; the rest mount as they near the viewport)', `${browser.page_ready_ms.toFixed(0)} ms`, '<= 150 ms', browser.page_ready_ms <= 150);
row('every section mounted (when the page is left idle)', `${browser.all_sections_ms.toFixed(0)} ms`);
row('first load, gzipped', `${(browser.first_load_gzip_bytes / 1024).toFixed(0)} KiB`, '<= 250 KiB', browser.first_load_gzip_bytes <= 250 * 1024);
row('peak WASM heap in use / heap size, 10,000 steps', `${(wasm.memory.peak_heap_used_bytes / 1024).toFixed(0)} KiB / ${(wasm.memory.peak_heap_size_bytes / 1048576).toFixed(0)} MiB`);
row('training in the page (worker) vs native, default config', `${browser.worker_steps_per_second.toFixed(0)} vs ${native.default.steps_per_second.toFixed(0)} steps/s`);
row('bigger model training in the page (worker, Chromium)', `${browser.worker_big_steps_per_second.toFixed(0)} steps/s`, '>= 300 steps/s', browser.worker_big_steps_per_second >= 300);
row('native: steps and seconds to 95% bank accuracy', `${extra.steps_to_95} steps, ${extra.seconds_to_95.toFixed(3)} s`, '< 2 s', extra.seconds_to_95 < 2);
row('one attend call: strict-CSP build / with new Function', `${csp.strict.attend_us.toFixed(1)} / ${csp.eval.attend_us.toFixed(1)} µs`);
row('one training step call: strict-CSP build / with new Function', `${csp.strict.train_step_us.toFixed(0)} / ${csp.eval.train_step_us.toFixed(0)} µs`);
row('dist/ gzipped (tar.gz)', `${(extra.dist_gzip_bytes / 1024).toFixed(0)} KiB`);
row('dist/attention-explained.html', `${(extra.single_file_bytes / 1024).toFixed(0)} KiB (${(extra.single_file_gzip_bytes / 1024).toFixed(0)} KiB gzipped)`);
row('engine (attention-engine.js + .wasm), gzipped', `${(extra.engine_gzip_bytes / 1024).toFixed(0)} KiB`);

const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(`${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`);
fs.writeFileSync(new URL('results.json', dir), JSON.stringify({ date: new Date().toISOString(), native, wasmBench, cpu, wasm, peers, browser, csp, ...extra, table: rows }, null, 2));
console.log('\nwritten bench-results/results.json');
