// Same seed, same config: the WASM model's losses are the native CLI's, bit for bit (the engine
// uses its own exp/log, one summation order for products, no FMA: see README, "Same seed").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './engine.mjs';

const cli = new URL('../../build/native/src/cli/attention-train', import.meta.url).pathname;
const engine = await load();

function native(args) {
  return JSON.parse(execFileSync(cli, args, { stdio: ['ignore', 'pipe', 'ignore'] }));
}

// Each config exercises other ops (ReLU MLP, layer norm, head slicing, a second layer) or another
// random stream; steps kept short so the whole file stays a few seconds.
const configs = [
  { name: 'default config', config: {}, flags: [], steps: 200 },
  { name: 'MLP', config: { mlp: true }, flags: ['--mlp'], steps: 60 },
  { name: 'layer norm', config: { layerNorm: true }, flags: ['--layer-norm'], steps: 60 },
  { name: '2 heads', config: { heads: 2 }, flags: ['--heads', '2'], steps: 60 },
  { name: '2 layers', config: { layers: 2 }, flags: ['--layers', '2'], steps: 60 },
  { name: 'seed 7', config: { seed: 7 }, flags: ['--seed', '7'], steps: 60 },
];

for (const { name, config, flags, steps } of configs) {
  test(`${name}, ${steps} steps: WASM and native losses are bit-identical`, () => {
    const model = engine.createModel(config);
    const wasm = model.train(steps).losses;
    model.dispose();
    const expected = native([...flags, '--steps', String(steps), '--every', String(steps)]).losses;
    assert.equal(expected.length, steps);
    assert.deepEqual([...wasm], expected);
  });
}

test('a model trained in WASM, loaded natively, has the same test loss and accuracy, bit for bit', () => {
  const model = engine.createModel({ heads: 2, mlp: true });
  model.train(80);
  const dir = mkdtempSync(join(tmpdir(), 'ae-parity-'));
  try {
    const file = join(dir, 'model.json');
    writeFileSync(file, JSON.stringify(model.toJSON()));
    const { test: nativeTest, steps } = native(['--load', file, '--steps', '0']);
    const wasm = model.evaluate();
    assert.equal(steps, 80);
    assert.equal(wasm.loss, nativeTest.loss);
    assert.equal(wasm.accuracy, nativeTest.accuracy);
    assert.equal(wasm.bankAccuracy, nativeTest.bank_accuracy);
  } finally {
    rmSync(dir, { recursive: true });
    model.dispose();
  }
});
