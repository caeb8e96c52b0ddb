// Every word the page shows comes from its catalogue: with a made-up language served in place of a
// catalogue, whose every string is accented and wrapped in ⟦ ⟧ (placeholders and markup kept),
// and every section rendered, no text node or accessible name in the header, the steps or the
// footer holds an unaccented word (outside code, formulas, numbers, token names and lang="en"
// data). A section that wrote its own string would show it in plain letters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderEverything, start } from './browser.mjs';
import { OTHERS, openWith, readCatalogue, readerText } from './languages.mjs';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = [...'áƀçďéƒğĥíĵķĺɱñóƥʠŕšţúʋŵẋýžÁƁÇĎÉƑĞĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ'];
const accent = (text) => text.replace(/[A-Za-z]/g, (c) => ACCENTED[PLAIN.indexOf(c)]);
// accented outside {placeholders} and [markup], wrapped in ⟦ ⟧
const pseudo = (text) => `⟦${text.split(/(\{[a-zA-Z0-9]+\}|\[\/?[a-z]+(?:=[a-z0-9-]+)?\])/).map((part, i) => (i % 2 ? part : accent(part))).join('')}⟧`;
const pseudoCatalogue = (catalogue) => Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key,
  typeof value === 'string' ? pseudo(value) : Object.fromEntries(Object.entries(value).map(([form, text]) => [form, pseudo(text)]))]));

// Plain letters the catalogue does not give: the token names and the one- and two-letter symbols
// the code writes (Wq, T, d, e, …).
const stray = (text) => (text.match(/[A-Za-z]{3,}/g) ?? []);

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('with a pseudo-language every string the page shows is from the catalogue', async () => {
  const { code } = OTHERS[0];
  const page = await openWith(env, { code, catalogue: pseudoCatalogue(readCatalogue('en')), hash: `#lang=${code}`, before: renderEverything });
  const text = await readerText(page);
  assert.ok(text.length > 500, `${text.length} strings read`);
  assert.ok(text.some(({ text: t }) => t.includes('⟦')), 'the pseudo-language is in use');
  const found = text.filter(({ text: t }) => stray(t).length).map(({ text: t, where }) => `${where}: ${t.slice(0, 80)}`);
  assert.deepEqual(found, []);
  assert.deepEqual(page.errors, []);
});
