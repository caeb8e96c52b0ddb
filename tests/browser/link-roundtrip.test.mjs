// The page never writes a state it cannot read back: every editable control of the page gets
// boundary and odd values (tiny, huge, negative, exponent notation, many decimals); after each
// accepted edit the written link, opened in a fresh browser profile, restores every control
// exactly and drops nothing; a rejected one shows the field's message at the control and leaves
// the link as it was. Then each embed (embed.html and the custom element) opened with the
// final link shows its controls exactly as the page does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';
import { load } from '../js/engine.mjs';
import { FIELDS, defaults, demoSentence } from '../../web/app/state.js';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const engine = await load();
const base = defaults(engine.workedExample(), engine.modelDefaults(), demoSentence(engine.corpus().test[0]));

// Every visible input and select under each root, as [name, shown text, value in force,
// invalid]. A box holding a rejected entry is compared by the value in force only.
function controls(roots) {
  return roots.flatMap((root) => [...root.querySelectorAll('input, select')].filter((el) => el.type !== 'file' && el.checkVisibility()).map((el) => {
    const name = `${el.getAttribute('aria-label') ?? el.name.replace(/-\d+$/, '')}:${el.value && (el.type === 'radio' || el.type === 'checkbox') ? el.value : ''}`;
    const shown = el.type === 'radio' || el.type === 'checkbox' ? String(el.checked) : el.value;
    return [name, shown, el.dataset.value ?? '', el.hasAttribute('aria-invalid')];
  }));
}

function assertSame(actual, expected, where) {
  assert.equal(actual.length, expected.length, `${where}: number of controls`);
  expected.forEach(([name, shown, value, invalid], i) => {
    const [otherName, otherShown, otherValue] = actual[i];
    assert.equal(otherName, name, `${where}: control ${i}`);
    assert.equal(otherValue, value, `${where}: ${name} value in force`);
    if (!invalid) assert.equal(otherShown, shown, `${where}: ${name} shown`);
  });
}

const pageControls = (page) => page.evaluate(`(${controls})([...document.querySelectorAll('[data-widget]')])`);
const hashOf = (page) => page.evaluate(() => location.hash.slice(1));

// Opens the link in a fresh profile: nothing dropped, every control as on the page.
async function reopens(page, why) {
  const hash = await hashOf(page);
  const fresh = await env.open(hash ? `#${hash}` : '');
  try {
    assert.doesNotMatch(await fresh.textContent('#notices'), /dropped|too long/, `${why}: the link read whole`);
    assertSame(await pageControls(fresh), await pageControls(page), `${why} (#${hash})`);
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.context().close();
  }
}

// Boundary and odd texts for a number field, from its own range.
function numberTexts({ min, max, kind, values }) {
  if (values) return [...values.map(String), String(values[0] + 1)];
  const texts = [String(min), String(max), String(-max), `${max}1`, '1e3', min > 0 ? `${min / 10}` : '-1'];
  if (kind === 'number') texts.push('0.012345678901234567', `${(min + max) / 3}`, '2.5e-1');
  else texts.push('1.5', `${Math.floor(max / 7)}`);
  return texts;
}
const CELL_TEXTS = ['1e-300', '-0.000001234', '1.5e3', '0.1234567890123456789', '999999.999999', '-1e6', '1000001', '-0', '+7', 'Infinity', '1e'];

// Types text into a box (or a cell) and leaves it; returns whether the field's parser took it.
async function type(page, locator, key, text) {
  const before = await hashOf(page);
  await locator.fill(text);
  await locator.press('Enter');
  await locator.blur();
  const { error } = FIELDS[key].kind === 'matrix' ? FIELDS[key].parse(`${text},0,0${';0,0,0'.repeat(FIELDS[key].rows - 1)}`) : FIELDS[key].parse(text);
  if (error) {
    assert.equal(await locator.getAttribute('aria-invalid'), '', `${key} = ${text} is marked`);
    const message = await page.textContent(`#${await locator.getAttribute('aria-errormessage')}`);
    assert.match(message, /still using/, `${key} = ${text}: ${message}`);
    assert.equal(await hashOf(page), before, `${key} = ${text} left the link as it was`);
  }
  return !error;
}

// Waits until the link holds the change (it is written at most every 200 ms).
const written = (page, before) => page.waitForFunction((b) => location.hash.slice(1) !== b, before);

test('every control of the page, edited with boundary and odd values, survives the link', async () => {
  const page = await env.open();
  let edits = 0;
  const edit = async (why, act) => {
    const before = await hashOf(page);
    if (await act() === false) return;
    await written(page, before);
    await reopens(page, why);
    edits++;
  };

  // The number boxes: each field's own range, ends included, and just past them.
  for (const key of ['learningRate', 'epsilon', 'embeddingRate', 'demoLearningRate', 'demoSeed', 'demoSteps']) {
    const box = page.locator(`[data-widget] input[data-field=${key}]:not([data-cell])`);
    let current = String(base[key]);
    for (const text of numberTexts(FIELDS[key])) {
      const { value, error } = FIELDS[key].parse(text);
      if (!error && String(value) === current) continue;   // no change: no new link
      await edit(`${key} = ${text}`, () => type(page, box, key, text));
      if (!error) current = String(value);
    }
  }

  // One cell of every matrix; between them, every odd value (exponents, −0, 1e-300, past the limit).
  const matrices = ['wk', 'wq', 'wv', 'target', 'embeddings'];
  for (const [i, key] of matrices.entries()) {
    const cell = page.locator(`[data-widget] input[data-cell][data-field=${key}]`).filter({ visible: true }).first();
    for (const text of CELL_TEXTS.filter((_, j) => j % matrices.length === i)) await edit(`${key} cell = ${text}`, () => type(page, cell, key, text));
  }

  // The sentence: spaces around it, characters a URL must escape.
  const sentence = page.locator('[data-widget=training] input[data-field=demoText]');
  for (const text of ['  the river bank  ', 'a&b=c#d%20+é;,']) await edit(`demoText = ${text}`, () => type(page, sentence, 'demoText', text));

  // Selects, checkboxes, radios and the temperature slider.
  for (const [label, choice] of [['heads', '3'], ['width d', '24'], ['heads', '4'], ['width d', '8'], ['test sentence', 2]]) {
    await edit(`${label} = ${choice}`, () => page.selectOption(`[data-widget] select[aria-label="${label}"]`, typeof choice === 'number' ? { index: choice } : choice));
  }
  for (const selector of ['[data-widget=all-tokens] input[type=checkbox]', 'input[aria-label="learn Wk"]',
    '[data-widget=training] label.check:has-text("MLP") input', '[data-widget=training] label.check:has-text("attention") input']) {
    await edit(`toggle ${selector}`, () => page.click(selector));
  }
  for (const value of ['sum', 'stated', 'scaled-softmax']) await edit(`normalize ${value}`, () => page.check(`[data-widget=normalize] input[value=${value}]`));
  const slider = '[data-widget=normalize] input[type=range]';
  for (const where of ['min', 'max', 'middle']) {
    await edit(`temperature at the slider's ${where}`, () => page.$eval(slider, (el, w) => {
      el.value = w === 'middle' ? String((Number(el.min) + Number(el.max)) / 3) : el[w];
      el.dispatchEvent(new Event('input'));
    }, where));
  }

  // Buttons that write numbers the engine computed.
  await edit('a descent step', () => page.click('[data-widget=gradients] button:has-text("Take a step")'));
  await edit('a nudge', () => page.click('[data-widget=gradients] [data-control=nudge] button'));
  await edit('an embedding step', () => page.click('[data-widget=embeddings] [data-control=descend] button'));
  await edit('one training step', () => page.click('[data-widget=training] [data-action=step]'));
  await edit('q, k, v typed directly again', () => page.check('[data-widget=projections] input[value=direct]'));

  console.log(`# ${edits} edits, each link reopened`);
  assert.ok(edits >= 45, `${edits} edits`);
  assert.deepEqual(page.errors, []);

  // The embeds, opened with the final link, show each widget's controls exactly as the page does.
  const hash = await hashOf(page);
  const embed = await env.page();
  for (const name of await page.$$eval('[data-widget]', (els) => els.map((el) => el.dataset.widget))) {
    const expected = await page.evaluate(`(${controls})([document.querySelector('[data-widget=${name}]')])`);
    await embed.goto('about:blank');
    await embed.goto(`${env.url}/embed.html#widget=${name}&${hash}`);
    await embed.waitForSelector('body[data-engine="ready"]');
    assert.equal((await embed.textContent('#notices')).trim(), '', `${name}: embed.html read the link whole`);
    assertSame(await embed.evaluate(`(${controls})([document.getElementById('embed')])`), expected, `embed.html ${name}`);

    const attributes = Object.fromEntries([...new URLSearchParams(hash)].map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v]));
    await embed.goto(`${env.url}/embed-demo.html`);
    await embed.evaluate(([n, attrs]) => {
      const el = document.createElement(`attention-${n}`);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.id = 'under-test';
      document.body.append(el);
    }, [name, attributes]);
    await embed.waitForSelector('#under-test[data-ready]');
    assert.equal(await embed.$eval('#under-test', (el) => el.shadowRoot.querySelector('.notices').textContent), '', `${name}: attributes read whole`);
    assertSame(await embed.evaluate(`(${controls})([document.getElementById('under-test').shadowRoot.querySelector('.widget')])`), expected, `<attention-${name}>`);
  }
  assert.deepEqual(embed.errors, []);
});

test('the lost-link report: A’s first entry 7 and a learning rate of 0.000001; a hand-edited link keeps its good settings', async () => {
  const page = await env.open();
  const entry = page.locator('[data-widget=projections] input[aria-label="query of A, entry 1"]');
  await entry.fill('7');
  const rate = page.locator('[data-widget=training] input[aria-label="learning rate"]');
  await rate.fill('0.000001');
  await rate.press('Enter');
  assert.match(await page.textContent(`#${await rate.getAttribute('aria-errormessage')}`),
    /^learning rate: 0\.000001 is below 0\.00001, the smallest allowed; still using 0\.\d+\.$/);
  await page.waitForFunction(() => location.hash.includes('wq=7'));
  await reopens(page, 'the report’s edits');

  const edited = await env.open('#wq=7,2,-1;0,1,1;1,0,0&demoLearningRate=0.000001&causal=1&demoSeed=12.5');
  assert.equal(await edited.inputValue('[data-widget=projections] input[aria-label="query of A, entry 1"]'), '7');
  assert.equal(await edited.isChecked('[data-widget=all-tokens] input[type=checkbox]'), true);
  assert.equal((await edited.locator('#notices .notice').count()), 1);
  assert.equal((await edited.textContent('#notices .notice')).replace('×', ''), 'The link’s settings: dropped demoLearningRate, the training '
    + 'learning rate (0.000001 is below 0.00001, the smallest allowed); demoSeed, the seed (12.5 is not a whole number); kept every other setting.');
  assert.deepEqual([...page.errors, ...edited.errors], []);
});

test('a section’s reset puts back its own fields, and the link then leaves them out', async () => {
  const page = await env.open('#wk=7,-1,0;3,-1,-1;0,1,-3&learningRate=0.25&causal=1');
  await page.click('[data-widget=gradients] button.reset');
  await page.waitForFunction(() => location.hash === '#causal=1');
  assert.equal(await page.inputValue('[data-widget=gradients] input[data-field=learningRate]'), String(base.learningRate));
  assert.equal(await page.inputValue('[data-widget=scores] input[aria-label="key of A, entry 1"]'), String(base.wk[0][0]));
  assert.equal(await page.isChecked('[data-widget=all-tokens] input[type=checkbox]'), true);
  assert.deepEqual(page.errors, []);
});
