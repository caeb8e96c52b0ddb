// An input the engine refuses is explained in the reader's language: the engine gives the error a
// code (scores-sum-zero) and the token it names, and the page words it from the catalogue
// (engine.<code>), in every language, inside the page's own sentence about it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start } from './browser.mjs';
import { CODES } from '../../web/app/i18n/languages.js';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const sentence = (code) => JSON.parse(fs.readFileSync(new URL(`../../web/i18n/${code}.json`, import.meta.url), 'utf8'))['engine.scores-sum-zero'].replace('{query}', 'A');

for (const code of CODES) {
  test(`${code}: scores adding up to 0 under divide-by-sum are explained in the language`, async () => {
    const page = await env.open(`#lang=${code}&normalize=sum`);
    await page.fill('[data-widget=scores] input[data-field=wk] >> nth=3', '3');
    await page.fill('[data-widget=scores] input[data-field=wq] >> nth=2', '1');
    await page.waitForSelector('[data-widget=all-tokens] .problem');
    const said = (await page.textContent('[data-widget=all-tokens] .problem')).toLowerCase();
    assert.ok(said.includes(sentence(code).toLowerCase()), `${said} has ${sentence(code)}`);
    assert.deepEqual(page.errors, []);
  });
}
