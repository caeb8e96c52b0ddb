// axe-core on the whole page (every section rendered, every figure drawn), in light and dark
// mode at 1280 and 375 px: at the defaults, after an edit, after an input the engine refuses,
// and while the training demo runs. Zero violations, at every impact level. One page load; the
// states follow one another; the defaults in all four modes, each later state in two, crossed
// (browser.mjs CROSSED), so each is seen in both schemes and at both widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeInModes, renderEverything, CROSSED } from './browser.mjs';

let env, page;
before(async () => {
  env = await start();
  page = await env.page();
  await renderEverything(page);
  await page.goto(`${env.url}/index.html#demoSteps=100000`);   // a run long enough to still be going while axe looks
  await page.waitForSelector('body[data-engine="ready"]');
});
after(() => env.stop());

test('at the defaults', async () => {
  assert.deepEqual(await axeInModes(page, 'defaults'), []);
  assert.deepEqual(page.errors, []);
});

test('after an edit (the grids, the live region)', async () => {
  await page.fill('[data-widget=scores] input[aria-label="key of B, entry 1"]', '4');
  await page.waitForFunction(() => document.querySelector('[data-announcer=changes]').textContent !== '');
  assert.deepEqual(await axeInModes(page, 'after an edit', CROSSED[0]), []);
  assert.deepEqual(page.errors, []);
});

test('after an input the engine refuses (divide-by-sum of scores adding up to 0)', async () => {
  await page.check('[data-widget=normalize] input[value=sum]');
  await page.fill('[data-widget=scores] input[aria-label="key of B, entry 1"]', '3');
  await page.fill('[data-widget=scores] input[aria-label="query of A, entry 3"]', '1');
  await page.waitForSelector('[data-widget=all-tokens] .problem');
  assert.deepEqual(await axeInModes(page, 'after an error', CROSSED[1]), []);
  assert.deepEqual(page.errors, []);
});

test('while training', async () => {
  await page.click('[data-widget=training] [data-action=play]');
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 20);
  assert.deepEqual(await axeInModes(page, 'while training', CROSSED[0]), []);
  assert.equal(await page.getAttribute('[data-widget=training] .training', 'data-running'), 'true', 'still training when axe finished');
  assert.deepEqual(page.errors, []);
});
