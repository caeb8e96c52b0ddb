// What a screen reader is told, against the engine's numbers: each heatmap's sentences ("A
// attends 93.6% to C, …") and every figure's text alternative; after an edit, the polite live
// region names the one or two numbers that moved most, with the engine's values before and
// after; while training, progress is told every 100 steps and when the run stops, and nothing
// in between.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, startDemo, values, renderEverything } from './browser.mjs';
import { load } from '../js/engine.mjs';
import { compute, FOCUS } from '../../web/app/compute.js';
import { fmt, percentText } from '../../web/app/text.js';
import { defaults, demoSentence } from '../../web/app/state.js';

const engine = await load();
const example = engine.workedExample();
const base = defaults(example, engine.modelDefaults(), demoSentence(engine.corpus().test[0]));
const T = example.tokens;

let env;
before(async () => { env = await start(); });
after(() => env.stop());

// Row r of a weight matrix as a reader hears it: largest first.
const sentence = (row, r) => `${T[r]} attends ${row.map((w, c) => [w, c]).sort((a, b) => b[0] - a[0]).map(([w, c]) => `${percentText(w)} to ${T[c]}`).join(', ')}.`;

test('step 6’s heatmap reads its rows out from the engine’s weights', async () => {
  const page = await env.open();
  const { weights } = compute(engine, example, base).all;
  const text = await page.textContent('[data-widget=all-tokens] [data-heatmap-text]');
  assert.equal(text, weights.map(sentence).join(' '));
  assert.match(text, /^A attends 93\.6% to C, 4\.7% to B, 1\.7% to A\./);
  assert.deepEqual(page.errors, []);
});

test('every figure has a text alternative with its numbers', async () => {
  const page = await env.page();
  await renderEverything(page);
  await page.goto(`${env.url}/index.html`);
  await page.waitForSelector('body[data-engine="ready"]');
  await startDemo(page);   // the untrained model's first report
  // What a screen reader can reach in each figure shown: its text outside pictures hidden from
  // it, and the descriptions of the pictures it can see.
  const silent = await page.$$eval('main figure', (figures) => figures.filter((f) => f.checkVisibility()).filter((f) => {
    const copy = f.cloneNode(true);
    for (const hidden of copy.querySelectorAll('[aria-hidden=true], svg')) hidden.remove();
    const described = [...f.querySelectorAll('svg[role=img]')].map((s) => document.getElementById(s.getAttribute('aria-describedby'))?.textContent ?? '');
    return !/\d/.test(copy.textContent + described.join(' '));
  }).map((f) => `${f.className} ${f.textContent.slice(0, 80)}`));
  assert.ok(await page.locator('main figure').count() > 20);
  assert.deepEqual(silent, []);
  assert.deepEqual(page.errors, []);
});

test('after an edit, the live region names the numbers that moved most, with the engine’s values', async () => {
  const page = await env.open();
  await page.fill('[data-widget=scores] input[aria-label="key of B, entry 1"]', '4');
  await page.waitForFunction(() => document.querySelector('[data-announcer=changes]').textContent !== '');
  const told = await page.textContent('[data-announcer=changes]');
  // The engine's numbers before and after, by the names the page gives them.
  const named = (results) => {
    const out = new Map();
    results.normalizers.softmax.scores[0].forEach((s, j) => out.set(`A’s score for ${T[j]}`, ['score', s]));
    results.chosen.weights[0].forEach((w, j) => out.set(`A’s weight on ${T[j]}`, ['weight', w]));
    results.chosen.output[0].forEach((x, i) => out.set(`A’s output, entry ${i + 1}`, ['output', x]));
    results.all.weights.forEach((row, r) => { if (r !== FOCUS) row.forEach((w, c) => out.set(`${T[r]}’s weight on ${T[c]}`, ['weight', w])); });
    out.set('the loss', ['loss', results.learning.loss]);
    return out;
  };
  const wk = base.wk.map((row) => [...row]);
  wk[1][0] = 4;
  const [before, now] = [named(compute(engine, example, base)), named(compute(engine, example, { ...base, wk }))];
  const items = told.replace(/\.$/, '').split('; ').map((item) => item.match(/^(.+): (\S+) → (\S+)$/));
  assert.ok(items.length >= 1 && items.length <= 2, told);
  for (const [, label, from, to] of items) {
    assert.ok(now.has(label), `“${label}” is a number the page shows`);
    assert.equal(from, fmt(before.get(label)[1]), `${label} before`);
    assert.equal(to, fmt(now.get(label)[1]), `${label} after`);
    // no number of the same kind moved further without being named
    const kind = now.get(label)[0];
    const moved = (l) => Math.abs(now.get(l)[1] - before.get(l)[1]);
    const further = [...now.keys()].filter((l) => now.get(l)[0] === kind && moved(l) > moved(label) && !items.some((i) => i[1] === l));
    assert.deepEqual(further, [], `${label} is the ${kind} that moved most`);
  }
  assert.deepEqual(page.errors, []);
});

test('training progress is told every 100 steps and when the run stops, with the numbers the reading shows', async () => {
  const page = await env.open('#demoPace=0&demoSteps=250');
  const demo = '[data-widget=training]';
  await page.evaluate(() => {
    const region = document.querySelector('[data-announcer=training]');
    window.told = [];
    new MutationObserver(() => window.told.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await page.click(`${demo} [data-action=play]`);
  await page.waitForSelector(`${demo} .reading[data-evaluated-at="250"]`, { timeout: 60000 });
  await page.waitForFunction(() => window.told.at(-1)?.startsWith('Step 250:'));
  const told = await page.evaluate(() => window.told);
  const steps = told.map((t) => Number(t.match(/^Step (\d+):/)[1]));
  // (two hundreds inside one progress message would be told as the later one alone)
  assert.equal(steps.at(-1), 250, told.join('\n'));
  assert.ok(steps.slice(0, -1).every((n, i) => n > 0 && n % 100 === 0 && n > (steps[i - 1] ?? 0)) && steps.length <= 3, told.join('\n'));
  const [bank] = await values(page, `${demo} [data-bank-accuracy]`);
  const loss = Number(await page.getAttribute(`${demo} [data-chart=loss] path[data-series="1"]`, 'data-last'));
  assert.equal(told.at(-1), `Step 250: on test sentences the word after “bank” is right ${percentText(bank)} of the time; test loss ${fmt(loss)}.`);
  assert.deepEqual(page.errors, []);
});

test('the loss chart’s text alternative: a line of one point said once, then each line’s first and last point', async () => {
  const page = await env.open('#demoPace=0');
  const demo = '[data-widget=training]';
  await page.locator(demo).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${demo} .reading[data-evaluated-at="0"]`);
  const described = () => page.$eval(`${demo} [data-chart=loss] svg[role=img]`, (s) => document.getElementById(s.getAttribute('aria-describedby')).textContent);
  const first = Number(await page.getAttribute(`${demo} [data-chart=loss] path[data-series="1"]`, 'data-last'));
  assert.match(await described(), new RegExp(`^test sentences: ${fmt(first, 3)} at step 0\\. uniform: `));
  await page.fill(`${demo} input[aria-label="steps to train"]`, '100');
  await page.dispatchEvent(`${demo} input[aria-label="steps to train"]`, 'change');
  await page.click(`${demo} [data-action=play]`);
  await page.waitForSelector(`${demo} .reading[data-evaluated-at="100"]`, { timeout: 60000 });
  await page.waitForSelector(`${demo} .training[data-running=false]`);
  const last = Number(await page.getAttribute(`${demo} [data-chart=loss] path[data-series="1"]`, 'data-last'));
  assert.match(await described(), new RegExp(`test sentences: ${fmt(first, 3)} at step 0, ${fmt(last, 3)} at step 100\\.`));
  assert.match(await described(), /^training batches: [\d.]+ at step 1, [\d.]+ at step 100\. /);
  assert.deepEqual(page.errors, []);
});
