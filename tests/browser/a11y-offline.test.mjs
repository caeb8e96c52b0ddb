// axe-core on the offline single file (dist/attention-explained.html, opened from disk), every
// section rendered: at the defaults and while training, each in two modes crossed (browser.mjs
// CROSSED), so both moments are seen in both schemes and at both widths. Zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeInModes, renderEverything, CROSSED } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('the single file, at the defaults and while training', async () => {
  const page = await env.page();
  await renderEverything(page);
  await page.goto(`${new URL('../../dist/attention-explained.html', import.meta.url).href}#demoSteps=100000`);
  await page.waitForSelector('body[data-engine="ready"]');
  const found = await axeInModes(page, 'offline, defaults', CROSSED[0]);
  await page.click('[data-widget=training] [data-action=play]');
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 20);
  found.push(...await axeInModes(page, 'offline, while training', CROSSED[1]));
  assert.equal(await page.getAttribute('[data-widget=training] .training', 'data-running'), 'true', 'still training when axe finished');
  assert.deepEqual(found, []);
  assert.deepEqual(page.errors, []);
});
