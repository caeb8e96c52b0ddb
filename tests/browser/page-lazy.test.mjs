// The page is ready once the engine is loaded and the first screen is drawn; the other sections
// mount as the reader nears them (or when the page is idle). With idle mounting switched off, a
// reader scrolling down the page finds every section drawn by the time it is on screen, and
// nothing on screen moves while the sections below mount.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

// Widgets on screen that still show their placeholder instead of their contents.
const placeholdersOnScreen = (page) => page.$$eval('main [data-widget]', (els) => els.filter((el) => {
  const box = el.getBoundingClientRect();
  return el.hasAttribute('aria-busy') && box.bottom > 0 && box.top < innerHeight;
}).map((el) => el.dataset.widget));

for (const viewport of [{ width: 1280, height: 720 }, { width: 375, height: 700 }]) {
  test(`${viewport.width} px: scrolling down, every section is drawn before it is seen, and no layout shifts`, async () => {
    const page = await env.page({ viewport });
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;   // sections mount only as the viewport nears them
      window.shifts = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts.push(e.value); })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${env.url}/index.html`);
    await page.waitForFunction(() => performance.getEntriesByName('attention-ready').length === 1);
    assert.deepEqual(await placeholdersOnScreen(page), [], 'the first screen is drawn');
    assert.ok(await page.locator('main [data-widget][aria-busy]').count() > 0, 'sections far below wait to be mounted');

    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    for (let step = 0; step < 400; step++) {
      await page.mouse.wheel(0, viewport.height / 2);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.deepEqual(await placeholdersOnScreen(page), [], `after scrolling ${step + 1} half screens`);
      if (await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 1)) break;
    }
    await page.waitForSelector('body[data-engine="ready"]');   // every section mounted by scrolling alone
    assert.deepEqual(await page.evaluate(() => window.shifts), []);
    assert.deepEqual(page.errors, []);
  });
}
