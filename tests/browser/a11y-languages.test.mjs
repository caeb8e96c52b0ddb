// axe-core on the page in each language other than English (every section rendered, every figure
// drawn), in light and dark mode at 1280 and 375 px: zero violations at every impact level. The
// language comes from the link (`lang`), as a shared link would bring it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeInModes, renderEverything, MODES } from './browser.mjs';
import { LANGUAGES, PRERENDERED } from '../../web/app/i18n/languages.js';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

for (const { code, dir } of LANGUAGES.filter((l) => l.code !== PRERENDERED)) {
  test(`${code}: no violations at the defaults`, async () => {
    const page = await env.page();
    await renderEverything(page);
    await page.goto(`${env.url}/index.html#lang=${code}`);
    await page.waitForSelector('body[data-engine="ready"]');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [code, dir]);
    assert.deepEqual(await axeInModes(page, code, MODES), []);
    assert.deepEqual(page.errors, []);
  });
}
