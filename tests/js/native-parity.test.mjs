// Same seed, same config: the WASM model's losses are the native CLI's, bit for bit (the engine
// uses its own exp/log, one summation order for products, no FMA: see README, "Same seed").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { load } from './engine.mjs';

const cli = new URL('../../build/native/src/cli/attention-train', import.meta.url).pathname;

test('200 steps: WASM and native losses are bit-identical', async () => {
  const engine = await load();
  const wasm = engine.createModel().train(200).losses;
  const native = JSON.parse(execFileSync(cli, ['--steps', '200', '--every', '200'], { stdio: ['ignore', 'pipe', 'ignore'] })).losses;
  assert.equal(native.length, 200);
  let worst = 0, identical = 0;
  wasm.forEach((w, i) => {
    worst = Math.max(worst, Math.abs(w - native[i]) / Math.abs(native[i]));
    identical += w === native[i];
  });
  console.log(`# ${identical}/200 losses bit-identical, worst relative difference ${worst.toExponential(2)}`);
  assert.ok(worst <= 1e-9, `worst relative difference ${worst}`);
  assert.equal(identical, 200);
});
