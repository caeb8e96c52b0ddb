// The glossary: every entry is used in the text and every use has an entry; a use opens its
// definition by mouse and by keyboard, Escape closes it and gives focus back to the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';
import fs from 'node:fs';
import { GLOSSARY, glossaryKeys } from '../../web/app/glossary.js';

const en = JSON.parse(fs.readFileSync(new URL('../../web/i18n/en.json', import.meta.url), 'utf8'));

let env, page;
before(async () => {
  env = await start();
  page = await env.open();
});
after(() => env.stop());

const popup = '[data-glossary-popup]';
const isOpen = () => page.$eval(popup, (el) => el.matches(':popover-open'));

test('every glossary entry is used on the page, every use has an entry, the list shows them all', async () => {
  const used = new Set(await page.$$eval('a.term', (els) => els.map((e) => e.dataset.term)));
  assert.deepEqual([...used].filter((k) => !GLOSSARY.includes(k)), []);
  assert.deepEqual(GLOSSARY.filter((k) => !used.has(k)), []);
  assert.deepEqual(await page.$$eval('#glossary-list dt', (els) => els.map((e) => e.id)), GLOSSARY.map((k) => `glossary-${k}`));
});

test('a click on a use of a term opens its definition', async () => {
  await page.click('#normalize a.term[data-term=softmax]');
  assert.equal(await isOpen(), true);
  assert.equal(await page.textContent(`${popup} .glossary-term`), 'softmax');
  assert.equal(await page.textContent(`${popup} .glossary-text`), en[glossaryKeys('softmax').text]);
  assert.equal(new URL(page.url()).hash, '', 'the page does not jump to the list');
  await page.click(`${popup} .dismiss`);
  assert.equal(await isOpen(), false);
});

test('by keyboard: Enter on a term opens it with focus inside, Escape closes it and returns focus', async () => {
  const term = page.locator('#gradients a.term[data-term=gradient]');
  await term.focus();
  await page.keyboard.press('Enter');
  assert.equal(await isOpen(), true);
  assert.equal(await page.textContent(`${popup} .glossary-term`), en[glossaryKeys('gradient').term]);
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-glossary-popup]') !== null), true);
  await page.keyboard.press('Escape');
  assert.equal(await isOpen(), false);
  // focus returns when the panel's toggle event has run
  await term.evaluate((el) => el.ownerDocument.activeElement === el || new Promise((resolve) => el.addEventListener('focus', resolve, { once: true })));
  assert.equal(await term.evaluate((el) => el === document.activeElement), true);
  assert.deepEqual(page.errors, []);
});

test('links to the list scroll to it and keep the reader’s edits (the address bar holds them, not the anchor)', async () => {
  const page = await env.open();
  await page.fill('[data-widget=scores] input[aria-label="key of B, entry 2"]', '0');
  await page.waitForFunction(() => location.hash.includes('wk='));
  await page.click('#scores a.term[data-term=dot-product]');
  await page.click('[data-glossary-popup] a[href="#glossary"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'glossary');
  assert.match(await page.evaluate(() => location.hash), /wk=/);
  assert.equal(await page.inputValue('[data-widget=scores] input[aria-label="key of B, entry 2"]'), '0');
  assert.equal((await page.textContent('#notices')).trim(), '');
  // a link that names a place on the page (#glossary) is not read as settings
  const anchored = await env.open('#glossary');
  assert.equal((await anchored.textContent('#notices')).trim(), '');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(anchored.errors, []);
});
