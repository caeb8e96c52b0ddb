// "Show the code" and printing. The code each step shows is the generator's program for the page's
// state (tests/js/numpy-code.test.mjs runs those programs against the engine), follows an edit, and
// copies; step 10's script downloads. Printed to PDF by Chromium and turned into pictures by
// pdftoppm (poppler-utils): the page gives each step its own page with no control visible, and the
// worksheet one page per step, blanks where asked, and the answer key last. Page pictures are kept
// in browser/screenshots/ (ignored by git) for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, values } from './browser.mjs';
import { load } from '../js/engine.mjs';
import { decode, defaults } from '../../web/app/state.js';
import { STEP_NUMBERS, stepCode } from '../../web/app/code/numpy-steps.js';
import { CATALOG } from '../../web/app/exercises/catalog.js';

const shots = new URL('./screenshots/', import.meta.url).pathname;
const engine = await load();
const example = engine.workedExample();
const base = defaults(example, engine.modelDefaults(), 'the river bank');
const HASH = 'normalize=scaled-softmax&temperature=2&causal=1&wq=1,2,-1;0.5,1,0;2,0,1';

let env, work;
before(async () => {
  env = await start();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'print-test-'));
  fs.mkdirSync(shots, { recursive: true });
});
after(() => {
  fs.rmSync(work, { recursive: true, force: true });
  return env.stop();
});

const openCode = async (page, step) => {
  await page.locator(`[data-code-step="${step}"] summary`).click();
  await page.waitForSelector(`[data-code-step="${step}"][data-ready]`);
  return page.locator(`[data-code-step="${step}"] pre`).textContent();
};

// The controls a reader could see: every input, button, select, text area and summary that is rendered.
const visibleControls = (page) => page.$$eval('input, button, select, textarea, summary',
  (els) => els.filter((e) => e.checkVisibility()).map((e) => e.outerHTML.slice(0, 80)));

// The PDF's pages: their text (pdftotext) and, from pictures (pdftoppm, grey), the share of dark pixels.
function pages(pdf, name) {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const prefix = path.join(work, name);
  execFileSync('pdftoppm', ['-r', '30', '-gray', pdf, prefix]);
  const out = [];
  for (let i = 1; i <= count; i++) {
    const text = execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' });
    const file = fs.readdirSync(work).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm')).sort()[i - 1];
    const pgm = fs.readFileSync(path.join(work, file));
    // binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    const pixels = pgm.subarray(header[0].length);
    assert.equal(pixels.length, Number(header[1]) * Number(header[2]), `page ${i}: a whole picture`);
    const dark = pixels.reduce((n, p) => n + (p < 128), 0) / pixels.length;
    out.push({ text, dark, firstLine: text.split('\n').map((l) => l.trim()).find(Boolean) ?? '' });
  }
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(shots, name)]);   // for people to look at
  return out;
}

test('each step’s code is the generator’s program for the page’s numbers, follows an edit and copies', async () => {
  const page = await env.open(`#${HASH}`, { permissions: ['clipboard-read', 'clipboard-write'] });
  const state = decode(HASH, base).state;
  for (const step of STEP_NUMBERS) assert.equal(await openCode(page, step), stepCode(step, state, example), `step ${step}`);
  // an edit: the open views rewrite their code
  await page.locator('#scores [data-matrix=keys] input[data-cell="0,0"]').fill('0.5');
  const edited = { ...state, wk: [[0.5, ...state.wk[0].slice(1)], ...state.wk.slice(1)] };
  await page.waitForFunction(() => document.querySelector('[data-code-step="4"] pre').textContent.includes('Wk = np.array([[0.5,'));
  assert.equal(await page.locator('[data-code-step="4"] pre').textContent(), stepCode(4, edited, example));
  await page.locator('[data-code-step="6"] button', { hasText: 'Copy' }).click();
  await page.waitForSelector('[data-code-step="6"] [role=status]:text("Copied.")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), stepCode(6, edited, example));
  assert.deepEqual(page.errors, []);
});

test('without a clipboard, Copy selects the code and says how to copy it', async () => {
  const page = await env.open('');
  await openCode(page, 3);
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.locator('[data-code-step="3"] button', { hasText: 'Copy' }).click();
  await page.waitForSelector('[data-code-step="3"] [role=status]:text("Could not copy")');
  const code = await page.locator('[data-code-step="3"] pre').textContent();
  assert.equal((await page.evaluate(() => getSelection().toString())).trimEnd(), code.trimEnd());
  assert.deepEqual(page.errors, []);
});

test('step 10’s NumPy training script holds the demo’s model and downloads as train.py', async () => {
  const page = await env.open('#demoSeed=7&demoSteps=50');
  const text = await openCode(page, 10);
  const model = engine.createModel({ seed: 7 });
  const initial = model.toJSON();
  model.dispose();
  assert.match(text, /^steps = 50$/m);
  assert.ok(text.includes(`"seed": 7`), 'the seed');
  // the initial weights are the engine's, every digit
  assert.ok(text.includes(`"unembedding": np.array([${initial.parameters.unembedding.data.slice(0, 3).join(', ')}`), 'the initial weights');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-code-step="10"] button', { hasText: 'Download' }).click()]);
  assert.equal(download.suggestedFilename(), 'train.py');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), text);
  assert.deepEqual(page.errors, []);
});

test('printing the page: one step per page, the numbers and figures, no control visible', async () => {
  const page = await env.open(`#${HASH}`);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await visibleControls(page), [], 'no control is visible in print');
  // typed numbers print as text: A's query (direct mode: row 1 of Wq) is in step 3's editor
  const printed = await page.$$eval('#scores [data-matrix=queries] .print-only', (els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent));
  assert.deepEqual(printed, ['1', '2', '−1']);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));   // what a print does first: draws waiting figures
  assert.equal(await page.locator('[data-stale]').count(), 0, 'every figure drawn');
  // step 10's model has not reported (its worker starts as the step nears): no empty charts, a note instead
  assert.equal(await page.locator('[data-widget=training] .training[data-waiting]').count(), 1);
  assert.ok(await page.isVisible('[data-widget=training] .print-waiting'), 'the note on training');
  assert.equal(await page.isVisible('[data-widget=training] .line-chart'), false, 'no empty chart');
  const pdf = path.join(work, 'page.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const all = pages(pdf, 'print-page');
  const headings = await page.$$eval('main > section h2', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(all.length >= headings.length + 1, `${all.length} pages for the introduction and ${headings.length} sections`);
  // each section starts a page of its own
  for (const heading of headings) assert.ok(all.some((p) => p.firstLine.replace(/\s+/g, ' ') === heading), `a page starts with “${heading}”`);
  for (const [i, p] of all.entries()) assert.ok(p.dark > 0.001 && p.dark < 0.5, `page ${i + 1} has print on it and is not a dark block (${p.dark})`);
  assert.deepEqual(page.errors, []);
});

test('the worksheet: a page per step, blanks where asked, the answer key last, no control visible', async () => {
  const page = await env.open(`#${HASH}`);
  await page.evaluate(() => { window.print = () => { document.body.dataset.printAsked = ''; }; });
  await page.locator('.print-options summary').click();
  await page.locator('[data-blank-step="3"]').uncheck();   // step 3's results written in; the rest blank
  await page.locator('[data-print-worksheet]').click();
  await page.waitForSelector('body[data-print-asked]');
  assert.equal(await page.locator('[data-sheet="4"] .blank td').first().textContent(), '');
  assert.equal(await page.locator('[data-sheet="3"] .blank').count(), 0);
  // each step's predictions are questions with space to answer, and the key answers them from the engine:
  // step 3 asks which token A attends to most, and the key names the one with the largest softmax weight
  for (const [step, section] of Object.keys(CATALOG).slice(0, STEP_NUMBERS.length).entries()) {
    const predictions = CATALOG[section].filter((e) => e.goal === undefined).length;
    assert.equal(await page.locator(`[data-sheet="${step + 1}"] .worksheet-question .answer-space`).count(), predictions, `step ${step + 1}`);
  }
  const weights = await values(page, '[data-bars=softmax] [data-weight]');
  const top = ['A', 'B', 'C'][weights.indexOf(Math.max(...weights))];
  const keyed = await page.locator('.worksheet-key-step:nth-of-type(3) [data-answer]').first().textContent();
  assert.match(keyed, new RegExp(`\\b${top}\\b`), `the key: ${keyed}`);
  // the answer key holds every number a blank asks for
  const asked = await page.locator('[data-sheet="4"] .blank td').count();
  assert.equal(await page.locator('.worksheet-key-step:nth-of-type(4) td[data-value]').count(), asked);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await visibleControls(page), [], 'no control is visible in print');
  assert.equal(await page.$$eval('main, header', (els) => els.filter((e) => e.checkVisibility()).length), 0, 'only the worksheet prints');
  const pdf = path.join(work, 'worksheet.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const all = pages(pdf, 'print-worksheet');
  STEP_NUMBERS.forEach((step, i) => assert.match(all[i].firstLine, new RegExp(`^Step ${step}:`), `page ${i + 1} is step ${step}`));
  assert.equal(all[STEP_NUMBERS.length].firstLine, 'Answer key', 'the answer key follows the steps');
  assert.ok(all.length <= STEP_NUMBERS.length + 3, `${all.length} pages: the key takes at most three`);
  assert.ok(all[2].text.includes('scores'), 'step 3 is written in');
  for (const [i, p] of all.entries()) assert.ok(p.dark > 0.001 && p.dark < 0.5, `page ${i + 1} has print on it (${p.dark})`);
  assert.deepEqual(page.errors, []);
});
