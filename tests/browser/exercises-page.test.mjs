// The exercises under each step: collapsed by default; no challenge done at the defaults; a
// prediction's reveal is the engine's answer and follows an edit; "show me" walks the unlocked
// cells to the goal (at once under reduced motion), or says no edit can do it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

const STEPS = ['tokens', 'projections', 'scores', 'normalize', 'weighted-sum', 'all-tokens', 'gradients', 'soft-hard', 'embeddings', 'training'];
let env;
before(async () => { env = await start(); });
after(() => env.stop());

async function openPage(hash = '', options = {}) {
  const page = await env.open(hash, options);
  await page.waitForSelector('body[data-exercises="ready"]');
  return page;
}

test('every step has its exercises, collapsed; at the defaults no challenge is done', async () => {
  const page = await openPage();
  assert.deepEqual(await page.$$eval('details.exercises', (els) => els.map((e) => [e.dataset.exercises, e.open])), STEPS.map((s) => [s, false]));
  for (const step of STEPS) {
    assert.ok(await page.locator(`[data-exercises="${step}"] [data-exercise="predict"]`).count() >= 1, step);
    assert.ok(await page.locator(`[data-exercises="${step}"] [data-exercise="challenge"]`).count() >= 1, step);
  }
  // opened, every challenge is checked on these numbers: none is done
  await page.$$eval('details.exercises', (els) => els.forEach((e) => { e.open = true; }));
  await page.waitForFunction(() => [...document.querySelectorAll('.exercise-status')].every((s) => s.dataset.done));
  assert.deepEqual(await page.$$eval('[data-exercise="challenge"]', (els) => els.filter((e) => e.dataset.state !== 'open' || e.querySelector('.exercise-status').dataset.done !== 'false').map((e) => e.id)), []);
  assert.equal(await page.locator('[data-exercise]').count(), 21);
  assert.match(await page.textContent('.exercise-progress [data-progress]'), /0 of 11 predictions answered, 0 of 10 challenges done/);
  assert.deepEqual(page.errors, []);
});

test('a prediction reveals the engine’s answer after the reader commits, and follows an edit', async () => {
  const page = await openPage();
  await page.click('[data-exercises="scores"] > summary');
  const card = page.locator('#exercise-attend-most');
  assert.equal(await card.getAttribute('data-state'), 'open');
  assert.equal(await card.locator('.exercise-reveal').textContent(), '');
  await card.locator('button[data-answer="C"]').click();
  assert.equal(await card.getAttribute('data-state'), 'answered');
  assert.equal(await card.locator('[data-engine-answer]').getAttribute('data-engine-answer'), 'C');
  assert.equal(await card.locator('[data-correct]').getAttribute('data-correct'), 'true');
  assert.match(await card.locator('.exercise-why').textContent(), /A’s scores are \[1, 2, 5\].*so C gets the most \(0\.9362\)/);
  // B's key made to match A's query: the engine's answer becomes B, the guess is now wrong
  const cells = page.locator('[data-widget="scores"] input[data-field="wk"]');
  await cells.nth(4).fill('3');
  await cells.nth(4).press('Tab');
  await page.waitForSelector('#exercise-attend-most [data-engine-answer="B"]');
  assert.equal(await card.locator('[data-correct]').getAttribute('data-correct'), 'false');
  const scores = await values(page, '[data-widget="scores"] [data-score]');
  assert.match(await card.locator('.exercise-why').textContent(), new RegExp(`A’s scores are \\[1, ${scores[1]}, 5\\]`));
  // a typed number: step 4's sum of the weights
  await page.click('[data-exercises="normalize"] > summary');
  const sum = page.locator('#exercise-weights-add-up');
  await sum.locator('button[data-answer]').click();
  assert.match(await sum.locator('.cell-message').textContent(), /type a number first/);
  assert.equal(await sum.getAttribute('data-state'), 'open');
  await sum.locator('input').fill('1');
  await sum.locator('input').press('Enter');
  assert.equal(await sum.locator('[data-correct]').getAttribute('data-correct'), 'true');
  assert.deepEqual(page.errors, []);
});

// Records every B's score step 3 shows from now on (each redraw replaces the numbers).
function watchB(page) {
  return page.evaluate(() => {
    window.seenB = [];
    const list = document.querySelector('[data-widget="scores"] .dot-products');
    new MutationObserver(() => window.seenB.push(list.querySelector('[data-score="1"]')?.dataset.value)).observe(list, { childList: true });
  });
}

test('show me walks the unlocked cells to the goal, then the challenge is done', async () => {
  const page = await openPage();
  await page.click('[data-exercises="scores"] > summary');
  const card = page.locator('#exercise-b-wins');
  assert.equal(await card.locator('.exercise-hint').isVisible(), false);
  await card.locator('.exercise-hint-button').click();
  assert.equal(await card.locator('.exercise-hint').isVisible(), true);
  const before = await values(page, '[data-widget="scores"] [data-score]');
  await watchB(page);
  await card.locator('.show-me').click();
  await page.waitForSelector('#exercise-b-wins .exercise-solution[data-result="walking"]');
  await page.waitForSelector('#exercise-b-wins[data-state="done"]');
  await page.waitForSelector('#exercise-b-wins .exercise-solution[data-result="solved"]');
  const scores = await values(page, '[data-widget="scores"] [data-score]');
  assert.ok(scores[1] > scores[0] && scores[1] > scores[2], `B wins: ${scores}`);
  assert.equal(scores[0], before[0]);   // only B's key moved: A's and C's scores are as they were
  assert.equal(scores[2], before[2]);
  assert.match(await card.locator('.exercise-status').textContent(), /^Done: the goal holds\. .*so B gets the most/);
  // the numbers walked there: several redraws, B's score rising each time
  const walk = (await page.evaluate(() => window.seenB)).map(Number);
  assert.ok(walk.length >= 4, `${walk.length} redraws`);
  assert.ok(walk.every((x, i) => i === 0 || x >= walk[i - 1]), `B's score: ${walk}`);
  assert.deepEqual(page.errors, []);
});

test('under reduced motion show me jumps straight to the answer; the impossible challenge says why', async () => {
  const page = await openPage('', { reducedMotion: 'reduce' });
  // one redraw, straight to the end
  await page.click('[data-exercises="scores"] > summary');
  await watchB(page);
  await page.locator('#exercise-b-wins .show-me').click();
  assert.equal(await page.getAttribute('#exercise-b-wins', 'data-state'), 'done');
  assert.equal((await page.evaluate(() => window.seenB)).length, 1);
  // pressed again, the goal already holds: nothing moves
  await page.locator('#exercise-b-wins .show-me').click();
  assert.equal(await page.textContent('#exercise-b-wins .exercise-solution'), 'The goal already holds for these numbers: nothing to move.');
  assert.equal((await page.evaluate(() => window.seenB)).length, 1);
  await page.click('[data-exercises="normalize"] > summary');
  await page.locator('#exercise-sum-breaks .show-me').click();
  // no walk: the click itself set the final numbers
  assert.equal(await page.getAttribute('#exercise-sum-breaks .exercise-solution', 'data-result'), 'solved');
  assert.equal(await page.getAttribute('#exercise-sum-breaks', 'data-state'), 'done');
  assert.match(await page.textContent('[data-widget="normalize"] .warnings'), /Divide-by-sum gives C a weight of −/);
  await page.click('[data-exercises="soft-hard"] > summary');
  const hard = page.locator('#exercise-hard-learns');
  const wq = await page.$$eval('[data-widget="soft-hard"] input', (els) => els.map((e) => e.value));
  await hard.locator('.show-me').click();
  assert.equal(await hard.locator('.exercise-solution').getAttribute('data-result'), 'impossible');
  assert.match(await hard.locator('.exercise-solution').textContent(),
    /^No edit of these cells can do it.*A’s score for A went from 1 to 1\. .*the largest gradient reaching Wq or Wk is 0:/);
  assert.equal(await hard.getAttribute('data-state'), 'open');
  assert.deepEqual(await page.$$eval('[data-widget="soft-hard"] input', (els) => els.map((e) => e.value)), wq);
  assert.deepEqual(page.errors, []);
});
