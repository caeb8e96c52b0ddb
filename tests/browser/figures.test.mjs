// The figures of steps 1–9: each is redrawn when an input of its section changes, and the
// numbers it draws are the engine's (the same numbers the section's boxes show); step 7's
// chain-rule paths add up to the engine's gradient and agree with the nudge check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const figure = (section, name) => `[data-widget=${section}] [data-figure=${name}]`;
// Figures in sections off screen are drawn when their section comes into view: bring it there and
// wait until the figure is drawn from the current numbers.
async function seen(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}:not([data-stale])`);
}
// A figure's bars row by row (data-row, data-col), as a matrix.
async function strips(page, selector) {
  await seen(page, selector);
  const bars = await page.$$eval(`${selector} rect.strip-bar`, (els) => els.map((e) => [Number(e.dataset.row), Number(e.dataset.col), Number(e.dataset.value)]));
  const rows = [];
  for (const [r, c, v] of bars) (rows[r] ??= [])[c] = v;
  return rows;
}

test('step 1: each token’s bars are its vector, and follow an edit', async () => {
  const page = await env.open();
  assert.deepEqual(await strips(page, figure('tokens', 'tokens')), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  await page.fill('[data-widget=tokens] input[aria-label="token A, entry 2"]', '-0.5');
  assert.deepEqual((await strips(page, figure('tokens', 'tokens')))[0], [1, -0.5, 0]);
  assert.match(await page.textContent(`${figure('tokens', 'tokens')} table`), /−0\.5/);
  assert.deepEqual(page.errors, []);
});

test('step 2: focusing a q, k or v entry draws the vector and the matrix column that made it', async () => {
  const page = await env.open();
  const product = figure('projections', 'projection');
  const cell = '[data-widget=projections] input[aria-label="key of B, entry 3"]';
  await page.focus(cell);
  assert.equal(Number(await page.getAttribute(`${product} [data-focused]`, 'data-value')), Number(await page.inputValue(cell)));
  assert.deepEqual(await page.$$eval(`${product} .marked[data-w]`, (els) => els.map((e) => e.dataset.w)), ['0,2', '1,2', '2,2']);
  assert.deepEqual(await values(page, `${product} [data-x] rect`), [0, 1, 0]);   // B, one-hot
  await page.fill(cell, '2.5');
  assert.equal(Number(await page.getAttribute(`${product} [data-focused]`, 'data-value')), 2.5);
  // projected: the result drawn is the engine's x·W, the same as the computed keys shown
  await page.check('[data-widget=projections] input[value=projected]');
  await page.hover('[data-widget=projections] [data-matrix=values-computed] [data-cell="2,0"]');
  assert.deepEqual(await values(page, `${product} [data-result] rect`), await values(page, '[data-widget=projections] [data-matrix=values-computed] tr:nth-child(3) .num'));
  assert.match(await page.textContent(`${product} .figure-sentence`), /^C’s value, entry 1 = C’s vector · column 1 of Wv = /);
  assert.deepEqual(page.errors, []);
});

test('step 3: the terms and the sum of each dot product, and the scores on a line, follow a key edit', async () => {
  const page = await env.open();
  const sums = async () => (await strips(page, figure('scores', 'dot-products'))).map((row) => row[3]);
  assert.deepEqual(await sums(), await values(page, '[data-widget=scores] [data-score]'));
  await seen(page, figure('scores', 'alignment'));
  assert.deepEqual(await values(page, `${figure('scores', 'alignment')} [data-mark]`), [1, 2, 5]);
  await page.fill('[data-widget=scores] input[aria-label="key of B, entry 2"]', '0');
  assert.deepEqual(await sums(), [1, 4, 5]);
  assert.deepEqual((await strips(page, figure('scores', 'dot-products')))[1].slice(0, 3), [3, 0, 1]);   // A's query [1, 2, −1] · [3, 0, −1]
  await seen(page, figure('scores', 'alignment'));
  assert.deepEqual(await values(page, `${figure('scores', 'alignment')} [data-mark]`), [1, 4, 5]);
  assert.deepEqual(page.errors, []);
});

test('step 4: scores, exponentials, softmax and divide-by-sum weights move with the temperature and a bad sum is shown', async () => {
  const page = await env.open();
  const drawn = () => strips(page, figure('normalize', 'normalise'));
  // row 2 is e^((s − top)/T): the top score's is 1; the weights are row 2 over its total, the number the sentence gives
  const exponentials = async (rows) => {
    const T = Number(await page.getAttribute('[data-widget=normalize] output', 'data-value'));
    const top = Math.max(...rows[0]);
    rows[0].forEach((s, j) => assert.ok(Math.abs(rows[1][j] - Math.exp((s - top) / T)) <= 1e-14, `e^((${s} − ${top})/${T}) drawn as ${rows[1][j]}`));
    const total = Number(await page.getAttribute('[data-widget=normalize] [data-exponential-sum]', 'data-value'));
    assert.ok(Math.abs(total - rows[1].reduce((s, x) => s + x, 0)) <= 1e-15, `the total ${total}`);
    rows[1].forEach((x, j) => assert.ok(Math.abs(rows[2][j] - x / total) <= 1e-15, `weight ${j + 1}: ${rows[2][j]} vs ${x} / ${total}`));
  };
  const before = await drawn();
  assert.equal(Math.max(...before[1]), 1);
  await exponentials(before);
  assert.deepEqual(before[2], await values(page, '[data-bars=softmax] [data-weight]'));
  assert.deepEqual(before[3], await values(page, '[data-bars=sum] [data-weight]'));
  await page.focus('[data-widget=normalize] input[type=range]');
  await page.keyboard.press('ArrowRight');
  const after = await drawn();
  assert.notDeepEqual(after[1], before[1]);
  assert.notDeepEqual(after[2], before[2]);
  await exponentials(after);
  assert.deepEqual(after[2], await values(page, '[data-bars=softmax] [data-weight]'));
  // scores adding to a negative number: divide-by-sum's weights leave 0…1 and are marked
  await page.fill('[data-widget=scores] input[aria-label="key of C, entry 1"]', '-9');
  const sumRow = await drawn();
  assert.deepEqual(sumRow[3], await values(page, '[data-bars=sum] [data-weight]'));
  assert.ok(await page.locator(`${figure('normalize', 'normalise')} rect.bad`).count() > 0);
  assert.ok(Number(await page.getAttribute('[data-widget=normalize] [data-score-sum]', 'data-value')) < 0);
  assert.deepEqual(page.errors, []);
});

test('step 5: each value times its weight, stacked, adds up to the output shown', async () => {
  const page = await env.open();
  const drawing = figure('weighted-sum', 'output');
  const parts = () => seen(page, drawing).then(() => page.$$eval(`${drawing} [data-part]`, (els) => els.map((e) => [e.dataset.part, Number(e.dataset.value)])));
  const before = await parts();
  await page.fill('[data-widget=weighted-sum] input[aria-label="value of C, entry 1"]', '4');
  const after = await parts();
  assert.notDeepEqual(after, before);
  const output = await values(page, '[data-widget=weighted-sum] .written-sum [data-output]');
  for (let d = 0; d < 3; d++) {
    const total = after.filter(([key]) => key.endsWith(`,${d}`)).reduce((s, [, v]) => s + v, 0);
    assert.ok(Math.abs(total - output[d]) < 1e-12, `entry ${d + 1}: ${total} vs ${output[d]}`);
  }
  // the figure's totals are the engine's output, and each one's mark sits where its bars end
  assert.deepEqual(await values(page, `${drawing} text[data-output]`), output);
  const ends = await page.$eval(drawing, (fig) => {
    const at = (selector, name) => Number(fig.querySelector(selector).getAttribute(name));
    const widths = [...fig.querySelectorAll('rect[data-part$=",0"]')].map((e) => Math.sign(Number(e.dataset.value)) * Number(e.getAttribute('width')));
    return { drawn: widths.reduce((s, w) => s + w, 0), mark: at('line[data-end="0"]', 'x1'), zero: at('line.zero', 'x1') };
  });
  assert.ok(Math.abs(ends.zero + ends.drawn - ends.mark) < 1e-6, `entry 1: the mark at ${ends.mark}, the bars end at ${ends.zero + ends.drawn}`);
  assert.deepEqual(page.errors, []);
});

test('step 6: the lines are the heatmap’s weights, and the causal mask greys out the future', async () => {
  const page = await env.open();
  const lines = () => seen(page, figure('all-tokens', 'attention-lines')).then(() => values(page, `${figure('all-tokens', 'attention-lines')} line.link`));
  assert.deepEqual(await lines(), await values(page, '[data-widget=all-tokens] .heat .num'));
  await page.check('[data-widget=all-tokens] [data-control=causal] input');
  assert.deepEqual(await lines(), await values(page, '[data-widget=all-tokens] .heat .num'));
  assert.deepEqual(await page.$$eval(`${figure('all-tokens', 'attention-lines')} line.masked`, (els) => els.map((e) => e.dataset.pair)), ['0,1', '0,2', '1,2']);
  assert.deepEqual(page.errors, []);
});

const node = (page, id, what) => seen(page, figure('gradients', 'graph')).then(() => page.getAttribute(`${figure('gradients', 'graph')} [data-node="${id}"] [data-${what}]`, `data-${what}`)).then(JSON.parse);

test('step 7: the graph shows the engine’s numbers and gradients, and follows a new target', async () => {
  const page = await env.open();
  const gradsShown = () => values(page, '[data-widget=gradients] [data-matrix=weights] .grad');
  const drawn = async () => Promise.all([0, 1, 2].map((j) => node(page, `w${j}`, 'grad')));
  assert.deepEqual(await drawn(), await gradsShown());
  assert.equal(await node(page, 'loss', 'value'), Number(await page.getAttribute('[data-widget=gradients] [data-loss-value]', 'data-value')));
  assert.deepEqual(await node(page, 'k1', 'value'), [3, -1, -1]);
  const before = await node(page, 'v2', 'grad');
  await page.fill('[data-widget=gradients] input[aria-label="target for A’s output, entry 1"]', '5');
  assert.notDeepEqual(await node(page, 'v2', 'grad'), before);
  assert.deepEqual(await drawn(), await gradsShown());
  assert.deepEqual(await node(page, 'out', 'value'), await values(page, '[data-widget=gradients] [data-matrix=output] .num'));
  assert.deepEqual(page.errors, []);
});

test('step 8: the run draws both losses and A’s score, and hard attention’s score stays flat', async () => {
  const page = await env.open();
  await page.click('[data-widget=soft-hard] button[data-control=descend]');
  const last = (chart, cls) => page.getAttribute(`[data-widget=soft-hard] [data-chart=${chart}] path.${cls}`, 'data-last').then(Number);
  const shown = (attr, side) => page.getAttribute(`[data-widget=soft-hard] [${attr}=${side}]`, 'data-value').then(Number);
  assert.equal(await last('soft-hard-loss', 'series-soft'), await shown('data-final', 'soft'));
  assert.equal(await last('soft-hard-score', 'series-hard'), await shown('data-score-end', 'hard'));
  assert.equal(await shown('data-score-end', 'hard'), await shown('data-score-start', 'hard'));
  assert.notEqual(await shown('data-score-end', 'soft'), await shown('data-score-start', 'soft'));
  assert.equal(await last('soft-hard-score', 'series-soft'), await shown('data-score-end', 'soft'));
  assert.deepEqual(page.errors, []);
});

test('step 9: the points are the token vectors and move to where the arrows pointed', async () => {
  const page = await env.open();
  const points = () => seen(page, figure('embeddings', 'moves')).then(() => page.$$eval(`${figure('embeddings', 'moves')} circle[data-view="0"]`, (els) => els.map((e) => [JSON.parse(e.dataset.value), JSON.parse(e.dataset.next)])));
  const before = await points();
  assert.deepEqual(before.map(([now]) => now), [[1, 0], [0, 1], [0, 0]]);
  await page.click('[data-widget=embeddings] [data-control=descend] button');
  const after = await points();
  assert.deepEqual(after.map(([now]) => now), before.map(([, next]) => next));
  assert.notDeepEqual(after.map(([now]) => now), before.map(([now]) => now));
  const shown = await values(page, '[data-widget=embeddings] [data-matrix=embedding-grads] [data-cell]');
  assert.deepEqual(after.map(([now]) => now), [0, 1, 2].map((j) => [shown[3 * j], shown[3 * j + 1]]));
  assert.deepEqual(page.errors, []);
});

test('step 7: a box of the graph, clicked or focused, adds up its gradient path by path, and the nudge check agrees', async () => {
  const page = await env.open();
  const chain = '[data-widget=gradients] [data-chain-rule=graph]';
  const near = (a, b, tol) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
  await seen(page, figure('gradients', 'graph'));
  for (const [id, paths] of [['w1', 3], ['s2', 3], ['out', 1], ['q', 3]]) {
    await page.click(`${figure('gradients', 'graph')} [data-node="${id}"]`);
    const totals = await values(page, `${chain} [data-total]`);
    const engine = await values(page, `${chain} [data-engine-grad]`);
    assert.ok(totals.length > 0, id);
    totals.forEach((x, k) => near(x, engine[k], 1e-9));
    assert.equal(await page.locator(`${chain} [data-entry="0"] [data-path]`).count(), paths, id);
  }
  assert.deepEqual(await values(page, `${chain} [data-engine-grad]`), await values(page, '[data-widget=gradients] [data-matrix=queries] .grad'));
  await page.focus(`${figure('gradients', 'graph')} [data-node="k2"]`);
  const nudges = await values(page, `${chain} [data-nudge]`);
  const grads = await values(page, `${chain} [data-engine-grad]`);
  assert.equal(nudges.length, 3);
  nudges.forEach((x, k) => near(x, grads[k], 1e-3));
  // a new target: the written-out paths follow it
  const before = await values(page, `${chain} [data-total]`);
  await page.fill('[data-widget=gradients] input[aria-label="target for A’s output, entry 1"]', '5');
  assert.notDeepEqual(await values(page, `${chain} [data-total]`), before);
  assert.deepEqual(page.errors, []);
});
