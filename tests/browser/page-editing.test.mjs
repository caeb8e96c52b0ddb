// Editing: a key edit recomputes the score and clears the slip notice; bad entries are marked
// at the cell and change nothing; arrow keys step; a reload with the hash restores the edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const keyOfB = (n) => `[data-widget=scores] input[aria-label="key of B, entry ${n}"]`;

test("B's key edited to [3, 0, −1] makes its score 4 and the slip notice disappears", async () => {
  const page = await env.open();
  await page.fill(keyOfB(2), '0');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 4, 5]);
  assert.equal((await page.textContent('[data-widget=scores] .slip-notice')).trim(), '');
  // the same edit reaches every section that shows B's key
  assert.equal(await page.inputValue('[data-widget=gradients] input[aria-label="key of B, entry 2"]'), '0');
  assert.deepEqual(page.errors, []);
});

test('a bad entry shows its message at the cell and leaves the other numbers unchanged', async () => {
  const page = await env.open();
  const before = await values(page, '[data-widget=normalize] [data-weight]');
  for (const [text, message] of [['abc', /is not a number/], ['', /empty/], ['Infinity', /infinity is not allowed/],
    ['NaN', /is not a number/], ['2e6', /too large/]]) {
    await page.fill(keyOfB(1), text);
    assert.equal(await page.getAttribute(keyOfB(1), 'aria-invalid'), '');
    const shown = await page.textContent(`#${await page.getAttribute(keyOfB(1), 'aria-errormessage')}`);
    assert.match(shown, message);
    assert.match(shown, /^key of B, entry 1: .*; still using 3\.$/);
    assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
    assert.deepEqual(await values(page, '[data-widget=normalize] [data-weight]'), before);
  }
  await page.fill(keyOfB(1), '4');
  assert.equal(await page.getAttribute(keyOfB(1), 'aria-invalid'), null);
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 3, 5]);
  assert.deepEqual(page.errors, []);
});

test('while editing a cell, arrow keys step its number by 0.1 (shift: 1)', async () => {
  const page = await env.open();
  await page.focus(keyOfB(1));
  await page.keyboard.press('Enter');   // before Enter, the arrows move between cells (a11y-keyboard)
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  assert.equal(await page.inputValue(keyOfB(1)), '4.1');
  const [a, b, c] = await values(page, '[data-widget=scores] [data-score]');
  assert.deepEqual([a, c], [1, 5]);
  assert.ok(Math.abs(b - 3.1) < 1e-12, `score of B ${b}`);
  assert.deepEqual(page.errors, []);
});

test('dragging sideways scrubs a number', async () => {
  const page = await env.open();
  await page.locator(keyOfB(1)).scrollIntoViewIfNeeded();
  // Sections coming near the viewport are laid out as the page scrolls, which can move the box
  // after it is first measured: wait until it stays put for two frames.
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  let box = await page.locator(keyOfB(1)).boundingBox();
  for (let tries = 0; ; tries++) {
    assert.ok(tries < 100, 'the cell kept moving');
    await frames();
    const now = await page.locator(keyOfB(1)).boundingBox();
    if (now.x === box.x && now.y === box.y) break;
    box = now;
  }
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'key of B, entry 1', 'pressed on the cell');
  await page.mouse.move(box.x + 50, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.equal(await page.inputValue(keyOfB(1)), '3.5');   // 40 px at 8 px per 0.1
  assert.deepEqual(page.errors, []);
});

test('a reload with the hash restores the edits', async () => {
  const page = await env.open();
  await page.fill(keyOfB(2), '0');
  await page.check('[data-widget=all-tokens] input[type=checkbox]');
  // the hash is written at most every 200 ms while the reader edits: wait for it
  await page.waitForFunction(() => location.hash.includes('wk=') && location.hash.includes('causal=1'));
  await page.reload();
  await page.waitForSelector('body[data-engine="ready"]');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 4, 5]);
  assert.equal(await page.isChecked('[data-widget=all-tokens] input[type=checkbox]'), true);
  await page.click('#reset-page');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
  await page.waitForFunction(() => location.hash === '');
  assert.deepEqual(page.errors, []);
});
