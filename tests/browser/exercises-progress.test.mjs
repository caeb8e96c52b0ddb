// The reader's progress on the exercises: kept in this browser across a reload, shown at the top,
// reset by its button; a challenge's link opens it with its numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const counts = (page) => page.$eval('.exercise-progress [data-progress]', (el) => [Number(el.dataset.answered), Number(el.dataset.done)]);

test('progress survives a reload and the reset clears it', async () => {
  const page = await env.open();
  await page.waitForSelector('body[data-exercises="ready"]');
  assert.deepEqual(await counts(page), [0, 0]);
  await page.click('[data-exercises="gradients"] > summary');
  await page.click('#exercise-b-score-move button[data-answer="up"]');
  await page.click('#exercise-b-score-up .show-me');
  await page.waitForSelector('#exercise-b-score-up[data-state="done"]');
  assert.deepEqual(await counts(page), [1, 1]);
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('attention-explained:progress'))), { 'b-score-move': 'answered', 'b-score-up': 'done' });
  // a reload at the default numbers: the answer and the challenge are still recorded
  await page.goto(page.url().replace(/#.*$/, ''));
  await page.waitForSelector('body[data-exercises="ready"]');
  assert.deepEqual(await counts(page), [1, 1]);
  // the recorded states are on the exercises before their panel is opened (for a course page to read)
  assert.equal(await page.getAttribute('#exercise-b-score-move', 'data-state'), 'answered');
  assert.equal(await page.getAttribute('#exercise-b-score-up', 'data-state'), 'done');
  await page.click('[data-exercises="gradients"] > summary');
  assert.equal(await page.getAttribute('#exercise-b-score-move [data-engine-answer]', 'data-engine-answer'), 'down');
  assert.equal(await page.getAttribute('#exercise-b-score-up', 'data-state'), 'done');
  assert.equal(await page.getAttribute('#exercise-b-score-up .exercise-status', 'data-done'), 'false');   // done once, not now
  await page.click('.reset-progress');
  assert.deepEqual(await counts(page), [0, 0]);
  assert.equal(await page.getAttribute('#exercise-b-score-move', 'data-state'), 'open');
  assert.equal(await page.getAttribute('#exercise-b-score-up', 'data-state'), 'open');
  assert.equal(await page.evaluate(() => localStorage.getItem('attention-explained:progress')), '{}');
  assert.deepEqual(page.errors, []);
});

test('a challenge’s link opens it, with the numbers it was left at', async () => {
  const page = await env.open('#wk=3,-1,0;3,1,0;0,1,-3');
  await page.waitForSelector('body[data-exercises="ready"]');
  await page.click('[data-exercises="scores"] > summary');
  const href = await page.getAttribute('#exercise-b-wins .exercise-link', 'href');
  assert.equal(href, '#wk=3%2C-1%2C0%3B3%2C1%2C0%3B0%2C1%2C-3&exercise=b-wins');
  const other = await env.open(href);
  await other.waitForSelector('body[data-exercises="ready"]');
  assert.equal(await other.$eval('[data-exercises="scores"]', (d) => d.open), true);
  assert.equal(await other.$eval('[data-exercises="normalize"]', (d) => d.open), false);
  assert.match(await other.textContent('#exercise-b-wins .exercise-status'), /^Goal not reached yet\. Now B ties for first; the goal: B alone\.$/);
  // an id that is not an exercise's: a notice, and the rest of the link is kept
  const bad = await env.open('#exercise=Nope&temperature=2');
  await bad.waitForSelector('body[data-exercises="ready"]');
  assert.match(await bad.textContent('#notices'), /dropped exercise, the exercise \(expected an exercise id/);
  assert.deepEqual([page.errors, other.errors, bad.errors], [[], [], []]);
});
