// Every sentence on the page that states a fact about the numbers, checked against the engine's
// numbers the page itself shows (data-value), at the defaults and at edited states: one test per
// claim. The "Try:" lines' promises are claims too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const cell = (widget, label) => `[data-widget=${widget}] input[aria-label="${label}"]`;
// the text as the reader sees it (innerText: blocks apart), once the section is laid out
// (off-screen sections are skipped by content-visibility)
async function text(page, selector) {
  await page.locator(selector).first().evaluate((el) => el.closest('section')?.scrollIntoView());
  return (await page.innerText(selector)).replace(/\s+/g, ' ').trim();
}
const near = (actual, expected, tol = 1e-12) => assert.ok(actual.length === expected.length && actual.every((x, i) => Math.abs(x - expected[i]) <= tol), `${actual} vs ${expected}`);
// the gradients shown beside a matrix's cells, row by row
const grads = (page, selector) => page.$$eval(`${selector} tr`, (rows) => rows.map((r) => [...r.querySelectorAll('.grad')].map((g) => Number(g.dataset.value))));
const setTarget = async (page, entries) => {
  for (const [i, x] of entries.entries()) await page.fill(cell('gradients', `target for A’s output, entry ${i + 1}`), String(x));
};

test('step 3: the slip notice names the mis-added score and the products that add up to it', async () => {
  const page = await env.open();
  const products = await values(page, '[data-widget=scores] .slip-notice [data-value]');
  // B's score 2, the stated 4, the three products, their total
  assert.deepEqual(products, [2, 4, 3, -2, 1, 2]);
  assert.match(await text(page, '[data-widget=scores] .slip-notice'),
    /^B’s score is 2, not 4\. The explanation’s method is right and so is every product: 3 \+ \(−2\) \+ 1 = 2\. Only the adding up slipped\./);
  await page.fill(cell('scores', 'query of A, entry 1'), '2');   // the reader's own query: no longer the explanation's sums
  assert.equal(await text(page, '[data-widget=scores] .slip-notice'), '');
  assert.deepEqual(page.errors, []);
});

test('step 4: softmax worked on the scores names the largest weight and gives the engine\'s number', async () => {
  const page = await env.open();
  const weights = await values(page, '[data-bars=softmax] [data-weight]');
  assert.match(await text(page, '[data-claim=softmax-worked]'), /Here C’s weight is .* = 0\.9362/);
  assert.deepEqual(await values(page, '[data-claim=softmax-worked] .num'), [Math.max(...weights)]);
  await page.fill(cell('scores', 'key of B, entry 1'), '10');   // B's score 9 beats C's 5
  const edited = await values(page, '[data-bars=softmax] [data-weight]');
  assert.match(await text(page, '[data-claim=softmax-worked]'), /Here B’s weight is/);
  assert.deepEqual(await values(page, '[data-claim=softmax-worked] .num'), [Math.max(...edited)]);
});

test('step 4: divide-by-sum of all-negative scores warns that the lowest score gets the most weight', async () => {
  const page = await env.open();
  assert.equal(await page.locator('[data-claim=divide-by-sum-warning]').count(), 0);
  for (const [i, x] of [-1, -2, 1].entries()) await page.fill(cell('scores', `query of A, entry ${i + 1}`), String(x));
  const scores = await values(page, '[data-widget=scores] [data-score]');
  const weights = await values(page, '[data-bars=sum] [data-weight]');
  assert.deepEqual(scores, [-1, -2, -5]);
  const low = scores.indexOf(Math.min(...scores));
  assert.equal(weights.indexOf(Math.max(...weights)), low, 'the lowest score has the largest weight');
  assert.match(await text(page, '[data-claim=divide-by-sum-warning]'), /add up to a negative number \(−8\).*C has the lowest score \(−5\) yet gets the most weight \(0\.625\)/);
  assert.deepEqual(page.errors, []);
});

test('step 5: the explanation’s sum, the corrected divide-by-sum and softmax, side by side', async () => {
  const page = await env.open();
  const out = (way) => values(page, `[data-way=${way}] [data-way-output]`);
  near(await out('stated'), await values(page, '[data-way=stated] [data-claim=stated-sum] [data-value]'));
  assert.match(await text(page, '[data-way=stated]'), /Its weights 0\.1, 0\.4, 0\.5 come from dividing its scores 1, 4, 5 by their total\..*\[0\.2, 1\.3, 0\.6\]: this sum is right/);
  assert.match(await text(page, '[data-way=sum]'), /The scores of step 3, 1, 2, 5, each divided by their total 8\.\s*weights 0\.125, 0\.25, 0\.625 A’s output \[0\.5, 1\.125, 0\.75\]/);
  assert.deepEqual(await out('sum'), [0.5, 1.125, 0.75]);
  assert.deepEqual(await out('softmax'), await values(page, '[data-widget=weighted-sum] .written-sum [data-output]'));
  assert.match(await text(page, '[data-way=softmax] h3'), /used from here on/);
  // with the reader's own values the explanation's result is not claimed
  await page.fill(cell('weighted-sum', 'value of C, entry 1'), '2');
  assert.equal(await text(page, '[data-claim=stated-sum]'), 'With your values in place of the explanation’s.');
});

test('step 5, try: a larger first entry of C’s value raises entry 1 of the output every way, most under softmax', async () => {
  const page = await env.open();
  const first = async () => Promise.all(['stated', 'sum', 'softmax'].map(async (w) => (await values(page, `[data-way=${w}] [data-way-output]`))[0]));
  const before = await first();
  await page.fill(cell('weighted-sum', 'value of C, entry 1'), '2');
  const after = await first();
  const rise = after.map((x, i) => x - before[i]);
  assert.ok(rise.every((r) => r > 0), `${rise}`);
  assert.equal(rise.indexOf(Math.max(...rise)), 2, `${rise}`);
});

test('steps 6, 7 and 9 say which normaliser they use while the explanation’s weights are chosen', async () => {
  const page = await env.open();
  for (const w of ['all-tokens', 'gradients', 'embeddings']) assert.equal(await text(page, `[data-widget=${w}] [data-claim=instead]`), '');
  await page.check('[data-widget=normalize] input[value=stated]');
  for (const w of ['all-tokens', 'gradients', 'embeddings']) {
    assert.match(await text(page, `[data-widget=${w}] [data-claim=instead]`), /this step uses softmax instead/, w);
  }
  assert.match(await text(page, '[data-widget=normalize] [data-stated-note]'), /steps 6, 7 and 9 then use softmax/);
});

// Step 7's answers against the gradients shown in the same section.
async function story(page) {
  const [scoreGrads] = await grads(page, '[data-widget=gradients] [data-matrix=scores]');
  const valueGrads = await grads(page, '[data-widget=gradients] [data-matrix=values]');
  return { scoreGrads, valueC: valueGrads[2], more: await text(page, '[data-claim=more-a-less-b]'), c: await text(page, '[data-claim=value-of-c]') };
}

test('step 7 at the defaults: more of A and less of B (A’s score up, B’s down); C’s value entry 1 up, entry 3 down', async () => {
  const page = await env.open();
  const s = await story(page);
  assert.ok(s.scoreGrads[0] < 0 && s.scoreGrads[1] > 0, `${s.scoreGrads}`);
  assert.match(s.more, /Yes: the gradients ask for A’s score to go up and B’s to go down\. Lowering B’s score means a smaller dot product, so A’s query and B’s key are pulled apart/);
  assert.ok(s.valueC[0] < 0 && s.valueC[2] > 0, `${s.valueC}`);
  assert.match(s.c, /moves entry 1 up, entry 2 down and entry 3 down, so yes\./);
  assert.deepEqual(await values(page, '[data-claim=value-of-c] [data-value]'), s.valueC);
  // each token's line: "more of its value" follows ∂L/∂weight, the score follows ∂L/∂score, and
  // where the two disagree the line says the shared unit is why
  const [weightGrads] = await grads(page, '[data-widget=gradients] [data-matrix=weights]');
  const lines = await page.$$eval('[data-widget=gradients] .counterfactual li', (els) => els.map((e) => e.textContent));
  lines.forEach((line, j) => {
    assert.match(line, new RegExp(`more of its value would move the loss ${weightGrads[j] > 0 ? 'up' : 'down'}`), line);
    const agree = Math.sign(weightGrads[j]) === Math.sign(s.scoreGrads[j]);
    assert.match(line, new RegExp(`${agree ? 'So' : 'Yet'} its score should go ${s.scoreGrads[j] < 0 ? 'up' : 'down'}`), line);
  });
  assert.match(lines[2], /^C: more of its value would move the loss up .* Yet its score should go up: the weights share one unit, so more for C means less for the others, and here that trade helps\./);
});

test('step 7, try: with the target’s entry 2 at 2 the answers turn around with the gradients', async () => {
  const page = await env.open();
  await page.fill(cell('gradients', "target for A’s output, entry 2"), '2');
  const s = await story(page);
  assert.ok(s.scoreGrads[0] > 0 && s.scoreGrads[1] < 0, `B's score should go up: ${s.scoreGrads}`);
  assert.match(s.more, /Not with these numbers: the gradients ask for A’s score to go down and B’s to go up\./);
  assert.ok(s.valueC[0] < 0 && s.valueC[1] < 0 && s.valueC[2] > 0, `${s.valueC}`);
  assert.match(s.c, /moves entry 1 up, entry 2 up and entry 3 down, so yes\./);
  await setTarget(page, [0, 1, 0]);   // now C's value should shrink everywhere
  const t = await story(page);
  assert.ok(t.valueC.every((g) => g > 0), `${t.valueC}`);
  assert.match(t.c, /moves entry 1 down, entry 2 down and entry 3 down, so not quite\./);
  // each token's line agrees with its own score gradient
  const lines = await page.$$eval('[data-widget=gradients] .counterfactual li', (els) => els.map((e) => e.textContent));
  lines.forEach((line, j) => assert.match(line, new RegExp(`its score should go ${t.scoreGrads[j] < 0 ? 'up' : 'down'}`), line));
});

test('step 8: hard attention gives every score, the query and every key 0, the picked one included; only its value learns', async () => {
  const page = await env.open();
  const check = async (picked) => {
    for (const name of ['score-grads', 'query-grads', 'key-grads']) {
      assert.ok((await values(page, `[data-matrix=hard-${name}] [data-value]`)).every((g) => g === 0), name);
    }
    const rows = await page.$$eval('[data-matrix=hard-value-grads] tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('[data-value]')].some((e) => Number(e.dataset.value) !== 0)));
    assert.deepEqual(rows, ['A', 'B', 'C'].map((t) => t === picked));
    assert.match(await text(page, '[data-claim=hard-zero]'),
      new RegExp(`^Hard attention picks ${picked}\\. Every score, A’s query and every key get exactly 0 gradient, ${picked}’s key included: .* Only ${picked}’s value gets a gradient`));
  };
  await check('C');
  await page.fill(cell('scores', 'key of B, entry 1'), '10');   // B's score 9 is now the top
  await check('B');
  // a target equal to the picked value leaves nothing to learn at all
  await setTarget(page, [-1, 2, 0]);
  assert.match(await text(page, '[data-claim=hard-zero]'), /No value gets a gradient either: the output already equals the target\./);
  assert.deepEqual(page.errors, []);
});

test('step 8: the sliver gets a gradient, and dividing by √d widens it', async () => {
  const page = await env.open();
  const read = async () => {
    const [weight, ...rest] = await values(page, '[data-claim=sliver] [data-value]');
    const [scaledWeight, ...scaledKey] = await values(page, '[data-claim=sqrt-d] [data-value]');
    const norm = (xs) => Math.hypot(...xs);
    return { weight, key: norm(rest.slice(0, 3)), scaledWeight, scaledKey: norm(scaledKey) };
  };
  const d = await read();
  const softWeights = await values(page, '[data-matrix=soft-weights] [data-value]');
  assert.equal(d.weight, Math.min(...softWeights));
  assert.ok(d.key > 0);
  assert.ok(d.scaledWeight > d.weight && d.scaledKey > d.key, JSON.stringify(d));
  assert.match(await text(page, '[data-claim=sqrt-d]'), /divide the scores by √d \(d = 3, the length of a key\)/);
  // try: a query three times longer shrinks the sliver and its gradient
  for (const [i, x] of [3, 6, -3].entries()) await page.fill(cell('scores', `query of A, entry ${i + 1}`), String(x));
  const long = await read();
  assert.ok(long.weight < d.weight && long.key < d.key, JSON.stringify(long));
  // far longer still: the weight rounds to 0, and the sentence no longer claims a gradient
  for (const [i, x] of [300, 600, -300].entries()) await page.fill(cell('scores', `query of A, entry ${i + 1}`), String(x));
  const [weight, ...key] = await values(page, '[data-claim=sliver] [data-value]');
  assert.equal(weight, 0);
  assert.deepEqual(key.map(Math.abs), [0, 0, 0]);
  assert.match(await text(page, '[data-claim=sliver]'), /and its key’s gradient \[0, 0, 0\] is 0: the sliver has grown too thin/);
});

test('step 1, try: editing a token vector switches to computed queries and changes A’s query', async () => {
  const page = await env.open();
  const before = await values(page, '[data-widget=scores] [data-matrix=queries-computed] [data-value], [data-widget=scores] [data-matrix=queries] input');
  await page.fill(cell('tokens', 'token A, entry 2'), '0.5');
  assert.ok(await page.isChecked('[data-widget=projections] input[value=projected]'));
  const q = await values(page, '[data-widget=scores] [data-matrix=queries-computed] [data-value]');
  assert.notDeepEqual(q, before);
  assert.deepEqual(q, [1, 2.5, -0.5]);
});

test('step 2: the written-out product is the engine’s query, and the try line’s edit changes it', async () => {
  const page = await env.open();
  const written = () => page.$$eval('[data-widget=projections] .written-product > .vector', (els) => els.map((v) => [...v.querySelectorAll('[data-value]')].map((e) => Number(e.dataset.value))));
  assert.deepEqual((await written()).at(-1), [1, 2, -1]);
  assert.match(await text(page, '[data-widget=projections] .written-product'), /entry 1 = 1·1 \+ 0·0 \+ 0·1 = 1; entry 2 = 1·2 \+ 0·1 \+ 0·0 = 2; entry 3 = 1·\(−1\) \+ 0·1 \+ 0·0 = −1/);
  assert.match(await text(page, '[data-widget=projections] .note'), /B’s and C’s queries, so \[0, 1, 1\] and \[1, 0, 0\] are made up by this page/);
  await page.check('[data-widget=projections] input[value=projected]');
  await page.fill(cell('projections', 'Wq row 1, column 2'), '3');
  assert.deepEqual((await written()).at(-1), [1, 3, -1]);
  assert.deepEqual((await values(page, '[data-widget=scores] [data-matrix=queries-computed] [data-value]')), [1, 3, -1]);
});

test('step 4, try: A’s query entry 3 set to 1 makes the scores add to 0: divide-by-sum has no answer, softmax has one', async () => {
  const page = await env.open();
  await page.fill(cell('scores', 'query of A, entry 3'), '1');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 0, -1]);
  assert.match(await text(page, '[data-bars=sum]'), /The scores of A add up to 0, so they cannot be divided by their sum/);
  assert.equal((await values(page, '[data-bars=softmax] [data-weight]')).length, 3);
});

test('step 6, try: under the causal mask A looks only at itself', async () => {
  const page = await env.open();
  await page.check('[data-widget=all-tokens] input[type=checkbox]');
  assert.deepEqual((await values(page, '[data-widget=all-tokens] .heat .num')).slice(0, 3), [1, 0, 0]);
});

test('step 9, try: each step on the token vectors lowers the loss', async () => {
  const page = await env.open();
  const losses = [(await values(page, '[data-loss-value]'))[0]];
  for (let i = 0; i < 3; i++) {
    await page.click('[data-widget=embeddings] button:text("Move the token vectors one step")');
    losses.push((await values(page, '[data-loss-value]'))[0]);
  }
  for (let i = 1; i < losses.length; i++) assert.ok(losses[i] < losses[i - 1], `${losses}`);
  assert.deepEqual(await values(page, '[data-widget=embeddings] .loss-history [data-loss]'), losses.slice(1));
});

test('step 9, try: at learning rate 0.5 the steps overshoot and the loss climbs above where it started', async () => {
  const page = await env.open();
  const rate = page.locator('[data-widget=embeddings] input[aria-label="learning rate for the token vectors"]');
  await rate.fill('0.5');
  await rate.dispatchEvent('change');
  const losses = [(await values(page, '[data-loss-value]'))[0]];
  for (let i = 0; i < 4; i++) {
    await page.click('[data-widget=embeddings] button:text("Move the token vectors one step")');
    losses.push((await values(page, '[data-loss-value]'))[0]);
  }
  assert.ok(losses[1] < losses[0], `the first step still helps: ${losses}`);
  assert.ok(losses.at(-1) > losses[0], `then the loss climbs: ${losses}`);
  assert.deepEqual(page.errors, []);
});
