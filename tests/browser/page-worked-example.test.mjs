// The page shows the worked example's numbers, computed by the engine: scores 1, 2, 5 with the
// slip flagged, each normaliser's weights, and [0.2, 1.3, 0.6] from the explanation's weights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env, page;
before(async () => {
  env = await start();
  page = await env.open();
});
after(() => env.stop());

const near = (actual, expected, tol) => expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) <= tol, `${actual} vs ${expected}`));

test('scores 1, 2, 5 beside the stated 1, 4, 5, with the slip in B flagged', async () => {
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
  assert.deepEqual(await values(page, '[data-widget=scores] [data-stated]'), [1, 4, 5]);
  const notice = await page.textContent('[data-widget=scores] .slip-notice');
  assert.match(notice, /B’s score is 2, not 4\. The explanation’s method is right and so is every product/);
  assert.equal(await page.textContent('[data-widget=scores] li[data-token=B] .terms'), '1·3 + 2·(−1) + (−1)·(−1) = ');
  assert.deepEqual(page.errors, []);
});

test('each normaliser gives the walkthrough weights', async () => {
  near(await values(page, '[data-bars=sum] [data-weight]'), [0.125, 0.25, 0.625], 1e-12);
  near(await values(page, '[data-bars=softmax] [data-weight]'), [0.01715, 0.04661, 0.93624], 1e-5);
  near(await values(page, '[data-bars=scaled-softmax] [data-weight]'), [0.07782, 0.13863, 0.78355], 1e-5);
  assert.deepEqual(await values(page, '[data-bars=stated] [data-weight]'), [0.1, 0.4, 0.5]);
  assert.deepEqual(page.errors, []);
});

test('choosing the stated weights gives the output [0.2, 1.3, 0.6]', async () => {
  near(await values(page, '[data-widget=weighted-sum] .written-sum [data-output]'), [0.90677, 1.02946, 0.95339], 1e-5);
  await page.check('[data-widget=normalize] input[value=stated]');
  near(await values(page, '[data-widget=weighted-sum] .written-sum [data-output]'), [0.2, 1.3, 0.6], 1e-12);
  await page.check('[data-widget=normalize] input[value=sum]');
  near(await values(page, '[data-widget=weighted-sum] .written-sum [data-output]'), [0.5, 1.125, 0.75], 1e-12);
  assert.deepEqual(page.errors, []);
});

test('the default page’s text includes the explanation’s [0.2, 1.3, 0.6], the corrected [0.5, 1.125, 0.75] and the scores 1, 2, 5', async () => {
  // as the reader sees it: every section laid out (content-visibility skips off-screen ones)
  await page.evaluate(() => { for (const s of document.querySelectorAll('main > section')) s.style.contentVisibility = 'visible'; });
  const text = (await page.innerText('main')).replace(/\s+/g, ' ');
  for (const shown of ['[0.2, 1.3, 0.6]', 'this sum is right', '[0.5, 1.125, 0.75]', 'The scores of step 3, 1, 2, 5,']) assert.ok(text.includes(shown), shown);
  for (const x of [0.2, 1.3, 0.6, 0.5, 1.125, 0.75, 1, 2, 5]) assert.match(text, new RegExp(`(^|[^\\d.])${String(x).replace('.', '\\.')}([^\\d]|$)`), String(x));
  // each computed by the engine: the numbers carry the engine's exact values
  assert.deepEqual(await values(page, '[data-way=sum] [data-way-output]'), [0.5, 1.125, 0.75]);
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
});

test('math is typeset and there were no console errors', async () => {
  assert.ok(await page.locator('.math math').count() >= 3);
  assert.deepEqual(page.errors, []);
});
