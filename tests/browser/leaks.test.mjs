// No leaks in Chromium: 100,000 recomputes (the gradients section's engine call) and 100,000
// training steps leave the WASM heap in use, its size, and the live Embind handles where they
// were after a warm-up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('100,000 recomputes and 100,000 training steps: heap and handles flat after warm-up', async () => {
  const page = await env.open();
  const result = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/attention-engine.js');
    const engine = await loadEngine();
    const ex = engine.workedExample();
    const args = { embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv, focus: 0, target: ex.target };
    const recompute = (n) => { for (let i = 0; i < n; i++) engine.selfAttention(args); };
    recompute(1000);
    const recomputeBefore = engine.memory();
    recompute(100000);
    const recomputeAfter = engine.memory();
    const model = engine.createModel();
    model.train(1000);
    const trainBefore = engine.memory();
    for (let i = 0; i < 100; i++) model.train(1000);
    const trainAfter = engine.memory();
    return { recomputeBefore, recomputeAfter, trainBefore, trainAfter, step: model.info().step };
  });
  console.log(`# recomputes: heap in use ${result.recomputeBefore.heapUsed} -> ${result.recomputeAfter.heapUsed} bytes, handles ${result.recomputeBefore.embindHandles} -> ${result.recomputeAfter.embindHandles}`);
  console.log(`# training: heap in use ${result.trainBefore.heapUsed} -> ${result.trainAfter.heapUsed} bytes, heap ${result.trainBefore.heapSize} -> ${result.trainAfter.heapSize}, handles ${result.trainBefore.embindHandles} -> ${result.trainAfter.embindHandles}`);
  assert.equal(result.step, 101000);
  for (const [before, after] of [[result.recomputeBefore, result.recomputeAfter], [result.trainBefore, result.trainAfter]]) {
    assert.ok(after.heapUsed <= before.heapUsed, `heap in use grew: ${before.heapUsed} -> ${after.heapUsed}`);
    assert.equal(after.heapSize, before.heapSize);
    assert.equal(after.embindHandles, before.embindHandles);
  }
  assert.deepEqual(page.errors, []);
});
