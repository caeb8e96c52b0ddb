// The catalogues (web/i18n/<code>.json): every language has exactly English's keys, with the same
// placeholders and glossary links, well-formed markup and plurals; every key is used by the page's
// code or HTML, and every key the code names exists (a static scan: keys are written whole, and
// the few built from lists are in web/app/i18n/families.js), and in every language every exercise
// reads with that language's words (the exercise format limits their length).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CODES, ROOT, readCatalogue } from './catalogues.mjs';
import { DYNAMIC_KEYS } from '../../web/app/i18n/families.js';
import { MARKUP } from '../../web/app/i18n/core.js';
import { GLOSSARY } from '../../web/app/glossary.js';
import { CATALOG } from '../../web/app/exercises/catalog.js';
import { readCatalog } from '../../web/app/exercises/read-catalog.js';
import { setCatalogue } from '../../web/app/i18n/core.js';

const en = readCatalogue('en');
const KEY = /^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/;
const variants = (value) => (typeof value === 'string' ? [value] : Object.values(value));
const placeholders = (value) => [...new Set(variants(value).flatMap((v) => [...v.matchAll(/\{([a-zA-Z0-9]+)\}/g)].map((m) => m[1])))].sort();
const links = (value) => variants(value).flatMap((v) => [...v.matchAll(MARKUP)].filter((m) => m[2] === 'term' && !m[1]).map((m) => m[3])).sort();

function files(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

// Every string in the code that looks like a key, and every data-i18n / data-i18n-attr in the HTML.
function usedKeys() {
  const used = new Map();   // key -> file
  for (const file of files(path.join(ROOT, 'web/app'), '.js')) {
    for (const [, , text] of fs.readFileSync(file, 'utf8').matchAll(/(['"`])([a-z][a-zA-Z0-9.-]*)\1/g)) {
      if (KEY.test(text)) used.set(text, path.relative(ROOT, file));
    }
  }
  for (const file of files(path.join(ROOT, 'web'), '.html')) {
    for (const [, key] of fs.readFileSync(file, 'utf8').matchAll(/data-i18n(?:-attr="\S+)?[= ]"?([a-z][a-zA-Z0-9.-]+)"/g)) used.set(key, path.relative(ROOT, file));
  }
  for (const key of DYNAMIC_KEYS) used.set(key, 'web/app/i18n/families.js');
  return used;
}

test('every key of the English catalogue is used by the code or the HTML, and every key they name is in it', () => {
  const used = usedKeys();
  assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'keys nothing uses');
  // every key passed to the lookup exists (a typo would show the key to the reader)
  const missing = [];
  for (const file of files(path.join(ROOT, 'web/app'), '.js')) {
    for (const [, key] of fs.readFileSync(file, 'utf8').matchAll(/\b(?:t|plain|rich|template)\(\s*'([^']+)'/g)) {
      if (!Object.hasOwn(en, key)) missing.push(`${key} (${path.relative(ROOT, file)})`);
    }
  }
  assert.deepEqual(missing, [], 'keys named by the code but missing from en.json');
});

test('the English catalogue is well formed: keys namespaced, markup balanced, glossary links to real entries, plurals with "other"', () => {
  for (const [key, value] of Object.entries(en)) {
    assert.match(key, KEY);
    if (typeof value !== 'string') assert.ok(Object.hasOwn(value, 'other'), `${key}: a plural needs "other"`);
    for (const text of variants(value)) {
      const open = [];
      for (const [, closing, name] of text.matchAll(MARKUP)) {
        if (!closing) open.push(name);
        else assert.equal(open.pop(), name, `${key}: [/${name}] closes nothing open`);
      }
      assert.deepEqual(open, [], `${key}: unclosed markup`);
    }
    for (const id of links(value)) assert.ok(GLOSSARY.includes(id), `${key}: no glossary entry ${id}`);
  }
});

// An exercise whose words do not read (too long, say) would be missing from every step's list:
// in each language every exercise of the catalog reads with that language's words.
test('in every language every exercise reads with its words', () => {
  for (const code of CODES) {
    setCatalogue(code, readCatalogue(code));
    const read = Object.values(readCatalog()).flat();
    assert.equal(read.length, Object.values(CATALOG).flat().length, code);
    assert.deepEqual(read.filter((x) => !x).length, 0, `${code}: exercises that do not read`);
  }
  setCatalogue('en', en);
});

for (const code of CODES.filter((c) => c !== 'en')) {
  test(`${code}: exactly English's keys, each with the same placeholders and glossary links`, () => {
    const other = readCatalogue(code);
    assert.deepEqual(Object.keys(en).filter((k) => !Object.hasOwn(other, k)), [], 'missing keys');
    assert.deepEqual(Object.keys(other).filter((k) => !Object.hasOwn(en, k)), [], 'keys English does not have');
    for (const key of Object.keys(en)) {
      assert.deepEqual(placeholders(other[key]), placeholders(en[key]), `${key}: placeholders`);
      assert.deepEqual(links(other[key]), links(en[key]), `${key}: glossary links`);
      if (typeof other[key] !== 'string') assert.ok(Object.hasOwn(other[key], 'other'), `${key}: a plural needs "other"`);
      for (const text of variants(other[key])) assert.ok(text.trim().length > 0, `${key}: empty`);
    }
  });
}
