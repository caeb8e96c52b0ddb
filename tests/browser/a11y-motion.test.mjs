// prefers-reduced-motion: with no preference an edit flashes the numbers it changed elsewhere on
// the page (a Web Animation); asked for less motion, the page runs no animation or transition at
// all (document.getAnimations() covers CSS animations and transitions too), after an edit and
// while the training demo runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

const animations = (page) => page.evaluate(() => document.getAnimations().length);
const edit = (page, value) => page.fill('[data-widget=scores] input[aria-label="key of B, entry 1"]', value);

test('with no preference, an edit flashes the changed numbers', async () => {
  const page = await env.open('', { reducedMotion: 'no-preference' });
  await edit(page, '4');
  assert.ok(await animations(page) > 0, 'the key of B flashes where step 7 shows it');
  assert.deepEqual(page.errors, []);
});

test('asked for less motion: no animation after an edit or while training', async () => {
  const page = await env.open('#demoSteps=100000', { reducedMotion: 'reduce' });
  await edit(page, '4');
  assert.equal(await animations(page), 0);
  await page.click('[data-widget=training] [data-action=play]');
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 20);
  await edit(page, '5');
  assert.equal(await animations(page), 0);
  assert.deepEqual(page.errors, []);
});
