// Screenshots of the introduction, every section and an open glossary entry at 1280 px and
// 375 px, light and dark, and of the page in each other language at both widths, for people to
// look at (tests/browser/screenshots/, ignored by git). Checked here: every section rendered,
// nothing wider than the viewport, no control cut off by it, every control labelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start } from './browser.mjs';
import { OTHERS, openWith } from './languages.mjs';

const dir = new URL('./screenshots/', import.meta.url).pathname;
let env;
before(async () => {
  env = await start();
  fs.mkdirSync(dir, { recursive: true });
});
after(() => env.stop());

// Every section, one picture each, named `${prefix}${section}-${width}…`.
async function shoot(page, prefix, suffix, width) {
  await page.locator('header.page-header').screenshot({ path: `${dir}${prefix}intro-${suffix}.png` });
  assert.equal(await page.locator('[aria-busy]').count(), 0, 'every widget rendered');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no sideways scrolling');
  for (const id of await page.$$eval('main > section', (els) => els.map((e) => e.id))) {
    // Off-screen sections are not laid out (content-visibility): bring each into view and let
    // two frames render it before the picture, so nothing moves while it is taken.
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.locator(`#${id}`).screenshot({ path: `${dir}${prefix}${id}-${suffix}.png` });
    // A section clips what overflows it (content-visibility), so the page never scrolls sideways
    // even when a control is cut off: every control must sit inside the viewport.
    const cut = await page.$$eval(`#${id} :is(input, select, button, textarea)`, (els) => els
      .filter((e) => e.checkVisibility() && !e.closest('.visually-hidden'))
      .filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth; })
      .map((e) => e.getAttribute('aria-label') || e.textContent.trim() || e.outerHTML.slice(0, 60)));
    assert.deepEqual(cut, [], `controls cut off in ${id} at ${width} px`);
  }
}

for (const width of [1280, 375]) {
  for (const { code } of OTHERS) {
    test(`the page in ${code} at ${width} px`, async () => {
      const page = await openWith(env, { code, hash: `#lang=${code}`, options: { viewport: { width, height: 900 } } });
      await shoot(page, `${code}-`, `${width}`, width);
      assert.deepEqual(page.errors, []);
    });
  }
  for (const colorScheme of ['light', 'dark']) {
    test(`every section at ${width} px, ${colorScheme}`, async () => {
      const page = await env.open('', { viewport: { width, height: 900 }, colorScheme });
      await shoot(page, '', `${width}-${colorScheme}`, width);
      const unlabeled = await page.$$eval('input, select', (els) => els.filter((e) => !e.getAttribute('aria-label') && !e.closest('label')).length);
      assert.equal(unlabeled, 0, 'every control has a label');
      // a glossary entry opened from a use of its term, as the reader sees it
      await page.locator('#gradients a.term[data-term=gradient]').click();
      await page.screenshot({ path: `${dir}glossary-open-${width}-${colorScheme}.png` });
      assert.deepEqual(page.errors, []);
    });
  }
}
