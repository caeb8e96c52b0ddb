// Learning on the page: the nudge's measured loss change agrees with the gradient, ten steps
// lower the loss monotonically, hard attention's score gradients are 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test("the nudge's measured loss change agrees with the gradient's prediction to 1e-3 relative", async () => {
  const page = await env.open();
  for (const choice of ['q,0,1', 'k,1,0', 'v,2,2']) {
    await page.selectOption('[data-widget=gradients] select', choice);
    await page.click('[data-widget=gradients] .nudge button');
    const [measured] = await values(page, '[data-widget=gradients] [data-measured]');
    const [predicted] = await values(page, '[data-widget=gradients] [data-predicted]');
    assert.ok(predicted !== 0);
    assert.ok(Math.abs(measured - predicted) <= 1e-3 * Math.abs(predicted), `${choice}: measured ${measured}, predicted ${predicted}`);
  }
  assert.deepEqual(page.errors, []);
});

test('ten steps lower the loss monotonically towards the target', async () => {
  const page = await env.open();
  const losses = [(await values(page, '[data-loss-value]'))[0]];
  for (let i = 0; i < 10; i++) {
    await page.click('[data-widget=gradients] button:text("Take a step")');
    losses.push((await values(page, '[data-loss-value]'))[0]);
  }
  for (let i = 1; i < losses.length; i++) assert.ok(losses[i] < losses[i - 1], `step ${i}: ${losses[i - 1]} -> ${losses[i]}`);
  assert.ok(losses.at(-1) < losses[0] / 2, `loss ${losses[0]} -> ${losses.at(-1)}`);
  assert.deepEqual(await values(page, '[data-widget=gradients] .loss-history [data-loss]'), losses.slice(1));
  assert.deepEqual(page.errors, []);
});

test("hard attention's score, query and key gradients read 0; soft ones do not", async () => {
  const page = await env.open();
  for (const name of ['score-grads', 'query-grads', 'key-grads']) {
    assert.ok((await values(page, `[data-matrix=hard-${name}] [data-value]`)).every((g) => g === 0), name);
    assert.ok((await values(page, `[data-matrix=soft-${name}] [data-value]`)).some((g) => g !== 0), name);
  }
  await page.click('[data-widget=soft-hard] button');
  const [soft] = await values(page, '[data-final=soft]');
  const [hard] = await values(page, '[data-final=hard]');
  assert.ok(soft < hard, `soft ${soft} should learn below hard ${hard}`);
  assert.match(await page.textContent('[data-widget=soft-hard]'), /hard attention never moved/);
  assert.deepEqual(page.errors, []);
});

test('a step on the embeddings moves the token vectors and lowers the loss', async () => {
  const page = await env.open();
  const [before] = await values(page, '[data-loss-value]');
  await page.click('[data-widget=embeddings] button');
  const [after] = await values(page, '[data-loss-value]');
  assert.ok(after < before);
  assert.ok(await page.isChecked('[data-widget=projections] input[value=projected]'), 'tokens now drive q, k, v');
  assert.deepEqual(page.errors, []);
});
