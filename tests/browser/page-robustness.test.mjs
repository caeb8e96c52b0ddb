// Hostile links and missing engines: the bad settings dropped with a notice, no script run, plain messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('a hostile hash loads the defaults with a notice and runs no script', async () => {
  for (const hash of ['#<img src=x onerror=alert(1)>', `#${'x'.repeat(1 << 20)}`, '#wq=1,2,3', '#mode=evil&wk=NaN']) {
    const page = await env.open(hash);
    assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
    assert.match(await page.textContent('#notices'), /dropped|too long/);
    assert.equal(await page.locator('main img, #notices img').count(), 0);
    assert.deepEqual(page.dialogs, []);
    assert.deepEqual(page.errors, []);
  }
});

test('without WebAssembly the page says so plainly', async () => {
  const page = await env.page();
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(`${env.url}/index.html`);
  await page.waitForSelector('body[data-engine="failed"]');
  assert.match(await page.textContent('#notices'), /WebAssembly/);
  assert.equal(await page.locator('[data-score]').count(), 0, 'no placeholder numbers');
  assert.deepEqual(page.errors, []);
});

test('if the engine fails to load the page says so, with no numbers', async () => {
  const page = await env.page();
  await page.route('**/attention-engine.wasm', (route) => route.abort());
  await page.goto(`${env.url}/index.html`);
  await page.waitForSelector('body[data-engine="failed"]');
  assert.match(await page.textContent('#notices'), /could not be loaded/);
  assert.match(await page.textContent('[data-widget=scores]'), /needs the engine/);
  // the browser's own report of the aborted download, and nothing else (no uncaught exception)
  assert.deepEqual([...new Set(page.errors)], ['Failed to load resource: net::ERR_FAILED']);
});
