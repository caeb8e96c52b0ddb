// After an engine error the widgets that depend on the failed result show a message in plain
// words and no numbers from before; fixing the input brings the numbers back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const visible = (page, selector) => page.locator(selector).isVisible();

test('divide-by-sum of scores that add up to 0: dependent widgets blank themselves with a plain message', async () => {
  const page = await env.open();
  await page.check('[data-widget=normalize] input[value=sum]');
  await page.fill('[data-widget=scores] input[aria-label="query of A, entry 3"]', '1');   // scores 1, 0, −1
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 0, -1]);

  // step 5: no drawing, no written sum, the divide-by-sum column says why
  assert.equal(await visible(page, '[data-widget=weighted-sum] [data-vector-sum]'), false);
  assert.equal(await page.locator('[data-widget=weighted-sum] .written-sum [data-output]').count(), 0);
  assert.match(await page.textContent('[data-way=sum]'), /The scores of A add up to 0, so they cannot be divided by their sum/);
  // step 6: no heatmap or outputs
  assert.equal(await visible(page, '[data-widget=all-tokens] [data-heatmap=weights]'), false);
  assert.equal(await visible(page, '[data-widget=all-tokens] [data-matrix=outputs]'), false);
  assert.match(await page.textContent('[data-widget=all-tokens] .problem'), /The scores of A add up to 0, so they cannot be divided by their sum.*Pick softmax in step 4, or change a score\./);
  // step 7: no output, scores, weights, loss or gradient arrows; the inputs stay
  for (const m of ['output', 'scores', 'weights']) assert.equal(await visible(page, `[data-widget=gradients] [data-matrix=${m}]`), false, m);
  assert.equal(await page.locator('[data-widget=gradients] [data-loss-value]').count(), 0);
  assert.equal(await page.locator('[data-widget=gradients] .has-grad:visible').count(), 0);
  assert.equal((await page.textContent('[data-widget=gradients] .counterfactual')).trim(), '');
  assert.match(await page.textContent('[data-widget=gradients] .loss'), /The scores of A add up to 0, so they cannot be divided by their sum/);
  assert.equal(await visible(page, '[data-widget=gradients] [data-matrix=keys]'), true);
  // step 9: the token vectors, without gradients
  assert.equal(await page.locator('[data-widget=embeddings] .has-grad:visible').count(), 0);
  assert.match(await page.textContent('[data-widget=embeddings] .problem'), /The scores of A add up to 0, so they cannot be divided by their sum/);
  // no engine jargon reaches the reader
  assert.doesNotMatch(await page.textContent('main'), /divide-by-sum: row|\(1x3\)|undefined/);

  // the nudge says why it cannot run, instead of throwing
  await page.click('[data-widget=gradients] .nudge button');
  assert.match(await page.textContent('[data-widget=gradients] .nudge-result'), /No nudge: the scores of A add up to 0, so they cannot be divided by their sum/);

  // a valid score again: everything is back
  await page.fill('[data-widget=scores] input[aria-label="query of A, entry 3"]', '-1');
  assert.equal(await visible(page, '[data-widget=all-tokens] [data-heatmap=weights]'), true);
  assert.equal(await visible(page, '[data-widget=gradients] [data-matrix=scores]'), true);
  assert.ok(await page.locator('[data-widget=gradients] .has-grad:visible').count() > 0);
  assert.deepEqual(await values(page, '[data-widget=weighted-sum] .written-sum [data-output]'), [0.5, 1.125, 0.75]);
  assert.deepEqual(page.errors, []);
});

test('step 8’s learning chart is put away once the numbers it learned from change', async () => {
  const page = await env.open();
  await page.click('[data-widget=soft-hard] button');
  assert.equal(await visible(page, '[data-widget=soft-hard] .line-chart'), true);
  assert.equal(await page.locator('[data-widget=soft-hard] [data-final]').count(), 2);
  await page.fill('[data-widget=scores] input[aria-label="key of B, entry 1"]', '4');
  assert.equal(await visible(page, '[data-widget=soft-hard] .line-chart'), false);
  assert.equal(await page.locator('[data-widget=soft-hard] [data-final]').count(), 0);
  assert.deepEqual(page.errors, []);
});
