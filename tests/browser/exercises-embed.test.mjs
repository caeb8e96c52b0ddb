// An exercise embedded alone: embed.html#…&exercise=id under its widget, with the cells it does
// not unlock read-only, posting the documented progress message to its parent; incoming messages
// still only in their documented shape; an author's challenge written as data in a custom
// element's attribute runs, and a malformed one is reported and not run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

const AUTHORED = JSON.stringify({
  id: 'my-b', title: 'Make B win by changing one number of B’s key.', hint: 'Entry 2 counts double.',
  goal: { quantity: 'top', by: 'A', is: 'B' }, cells: ['wk.B.2'], hide: ['wq'],
});

let env;
before(async () => { env = await start(); });
after(() => env.stop());

// A host page holding one embed.html iframe, collecting the messages it posts.
async function host(hash) {
  const page = await env.page();
  await page.goto(`${env.url}/embed-demo.html`);
  await page.evaluate((src) => {
    window.received = [];
    window.addEventListener('message', (e) => { if (e.data?.type === 'attention-explained:progress') window.received.push(e.data); });
    document.body.replaceChildren(Object.assign(document.createElement('iframe'), { id: 'frame', src }));
  }, `embed.html#${hash}`);
  const frame = page.frameLocator('#frame');
  await frame.locator('body[data-engine="ready"]').waitFor();
  return { page, frame };
}

test('an embedded challenge locks the other cells and posts its progress in the documented shape', async () => {
  const { page, frame } = await host('widget=scores&exercise=b-wins');
  assert.equal(await frame.locator('[data-exercise]').count(), 1);
  assert.equal(await frame.locator('#exercise-b-wins').getAttribute('data-exercise'), 'challenge');
  assert.equal(await frame.locator('#exercise-b-wins').getAttribute('data-state'), 'open');
  assert.deepEqual(await frame.locator('input[data-field="wk"]').evaluateAll((els) => els.map((e) => e.readOnly)),
    [true, true, true, false, false, false, true, true, true]);
  assert.deepEqual(await frame.locator('input[data-field="wq"]').evaluateAll((els) => els.map((e) => e.readOnly)), [true, true, true]);
  // messages to the embed: a progress-shaped one and junk are ignored, nothing is done
  await page.evaluate(() => {
    const target = document.getElementById('frame').contentWindow;
    target.postMessage({ type: 'attention-explained:progress', exercise: 'b-wins', kind: 'challenge', result: 'done' }, '*');
    target.postMessage({ type: 'attention-explained:state', state: { wk: 'x' } }, '*');
    target.postMessage({ type: 'attention-explained:state', state: 'wk=3,-1,0;3,1,0;0,1,-3' }, '*');   // the documented shape
  });
  await page.waitForFunction(() => /^Goal not reached yet\. Now B ties for first/.test(document.getElementById('frame').contentDocument.querySelector('#exercise-b-wins .exercise-status').textContent));
  assert.equal(await frame.locator('#exercise-b-wins .exercise-status').getAttribute('data-done'), 'false');
  assert.equal(await frame.locator('#exercise-b-wins').getAttribute('data-state'), 'open');
  assert.deepEqual(await page.evaluate(() => window.received), []);
  await frame.locator('#exercise-b-wins .show-me').click();
  await frame.locator('#exercise-b-wins[data-state="done"]').waitFor();
  await page.waitForFunction(() => window.received.length === 1);
  assert.deepEqual(await page.evaluate(() => window.received), [{ type: 'attention-explained:progress', exercise: 'b-wins', kind: 'challenge', result: 'done' }]);
  assert.deepEqual(page.errors, []);
});

test('an embedded prediction posts whether the answer was right', async () => {
  const { page, frame } = await host('widget=normalize&exercise=cold');
  await frame.locator('#exercise-cold button[data-answer="down"]').click();
  await page.waitForFunction(() => window.received.length === 1);
  assert.deepEqual(await page.evaluate(() => window.received), [{ type: 'attention-explained:progress', exercise: 'cold', kind: 'predict', result: 'answered', correct: false }]);
  assert.equal(await frame.locator('#exercise-cold [data-engine-answer]').getAttribute('data-engine-answer'), 'up');
  // an id that is no exercise's: said where the exercise would be
  const other = await host('widget=scores&exercise=no-such-thing');
  assert.match(await other.frame.locator('[data-exercise-error]').textContent(), /This challenge cannot run: there is no exercise “no-such-thing”/);
  // an author's challenge in the hash: run when it reads, reported (and not run) when it does not;
  // hint and show me hidden for a graded exercise
  const written = await host(`widget=scores&hide=hint,show-me&challenge=${encodeURIComponent(AUTHORED)}`);
  assert.equal(await written.frame.locator('#exercise-my-b').getAttribute('data-exercise'), 'challenge');
  assert.deepEqual(await written.frame.locator('#exercise-my-b button').evaluateAll((els) => els.map((e) => [e.textContent, e.checkVisibility()])),
    [['Hint', false], ['Show me', false]]);
  const broken = await host(`widget=scores&challenge=${encodeURIComponent('{"id":"x","title":"t","goal":{"quantity":"top","is":"D"},"cells":["wk.B"]}')}`);
  assert.equal(await broken.frame.locator('[data-exercise]').count(), 0);
  assert.match(await broken.frame.locator('[data-exercise-error]').textContent(), /This challenge cannot run: token: “D” is not one of A, B, C/);
  assert.deepEqual([page.errors, other.page.errors, written.page.errors, broken.page.errors], [[], [], [], []]);
});


test('an author’s challenge in an attribute runs; a malformed one is reported and not run', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/embed-demo.html`);
  await page.evaluate((written) => {
    window.events = [];
    document.addEventListener('attention-explained:progress', (e) => window.events.push(e.detail));
    const make = (id, challenge) => {
      const el = document.createElement('attention-scores');
      el.id = id;
      el.setAttribute('challenge', challenge);
      document.body.append(el);
    };
    make('authored', written);
    make('malformed', JSON.stringify({ id: 'x', title: 'Run my code', goal: { quantity: 'eval', above: 1 }, cells: ['wk'] }));
    make('not-json', '{ goal: top }');
  }, AUTHORED);
  for (const id of ['authored', 'malformed', 'not-json']) await page.waitForSelector(`#${id}[data-ready]`);
  const card = page.locator('#authored #exercise-my-b');
  assert.equal(await card.getAttribute('data-exercise'), 'challenge');
  assert.match(await card.locator('.exercise-question').textContent(), /Make B win by changing one number/);
  // only B's key, entry 2, may change; A's query table is hidden
  assert.deepEqual(await page.locator('#authored input[data-field="wk"]').evaluateAll((els) => els.map((e) => e.readOnly)),
    [true, true, true, true, false, true, true, true, true]);
  assert.deepEqual(await page.locator('#authored input[data-field="wq"]').evaluateAll((els) => els.map((e) => e.checkVisibility())), [false, false, false]);
  await card.locator('.show-me').click();
  await page.locator('#authored #exercise-my-b[data-state="done"]').waitFor();
  const wk = await page.locator('#authored input[data-field="wk"]').evaluateAll((els) => els.map((e) => Number(e.value)));
  assert.deepEqual([wk[3], wk[5]], [3, -1]);
  const scores = await page.locator('#authored [data-score]').evaluateAll((els) => els.map((e) => Number(e.dataset.value)));
  assert.deepEqual([scores[0], scores[2]], [1, 5]);
  assert.ok(scores[1] > 5 && wk[4] > 0.5, `B's score ${scores[1]}, its key's entry 2 ${wk[4]}`);
  await page.waitForFunction(() => window.events.length === 1);
  assert.deepEqual(await page.evaluate(() => window.events), [{ type: 'attention-explained:progress', exercise: 'my-b', kind: 'challenge', result: 'done' }]);
  // malformed: a message where the challenge would be, a notice, no exercise and no solver
  for (const [id, reason] of [['malformed', /goal\.quantity: “eval” is not one of/], ['not-json', /its text is not JSON data/]]) {
    assert.equal(await page.locator(`#${id} [data-exercise]`).count(), 0, id);
    assert.match(await page.locator(`#${id} [data-exercise-error]`).textContent(), reason);
    assert.match(await page.locator(`#${id} .notices`).textContent(), reason);
  }
  assert.deepEqual(page.errors, []);
});
