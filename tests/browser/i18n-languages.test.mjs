// Each shipped language (web/app/i18n/languages.js) loads — from the link, from the menu and from
// the browser's language, and in an embedded widget — and renders every section with no page error and no English left in
// its prose (no sentence of en.json, and none of English's most common words outside code and
// data), and no key shown for a missing entry; <html lang dir> follow, Hebrew mirrors the page while the number grids stay left to
// right; a number typed the way the page writes it in the language is read (es: "0,5").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderEverything, start } from './browser.mjs';
import { OTHERS, openWith, readCatalogue, readerText } from './languages.mjs';
import { MARKUP } from '../../web/app/i18n/core.js';

const en = readCatalogue('en');
// English's sentences, without markup and placeholders: none may be on a page in another language
const sentences = Object.values(en).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
  .flatMap((v) => v.replace(MARKUP, '').split(/\{[a-zA-Z0-9]+\}/)).map((s) => s.trim()).filter((s) => s.split(' ').length >= 4);
const STOP = /\b(the|and|of|is|to|with|which|this|that|from|are|each)\b/i;

let env;
before(async () => { env = await start(); });
after(() => env.stop());

function englishIn(text) {
  return text.filter(({ text: t }) => sentences.some((s) => t.includes(s)) || STOP.test(t) || Object.hasOwn(en, t)).map(({ text: t, where }) => `${where}: ${t.slice(0, 80)}`);
}

async function checkLanguage(page, { code, dir }) {
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.documentElement.dataset.language ?? null]),
    [code, dir, null]);
  assert.equal(await page.locator('#language').inputValue(), code, 'the menu shows the language');
  const text = await readerText(page);
  assert.deepEqual(englishIn(text), [], 'English left in the prose');
  // grids, vectors and figures read left to right in every language
  for (const selector of ['table.matrix', '.heatmap-grid', '.figure-svg', '.vector']) {
    assert.equal(await page.locator(selector).first().evaluate((el) => getComputedStyle(el).direction), 'ltr', selector);
  }
  assert.equal(await page.locator('main').evaluate((el) => getComputedStyle(el).direction), dir);
  assert.deepEqual(page.errors, []);
}

for (const language of OTHERS) {
  const { code } = language;
  const catalogue = readCatalogue(code);

  test(`${code} from the link: every section in ${code}, nothing English left`, async () => {
    const page = await openWith(env, { code, hash: `#lang=${code}`, before: renderEverything });
    await checkLanguage(page, language);
  });

  test(`${code} from the browser's language, kept in the link`, async () => {
    const page = await openWith(env, { code, options: { locale: `${code}-XX` } });
    await checkLanguage(page, language);
    await page.waitForFunction((c) => new URLSearchParams(location.hash.slice(1)).get('lang') === c, code);
  });

  test(`${code} from the menu, remembered on the next visit; English back from the menu`, async () => {
    const page = await openWith(env, { code, options: { locale: 'en-GB' } });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await Promise.all([page.waitForEvent('load'), page.selectOption('#language', code)]);
    await page.waitForSelector('body[data-engine="ready"]');
    await checkLanguage(page, language);
    await page.goto(`${env.url}/index.html`);   // no lang in the link: the remembered choice
    await page.waitForSelector('body[data-engine="ready"]');
    await checkLanguage(page, language);
    await Promise.all([page.waitForEvent('load'), page.selectOption('#language', 'en')]);
    await page.waitForSelector('body[data-engine="ready"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('#tokens-title').textContent(), `1 ${en['tokens.title']}`);
    assert.deepEqual(page.errors, []);
  });

  test(`${code}: a training run that reaches its number of steps says so in ${code}`, async () => {
    const page = await openWith(env, { code, hash: `#lang=${code}&demoSteps=5&demoPace=0` });
    await page.locator('#guidance').scrollIntoViewIfNeeded();
    await page.locator('[data-widget=training] [data-action=play]').click();
    const status = page.locator('[data-widget=training] p.status');
    const [before, after] = catalogue['training.reached'].split('{step}');
    await page.waitForFunction(([el, text]) => el.textContent.includes(text), [await status.elementHandle(), after]);
    assert.equal((await status.textContent()).replace(/[\u2066\u2069]/g, ''), `${before}5${after}`);
    assert.deepEqual(page.errors, []);
  });

  test(`${code}: a number typed as the page writes it is read`, async () => {
    const page = await openWith(env, { code, hash: `#lang=${code}` });
    const decimal = await page.evaluate((c) => new Intl.NumberFormat(c).formatToParts(0.5).find((p) => p.type === 'decimal').value, code);
    const cell = page.locator('[data-widget=tokens] input[data-field=embeddings]').nth(1);   // token A, entry 2
    await cell.click();
    await cell.fill(`0${decimal}5`);
    await cell.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('embeddings')?.startsWith('1,0.5,0;'));
    assert.equal(await cell.getAttribute('aria-invalid'), null);
    assert.equal(await cell.inputValue(), `0${decimal}5`, 'written back the way it was typed');
    assert.deepEqual(page.errors, []);
  });

  test(`${code} in an embedded widget (embed.html, the language in its hash)`, async () => {
    const page = await env.page();
    await page.goto(`${env.url}/embed.html#widget=normalize&lang=${code}`);
    await page.waitForSelector('body[data-engine="ready"]');
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [code, language.dir]);
    const strip = (x) => x.replace(MARKUP, '');
    assert.equal(await page.title(), strip(catalogue['page.embedTitleOf']).replace('{widget}', strip(catalogue['normalize.title'])), 'the title in the language');
    assert.deepEqual(englishIn(await readerText(page)), []);
    assert.deepEqual(page.errors, []);
  });
}

test('es: the words inside formulas, the vectors in the gradient graph, the import button and a list item with its article are Spanish', async () => {
  const es = readCatalogue('es');
  const page = await openWith(env, { code: 'es', hash: '#lang=es', before: renderEverything });
  const words = (selector) => page.locator(selector).evaluateAll((els) => els.flatMap((el) => [...el.querySelectorAll('mtext, mi')].map((m) => m.textContent.trim())));
  assert.ok((await words('[data-widget=all-tokens] .formula')).includes(es['math.output']));
  assert.ok((await words('[data-widget=gradients] .formula')).includes(es['math.target']));
  const boxes = await page.locator('[data-widget=gradients] .gradient-graph .node-value').allTextContents();
  const vectors = boxes.filter((b) => b.startsWith('['));
  assert.ok(vectors.length > 0 && vectors.every((v) => v.includes('; ') && !v.includes(', ')), `vectors as Spanish writes them: ${vectors}`);
  assert.equal((await page.locator('[data-widget=training] [data-action=import]').textContent()).trim(), es['training.import']);
  assert.match(await page.locator('[data-widget=soft-hard]').textContent(), /la consulta de A/);
  assert.deepEqual(page.errors, []);
});
