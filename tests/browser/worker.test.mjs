// The training worker in real headless Chromium: it trains, reports progress, pauses and resumes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('worker trains, reports progress, pauses and resumes', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/index.html`);
  const result = await page.evaluate(async () => {
    const worker = new Worker('/engine/training-worker.js', { type: 'module' });
    const messages = [];
    const next = (type, where = () => true) => new Promise((resolve) => {
      const listener = ({ data }) => {
        if (data.type === type && where(data)) {
          worker.removeEventListener('message', listener);
          resolve(data);
        }
      };
      worker.addEventListener('message', listener);
    });
    worker.addEventListener('message', ({ data }) => messages.push(data));
    worker.postMessage({ type: 'create', config: {}, text: 'we saw the river near the bank', progressEveryMs: 50 });
    await next('ready');
    worker.postMessage({ type: 'start' });
    const moving = await next('progress', (m) => m.step >= 300);
    worker.postMessage({ type: 'pause' });
    const paused = await next('paused');
    // While paused, an explicit step still advances exactly one step.
    worker.postMessage({ type: 'step', count: 1 });
    const stepped = await next('progress', (m) => m.step === paused.step + 1);
    worker.postMessage({ type: 'resume' });
    const resumed = await next('progress', (m) => m.step >= paused.step + 200);
    worker.postMessage({ type: 'pause' });
    const pausedAgain = await next('paused');
    worker.postMessage({ type: 'bogus' });
    const error = await next('error');
    worker.terminate();
    const progress = messages.filter((m) => m.type === 'progress');
    return {
      movingStep: moving.step, pausedStep: paused.step, steppedStep: stepped.step, resumedStep: resumed.step,
      pausedAgain: pausedAgain.step, error: error.message, losses: moving.losses.length,
      anyAttention: progress.some((m) => m.records.some((r) => r.attention?.layers?.[0]?.heads?.length === 1)),
      anyEvaluation: progress.some((m) => m.records.some((r) => r.evaluation.bankCount === 180)),
      allLossesFinite: progress.every((m) => m.losses.every(Number.isFinite)),
    };
  });
  assert.ok(result.movingStep >= 300);
  assert.ok(result.losses > 0, 'progress carries the losses of its steps');
  assert.equal(result.steppedStep, result.pausedStep + 1);
  assert.ok(result.resumedStep >= result.pausedStep + 200);
  assert.ok(result.pausedAgain >= result.resumedStep);
  assert.match(result.error, /unknown command "bogus"/);
  assert.ok(result.anyAttention, 'progress carries attention maps');
  assert.ok(result.anyEvaluation, 'progress carries test-split evaluations');
  assert.ok(result.allLossesFinite);
  assert.deepEqual(page.errors, []);
});
