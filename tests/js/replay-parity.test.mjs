// The WASM module trains with the compiled step replayed over preallocated buffers; the native
// CLI with --define-by-run builds a fresh graph every step. 1,000 losses must agree bit for bit,
// for the default config and for one with every feature on (2 layers, 2 heads, MLP, layer norm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { load } from './engine.mjs';

const cli = new URL('../../build/native/src/cli/attention-train', import.meta.url).pathname;
const STEPS = 1000;

const cases = [
  { name: 'default config', config: {}, flags: [] },
  {
    name: '2 layers, 2 heads, MLP, layer norm, batch 8',
    config: { layers: 2, heads: 2, mlp: true, layerNorm: true, batch: 8 },
    flags: ['--layers', '2', '--heads', '2', '--mlp', '--layer-norm', '--batch', '8'],
  },
];

for (const { name, config, flags } of cases) {
  test(`${STEPS} steps, ${name}: WASM replay and native define-by-run losses are bit-identical`, async () => {
    const engine = await load();
    const model = engine.createModel(config);
    const wasm = model.train(STEPS).losses;
    model.dispose();
    const args = ['--steps', String(STEPS), '--every', String(STEPS), '--define-by-run', ...flags];
    const native = JSON.parse(execFileSync(cli, args, { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 })).losses;
    assert.equal(native.length, STEPS);
    const differing = wasm.findIndex((w, i) => w !== native[i]);
    assert.equal(differing, -1, `first difference at step ${differing + 1}: ${wasm[differing]} vs ${native[differing]}`);
  });
}
