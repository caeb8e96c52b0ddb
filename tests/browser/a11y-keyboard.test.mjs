// The page by keyboard alone (page.keyboard only, no mouse and no clicks): Tab reaches every
// control in document order with a visible focus ring; the jump-to-step links; a number grid
// moved through by the arrow keys, a cell edited with Enter and undone with Escape; a heatmap
// moved through by the arrow keys; the training demo trained, stepped and scrubbed; exercises
// opened and answered, and a challenge solved with its hint and "show me".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, startDemo, values, renderEverything } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const focused = (page, selector) => page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector);
const label = (page) => page.evaluate(() => document.activeElement.getAttribute('aria-label'));

// Presses Tab (or Shift+Tab) until the focus is on an element matching `selector`.
async function tabTo(page, selector, { back = false, most = 600 } = {}) {
  for (let i = 0; i < most; i++) {
    if (await focused(page, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('Tab reaches every control, in document order, each with a visible focus ring', async () => {
  const page = await env.page();
  await renderEverything(page);   // every figure drawn now, not when scrolled to: the list below holds them all
  await page.goto(`${env.url}/index.html`);
  await page.waitForSelector('body[data-engine="ready"]');
  await startDemo(page);   // the untrained model's first report
  await page.evaluate(() => {
    // What Tab should reach: every visible, enabled control in the Tab order (one radio of a
    // group: the checked one; one cell of a grid: its roving Tab stop).
    window.expected = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')].filter((el) => el.tabIndex >= 0
      && !el.disabled && el.checkVisibility({ visibilityProperty: true })
      && !(el.type === 'radio' && !el.checked && document.querySelector(`input[type=radio][name="${el.name}"]:checked`)));
    window.reached = [];
  });
  for (let presses = 0; presses < 1000; presses++) {
    await page.keyboard.press('Tab');
    const done = await page.evaluate(() => {
      const el = document.activeElement;
      if (el === document.body || window.reached.some((r) => r.el === el)) return true;
      const style = getComputedStyle(el);
      const rect = el.querySelector(':scope > rect');   // a focusable SVG node rings its box instead
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
        || (rect !== null && parseFloat(getComputedStyle(rect).strokeWidth) >= 3);
      window.reached.push({ el, ring });
      return false;
    });
    if (done) break;
  }
  const result = await page.evaluate(() => {
    const name = (el) => `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''} ${el.textContent.trim().slice(0, 30)}`;
    return {
      count: window.reached.length,
      missed: window.expected.filter((el) => !window.reached.some((r) => r.el === el)).map(name),
      unexpected: window.reached.filter((r) => !window.expected.includes(r.el)).map((r) => name(r.el)),
      noRing: window.reached.filter((r) => !r.ring).map((r) => name(r.el)),
      outOfOrder: window.reached.slice(1).filter((r, i) => !(window.reached[i].el.compareDocumentPosition(r.el) & Node.DOCUMENT_POSITION_FOLLOWING)).map((r) => name(r.el)),
    };
  });
  assert.ok(result.count > 100, `${result.count} stops`);
  assert.deepEqual(result.missed, [], 'controls Tab never reached');
  assert.deepEqual(result.unexpected, []);
  assert.deepEqual(result.noRing, [], 'focused without a visible ring');
  assert.deepEqual(result.outOfOrder, [], 'reached out of document order');
  assert.deepEqual(page.errors, []);
});

test('a jump-to-step link, then a number grid: arrows move, a typed number replaces, Enter keeps, Escape undoes', async () => {
  const page = await env.open();
  await tabTo(page, '#step-nav a[href="#scores"]');
  await page.keyboard.press('Enter');
  assert.ok(await focused(page, '#scores-title'), 'the step’s heading has the focus');
  await tabTo(page, '[data-widget=scores] [data-matrix=keys] input');
  assert.equal(await label(page), 'key of A, entry 1', 'the grid is entered at its first cell');
  await page.keyboard.press('ArrowDown');
  assert.equal(await label(page), 'key of B, entry 1');
  await page.keyboard.type('4');   // typing starts an edit and replaces the number
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.value), '4');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 3, 5]);

  await page.keyboard.press('ArrowRight');
  assert.equal(await label(page), 'key of B, entry 2', 'after Enter the arrows move again');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');   // while editing, up steps the number
  await page.keyboard.press('ArrowUp');
  const [, stepped] = await values(page, '[data-widget=scores] [data-score]');
  assert.ok(Math.abs(stepped - 3.4) < 1e-12, `B's score after two steps of 0.1 on its key: ${stepped}`);
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.value), '-1');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 3, 5], 'Escape put the number back');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await label(page), 'key of B, entry 1', 'after Escape the arrows move again');

  // The grid is one Tab stop: Tab leaves it, Shift+Tab comes back to the cell last visited.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page, '[data-matrix=keys] *'), false);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await label(page), 'key of B, entry 1');
  assert.deepEqual(page.errors, []);
});

test('a heatmap: the arrow keys move by row and column, Home and End along a row', async () => {
  const page = await env.open();
  const map = '[data-widget=all-tokens] [data-heatmap=weights]';
  await tabTo(page, `${map} [role=gridcell]`);
  const at = () => page.evaluate((m) => {
    const cells = [...document.querySelectorAll(`${m} [role=gridcell]`)];
    const i = cells.indexOf(document.activeElement);
    return [Math.floor(i / 3), i % 3, Number(document.activeElement.querySelector('.num').dataset.value)];
  }, map);
  const weights = await values(page, `${map} .num`);
  assert.deepEqual(await at(), [0, 0, weights[0]]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await at(), [1, 1, weights[4]]);
  await page.keyboard.press('End');
  assert.deepEqual(await at(), [1, 2, weights[5]]);
  await page.keyboard.press('ArrowRight');   // the edge: it stays
  assert.deepEqual(await at(), [1, 2, weights[5]]);
  await page.keyboard.press('Home');
  assert.deepEqual(await at(), [1, 0, weights[3]]);
  assert.deepEqual(page.errors, []);
});

test('the training demo: set the steps, train, one step, and scrub back and forth, all from the keyboard', async () => {
  const page = await env.open('#demoPace=0');
  const demo = '[data-widget=training]';
  const step = async () => Number(await page.getAttribute(`${demo} [data-step]`, 'data-step'));
  await tabTo(page, `${demo} input[aria-label="steps to train"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('200');
  await tabTo(page, `${demo} [data-action=play]`, { back: true });   // leaving the box sets the steps
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 200, null, { timeout: 60000 });
  await page.waitForSelector(`${demo} .training[data-running=false]`);
  await page.waitForSelector(`${demo} .reading[data-evaluated-at="200"]`);
  assert.equal(await step(), 200);

  await tabTo(page, `${demo} [data-action=step]`);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-widget=training] [data-step]').dataset.step === '201');

  await tabTo(page, `${demo} input[aria-label="recorded step shown"]`);
  const shown = () => page.getAttribute(`${demo} [data-shown-step]`, 'data-shown-step').then(Number);
  await page.keyboard.press('Home');
  assert.equal(await shown(), 0, 'Home shows the first recorded step');
  assert.equal(await page.isVisible(`${demo} [data-action=newest]`), true);
  await page.keyboard.press('ArrowRight');
  const second = await shown();
  assert.ok(second > 0 && second < 200, `one position on: step ${second}`);
  await page.keyboard.press('End');
  assert.equal(await shown(), 201, 'End is the newest step again');
  assert.equal(await page.isVisible(`${demo} [data-action=newest]`), false);
  assert.deepEqual(page.errors, []);
});

test('the exercises: open a step’s exercises, answer a choice and a number, then a challenge’s hint and show me, all from the keyboard', async () => {
  const page = await env.open();
  await page.waitForSelector('body[data-exercises="ready"]');
  await tabTo(page, '[data-exercises="scores"] > summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('[data-exercises="scores"]', (d) => d.open), true, 'Enter opened the exercises');

  // a prediction with choices: Tab to C, Space commits it
  await tabTo(page, '#exercise-attend-most button[data-answer="C"]');
  await page.keyboard.press('Space');
  const card = page.locator('#exercise-attend-most');
  assert.equal(await card.getAttribute('data-state'), 'answered');
  assert.equal(await card.locator('[data-engine-answer]').getAttribute('data-engine-answer'), 'C');
  assert.equal(await card.locator('[data-correct]').getAttribute('data-correct'), 'true');

  // a challenge: its hint, then show me, which walks the cells until the goal holds
  await tabTo(page, '#exercise-b-wins .exercise-hint-button');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#exercise-b-wins .exercise-hint').isVisible(), true);
  await tabTo(page, '#exercise-b-wins .show-me');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#exercise-b-wins[data-state="done"]');
  const scores = await values(page, '[data-widget="scores"] [data-score]');
  assert.ok(scores[1] > scores[0] && scores[1] > scores[2], `B wins: ${scores}`);

  // a prediction answered with a typed number: Enter in the box checks it
  await tabTo(page, '[data-exercises="normalize"] > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#exercise-weights-add-up input');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  const sum = page.locator('#exercise-weights-add-up');
  assert.equal(await sum.getAttribute('data-state'), 'answered');
  assert.equal(await sum.locator('[data-correct]').getAttribute('data-correct'), 'true');
  assert.match(await page.textContent('.exercise-progress [data-progress]'), /2 of 11 predictions answered, 1 of 10 challenges done/);
  assert.deepEqual(page.errors, []);
});
