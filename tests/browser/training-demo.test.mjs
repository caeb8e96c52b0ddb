// The live training demo in Chromium: it trains in the worker to the bank accuracy bar with
// every view updating; pause really stops; attention off lands below the bar; a diverging
// learning rate pauses with a message and the restore works; export -> import reproduces the
// predictions; the demo state survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, values } from './browser.mjs';
import { load } from '../js/engine.mjs';
import { EVALUATE_EVERY } from '../../web/engine/recording.js';

const engine = await load();

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const demo = '[data-widget=training]';
// The tests that are not about the pace train as fast as it goes.
const FAST = '#demoPace=0';
const step = async (page) => Number(await page.getAttribute(`${demo} [data-step]`, 'data-step'));
const idle = (page) => page.waitForSelector(`${demo} .training[data-running=false]`);
const predictions = (page) => page.$$eval(`${demo} .predictions li`, (lis) => lis.map((li) => [li.dataset.word, li.querySelector('.num').dataset.value]));

async function trainTo(page, steps) {
  await page.fill(`${demo} input[aria-label="steps to train"]`, String(steps));
  await page.dispatchEvent(`${demo} input[aria-label="steps to train"]`, 'change');
  await page.click(`${demo} [data-action=play]`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= n, steps, { timeout: 60000 });
  await idle(page);
  // the final progress message carries the evaluation of the last step: wait for that one, not
  // for an element an earlier evaluation already drew
  await page.waitForSelector(`${demo} .reading[data-evaluated-at="${steps}"]`);
}

test('trains in the worker to the bank accuracy bar, every view updating; pause stops the steps', async () => {
  const page = await env.open(FAST);
  await page.evaluate(() => {
    window.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
    }).observe({ type: 'longtask' });   // from now on: while training, not while loading
  });
  // the loop starts when step 10 nears the viewport, not with the page
  const training = () => page.workers().some((w) => w.url().endsWith('/engine/training-worker.js'));
  assert.equal(await page.getAttribute(`${demo} [data-runs-in]`, 'data-runs-in'), '');
  assert.ok(!training(), 'no training worker before step 10 nears');
  await page.locator(demo).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${demo} [data-scatter] circle[data-word=bank]`);   // the untrained model's first report
  assert.equal(await page.getAttribute(`${demo} [data-runs-in]`, 'data-runs-in'), 'worker');
  assert.ok(training(), 'the training worker is running');
  const firstPoints = await page.$eval(`${demo} [data-scatter] circle[data-word=bank]`, (c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`);

  await trainTo(page, 600);
  const [bank] = await values(page, `${demo} [data-bank-accuracy]`);
  assert.ok(bank >= 0.95, `bank accuracy ${bank}`);
  const [finds] = await values(page, `${demo} [data-finds-context]`);
  assert.ok(finds >= 0.8, `head finds the context word in ${finds}`);
  assert.ok(Number(await page.getAttribute(`${demo} [data-chart=loss]`, 'data-points')) >= 600, 'loss curve drawn');
  assert.ok(Number(await page.getAttribute(`${demo} [data-chart=bank-accuracy]`, 'data-points')) >= 2, 'accuracy curve drawn');
  assert.equal(await page.locator(`${demo} [data-heatmap=head-0] .heat`).count(), 7 * 7, 'heatmap of "the boy saw the river bank"');
  const bankRow = await page.$$eval(`${demo} [data-heatmap=head-0] .heat .num`, (els) => els.slice(42).map((e) => Number(e.dataset.value)));
  assert.equal(bankRow.indexOf(Math.max(...bankRow)), 5, 'the bank row looks at "river"');
  assert.equal((await predictions(page))[0][0], 'grass');
  const lastPoints = await page.$eval(`${demo} [data-scatter] circle[data-word=bank]`, (c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`);
  assert.notEqual(lastPoints, firstPoints, 'the embedding view moved');

  // Pause really stops: after the pause, one explicit step moves the count by exactly one.
  await page.fill(`${demo} input[aria-label="steps to train"]`, '100000');
  await page.dispatchEvent(`${demo} input[aria-label="steps to train"]`, 'change');
  await page.click(`${demo} [data-action=play]`);
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 700);
  await page.click(`${demo} [data-action=pause]`);
  await idle(page);
  const paused = await step(page);
  await page.click(`${demo} [data-action=step]`);
  await page.waitForFunction((n) => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) !== n, paused);
  assert.equal(await step(page), paused + 1);
  console.log(`# longest main-thread task while training: ${(await page.evaluate(() => window.longestTask)).toFixed(0)} ms`);
  assert.deepEqual(page.errors, []);
});

test('at the default pace the accuracy is seen climbing: five or more values on the way to 95 %, 50 or more test points', async () => {
  const page = await env.open();
  await page.locator(demo).scrollIntoViewIfNeeded();   // the reader comes to step 10: its loop starts
  await page.waitForSelector(`${demo} [data-bank-accuracy]`);   // step 0's evaluation
  await page.evaluate(() => {
    // Every accuracy the reading shows, in order, as the reader would have seen it.
    window.shownAccuracies = [];
    const reading = document.querySelector('[data-widget=training] .reading');
    const note = () => {
      const value = reading.querySelector('[data-bank-accuracy]')?.dataset.value;
      if (value !== undefined && window.shownAccuracies.at(-1) !== value) window.shownAccuracies.push(value);
    };
    note();
    new MutationObserver(note).observe(reading, { childList: true, subtree: true });
  });
  assert.equal(await page.isChecked(`${demo} [data-control=pace] input[value="30"]`), true, 'the default pace is 30 steps/s');
  await trainTo(page, 600);
  const shown = (await page.evaluate(() => window.shownAccuracies)).map(Number);
  const climb = shown.slice(0, shown.findIndex((x) => x >= 0.95));
  assert.ok(shown.some((x) => x >= 0.95), `reached 95 %: ${shown}`);
  assert.ok(new Set(climb).size >= 5, `distinct accuracies shown before 95 %: ${climb}`);
  assert.ok(Number(await page.getAttribute(`${demo} [data-chart=bank-accuracy]`, 'data-points')) >= 50, 'the accuracy curve has 50 or more points');
  // the axes are numbered: accuracy from 0 to 1, steps from the first evaluation to the last
  const tick = (chart, axis) => page.textContent(`${demo} [data-chart=${chart}] [data-axis=${axis}]`);
  assert.deepEqual([await tick('bank-accuracy', 'y-bottom'), await tick('bank-accuracy', 'y-top')], ['0', '1']);
  assert.deepEqual([await tick('bank-accuracy', 'x-start'), await tick('bank-accuracy', 'x-end'), await tick('bank-accuracy', 'x-label')], ['0', '600', 'step']);
  assert.equal(await tick('loss', 'x-end'), '600');
  // the prose: the loss counts every word, so it stays well above 0 while "bank" is answered right
  const testLoss = Number(await page.getAttribute(`${demo} [data-chart=loss] path[data-series="1"]`, 'data-last'));
  assert.ok(shown.at(-1) >= 0.95 && testLoss > 0.5, `bank accuracy ${shown.at(-1)}, test loss ${testLoss}`);
  // whole training sentences, each with the word after "bank" that the model must guess
  const examples = await page.$$eval(`${demo} [data-example]`, (els) => els.map((e) => e.textContent));
  assert.equal(examples.length, 2);
  assert.match(examples[0], /river.* bank → grass$/);
  assert.match(examples[1], /money.* bank → loan$/);
  assert.deepEqual(page.errors, []);
});

test('the loss chart draws the engine’s baselines; the moment attention finds the word is marked and read out', async () => {
  const page = await env.open(FAST);
  await trainTo(page, 200);
  const expected = engine.trainingBaselines();
  for (const name of ['uniform', 'unigram', 'bigram']) {
    assert.equal(Number(await page.getAttribute(`${demo} [data-chart=loss] [data-level=${name}]`, 'data-value')), expected[name], `${name} line`);
    assert.deepEqual(await values(page, `${demo} [data-baseline-value=${name}]`), [expected[name]], `${name} in the text`);
  }
  assert.ok(expected.bigram < expected.unigram && expected.unigram < expected.uniform);
  // The moment, found here with the engine alone: the first evaluation step at which the bank
  // row's largest weight is on the context word in most test sentences.
  const model = engine.createModel({});
  let moment = 0;
  while (Math.max(...model.evaluate().headFindsContext) <= 0.5) moment = model.train(EVALUATE_EVERY).step;
  model.dispose();
  for (const chart of ['loss', 'bank-accuracy']) {
    assert.equal(Number(await page.getAttribute(`${demo} [data-chart=${chart}] [data-mark=moment]`, 'data-x')), moment, `marked on the ${chart} chart`);
  }
  assert.equal(Number(await page.getAttribute(`${demo} .reading [data-moment]`, 'data-moment')), moment);
  assert.match(await page.textContent(`${demo} .reading [data-moment]`), new RegExp(`At step ${moment} `));
});

// The heatmap's numbers under the first head, row by row, as the page shows them.
const heatmapNumbers = (page) => page.$$eval(`${demo} [data-heatmap=head-0] .heat .num`, (els) => els.map((e) => Number(e.dataset.value)));
const labelBoxes = (page) => page.$$eval(`${demo} [data-scatter] [data-label]`, (els) => els.map((e) => e.getBBox()).map(({ x, y, width, height }) => ({ x, y, width, height })));
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('the scrubber redraws a recorded step exactly as it was; the link keeps the position; labels never overlap', async () => {
  const page = await env.open(FAST);
  await trainTo(page, 600);
  const text = 'the boy saw the river bank';   // the demo's default sentence
  // Step 100 with the engine alone: the heatmap and the next words the page must show there.
  const model = engine.createModel({});
  model.train(100);
  const expected = { heat: model.attention(text).layers[0].heads[0].flat(), words: model.predict(text, 5).map((p) => [p.word, String(p.probability)]) };
  model.dispose();
  const live = await heatmapNumbers(page);
  const steps = await page.$eval(`${demo} [data-control=scrubber] input[type=range]`, (el) => Number(el.max) + 1);
  assert.equal(steps, 61, 'a snapshot every 10 steps, 0 to 600');
  const boxes = [];
  for (const index of [60, 30, 10, 3, 0]) {
    await page.$eval(`${demo} [data-control=scrubber] input[type=range]`, (el, i) => { el.value = String(i); el.dispatchEvent(new Event('input')); }, index);
    assert.equal(await page.getAttribute(`${demo} [data-shown-step]`, 'data-shown-step'), String(index * 10));
    boxes.push(await labelBoxes(page));
  }
  for (const frame of boxes) {
    assert.equal(frame.length, 3);
    frame.forEach((a, i) => frame.slice(i + 1).forEach((b) => assert.ok(!overlap(a, b), `labels overlap: ${JSON.stringify([a, b])}`)));
  }
  await page.$eval(`${demo} [data-control=scrubber] input[type=range]`, (el) => { el.value = '10'; el.dispatchEvent(new Event('input')); });
  assert.deepEqual(await heatmapNumbers(page), expected.heat, 'the heatmap of step 100');
  assert.deepEqual(await predictions(page), expected.words, 'the next words of step 100');
  assert.equal(Number(await page.getAttribute(`${demo} [data-chart=loss] [data-mark=shown]`, 'data-x')), 100, 'the charts mark the step shown');
  await page.waitForFunction(() => /demoView=100/.test(location.hash));
  // The link replays the run and shows the same step.
  const other = await env.open(await page.evaluate(() => location.hash));
  await other.waitForFunction(() => document.querySelector('[data-widget=training] [data-shown-step]')?.dataset.shownStep === '100', null, { timeout: 60000 });
  assert.deepEqual(await heatmapNumbers(other), expected.heat, 'the link shows the heatmap of step 100');
  await page.click(`${demo} [data-action=newest]`);
  assert.deepEqual(await heatmapNumbers(page), live, 'back to the newest');
  assert.deepEqual(page.errors, []);
});

// The bank-accuracy chart's curves: [points, last value] of this run (0) and the fork (1).
const bankCurves = (page) => page.$$eval(`${demo} [data-chart=bank-accuracy] path[data-series]`, (paths) => paths.map((p) => [Number(p.dataset.points), Number(p.dataset.last)]));

test('a fork overlays a second, named curve; attention off is one click; the link replays both', async () => {
  const page = await env.open(FAST);
  await trainTo(page, 200);
  await page.click(`${demo} [data-action=compare-attention]`);
  await page.waitForFunction(() => document.querySelector('[data-widget=training] [data-chart=bank-accuracy] path[data-series="1"]')?.dataset.points === '21');
  const [run, fork] = await bankCurves(page);
  assert.equal(run[0], 21, 'this run: 21 evaluations, 0 to 200');
  assert.ok(run[1] >= 0.95 && fork[1] <= 0.65, `with attention ${run[1]}, without ${fork[1]}`);
  assert.match(await page.textContent(`${demo} [data-chart=bank-accuracy] .legend`), /this run.*fork: attention off/);
  await page.waitForFunction(() => /demoFork=attention%3A0%400/.test(location.hash));
  const other = await env.open(await page.evaluate(() => location.hash));
  await other.waitForFunction(() => document.querySelector('[data-widget=training] [data-chart=bank-accuracy] path[data-series="1"]')?.dataset.points === '21', null, { timeout: 60000 });
  await other.waitForFunction(() => document.querySelector('[data-widget=training] [data-chart=bank-accuracy] path[data-series="0"]')?.dataset.points === '21', null, { timeout: 60000 });
  assert.deepEqual(await bankCurves(other), [run, fork], 'the link replays both runs bit for bit');

  // A learning-rate fork carries on from the shown step.
  await page.selectOption(`${demo} select[aria-label="setting the fork changes"]`, 'rate');
  await page.fill(`${demo} input[aria-label="its value in the fork"]`, '0.001');
  await page.$eval(`${demo} [data-control=scrubber] input[type=range]`, (el) => { el.value = '10'; el.dispatchEvent(new Event('input')); });
  await page.click(`${demo} [data-action=fork]`);
  await page.waitForFunction(() => /demoFork=rate%3A0.001%40100/.test(location.hash));
  assert.match(await page.textContent(`${demo} [data-chart=bank-accuracy] .legend`), /fork: training learning rate 0.001 from step 100/);
  await page.waitForSelector(`${demo} [data-chart=bank-accuracy] path[data-series="1"]`);
  await page.click(`${demo} [data-action=unfork]`);
  assert.equal(await page.locator(`${demo} [data-chart=bank-accuracy] path[data-series="1"]`).count(), 0, 'the fork’s curve is gone');
  assert.equal(await page.isVisible(`${demo} [data-chart=bank-accuracy] .legend-item.series-fork`), false);
  assert.deepEqual(page.errors, []);
});

test('with attention off, retraining lands below the bar', async () => {
  const page = await env.open(FAST);
  await page.uncheck(`${demo} .config input[type=checkbox]:near(:text("attention"))`);
  await trainTo(page, 600);
  const [bank] = await values(page, `${demo} [data-bank-accuracy]`);
  assert.ok(bank <= 0.65, `bank accuracy without attention ${bank}`);
  assert.match(await page.textContent(`${demo} .reading`), /Attention is off/);
  assert.deepEqual(page.errors, []);
});

test('a diverging learning rate pauses with a message, and the restore works', async () => {
  const page = await env.open(FAST);
  await trainTo(page, 100);
  await page.fill(`${demo} input[aria-label="learning rate"]`, '50');
  await page.dispatchEvent(`${demo} input[aria-label="learning rate"]`, 'change');
  await page.fill(`${demo} input[aria-label="steps to train"]`, '400');
  await page.dispatchEvent(`${demo} input[aria-label="steps to train"]`, 'change');
  await page.click(`${demo} [data-action=play]`);
  await page.waitForSelector(`${demo} .diverged .problem`);
  assert.match(await page.textContent(`${demo} .diverged`), /Training stopped: at step \d+ the loss is .*, over 10 times chance \(.*\), so the learning rate 50 is probably too high; the parameters of step \d+ are kept/);
  await idle(page);
  await page.fill(`${demo} input[aria-label="learning rate"]`, '0.02');
  await page.dispatchEvent(`${demo} input[aria-label="learning rate"]`, 'change');
  await page.click(`${demo} [data-action=restore]`);
  await page.waitForSelector(`${demo} [data-action=restore]`, { state: 'hidden' });
  assert.match(await page.textContent(`${demo} .status`), /Back at step \d+, the last step that was still learning/);
  const restored = await step(page);
  assert.ok(restored >= 100 && restored <= 400);
  await trainTo(page, restored + 400);
  const [bank] = await values(page, `${demo} [data-bank-accuracy]`);
  assert.ok(bank >= 0.95, `after the restore training works again: ${bank}`);
  assert.deepEqual(page.errors, []);
});

test('export -> import (its button, from the keyboard) reproduces the predictions; a broken file changes nothing', async () => {
  const page = await env.open(FAST);
  await trainTo(page, 300);
  const trained = await predictions(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${demo} [data-action=export]`)]);
  const file = await download.path();
  await page.click(`${demo} [data-action=reset]`);
  await page.waitForFunction(() => document.querySelector('[data-widget=training] [data-step]').dataset.step === '0');
  assert.notDeepEqual(await predictions(page), trained);
  // the file is chosen through the page's own button, from the keyboard (the file box is hidden)
  assert.equal(await page.locator(`${demo} input[type=file]`).isVisible(), false);
  // listening first, so the dialog is intercepted (Playwright turns that on when a listener is
  // added, in a message of its own: the focus after it is answered only once that is done)
  const chooser = page.waitForEvent('filechooser');
  await page.focus(`${demo} [data-action=import]`);
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-widget=training] [data-step]').dataset.step === '300');
  assert.deepEqual(await predictions(page), trained);

  const broken = JSON.parse(fs.readFileSync(file, 'utf8'));
  broken.parameters['layer0.wq'].data.pop();
  await page.setInputFiles(`${demo} input[type=file]`, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await page.waitForSelector(`${demo} .status .problem`);
  assert.match(await page.textContent(`${demo} .status`), /could not be imported: it is not a model this page saved, or it has been changed since \(load model: parameter 'layer0.wq' needs 256 numbers in 'data'\)\. Nothing changed\./);
  // the engine's own words are a technical detail, marked as English for a reader of any language
  assert.equal(await page.getAttribute(`${demo} .status .problem [lang=en]`, 'dir'), 'ltr');
  assert.match(await page.textContent(`${demo} .status .problem [lang=en]`), /^load model: parameter 'layer0.wq' needs 256 numbers/);
  assert.equal(await step(page), 300);
  assert.deepEqual(await predictions(page), trained);
  assert.deepEqual(page.errors, []);
});

test('config, seed and step are in the URL: the link reproduces the model elsewhere', async () => {
  const page = await env.open(FAST);
  await page.fill(`${demo} input[aria-label=seed]`, '5');
  await page.dispatchEvent(`${demo} input[aria-label=seed]`, 'change');
  await trainTo(page, 250);
  const trained = await predictions(page);
  await page.waitForFunction(() => /demoSeed=5/.test(location.hash) && /demoStep=250/.test(location.hash));
  // another browser profile (nothing stored) replays the 250 steps: same seed, same model
  const other = await env.open(await page.evaluate(() => location.hash));
  await other.waitForFunction(() => document.querySelector('[data-widget=training] [data-step]').dataset.step === '250', null, { timeout: 30000 });
  assert.deepEqual(await predictions(other), trained);
  assert.equal(await other.isVisible(`${demo} [data-restored]`), false);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
});

test('a trained model survives a reload, with a notice and a way to start over', async () => {
  const page = await env.open(FAST);
  await trainTo(page, 300);   // stopping at the chosen step keeps the model in the browser's storage
  const trained = await predictions(page);
  await page.waitForFunction(() => localStorage.getItem('attention-explained:model')?.includes('"step":300'));
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  await page.waitForSelector(`${demo} [data-restored]:not([hidden])`);
  assert.match(await page.textContent(`${demo} [data-restored]`), /Restored the model you trained here before \(step 300\)/);
  await page.waitForFunction(() => document.querySelector('[data-widget=training] [data-step]').dataset.step === '300');
  assert.deepEqual(await predictions(page), trained);
  await page.click(`${demo} [data-action=start-over]`);
  await page.waitForFunction(() => document.querySelector('[data-widget=training] [data-step]').dataset.step === '0');
  assert.equal(await page.evaluate(() => localStorage.getItem('attention-explained:model')), null);
  assert.deepEqual(page.errors, []);
});
