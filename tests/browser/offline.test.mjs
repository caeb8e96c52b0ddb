// dist/attention-explained.html opened from disk: computes the worked example and trains, with
// nothing loaded from anywhere, and opens in each language its link asks for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';
import { OTHERS, readCatalogue } from './languages.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('the single file works from file:// with no network', async () => {
  const page = await env.page();
  const fetched = [];
  page.on('request', (r) => { if (!/^(data|file|blob):/.test(r.url())) fetched.push(r.url()); });
  await page.goto(new URL('../../dist/attention-explained.html', import.meta.url).href);
  await page.waitForSelector('body[data-engine="ready"]');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
  assert.ok(await page.locator('.math math').count() >= 3, 'math typeset');
  await page.click('[data-widget=training] [data-action=play]');
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 600, null, { timeout: 60000 });
  await page.waitForSelector('[data-widget=training] .training[data-running=false]');
  // the reading must describe the last step, not an evaluation drawn earlier in the run
  await page.waitForFunction(() => document.querySelector('[data-widget=training] .reading').dataset.evaluatedAt ===
    document.querySelector('[data-widget=training] [data-step]').dataset.step);
  const [bank] = await values(page, '[data-widget=training] [data-bank-accuracy]');
  assert.ok(bank >= 0.95, `bank accuracy ${bank}`);
  assert.deepEqual(fetched, []);
  assert.deepEqual(page.errors, []);
});

test('the single file carries every language and opens in the one its link asks for', async () => {
  for (const { code, dir } of OTHERS) {
    const page = await env.page();
    await page.goto(`${new URL('../../dist/attention-explained.html', import.meta.url).href}#lang=${code}`);
    await page.waitForSelector('body[data-engine="ready"]');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [code, dir]);
    assert.equal(await page.locator('#tokens-title [data-i18n]').textContent(), readCatalogue(code)['tokens.title']);
    assert.deepEqual(page.errors, []);
  }
});
