// axe-core on every widget alone in embed.html, in light and dark mode at 1280 and 375 px, and
// on embed-demo.html with every widget added as a custom element (shadow DOM; two modes,
// crossed): zero violations at every impact level. The widgets' edited, refused and training
// states are checked on the main page (a11y-page), which holds the same widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeInModes, CROSSED, WIDGETS } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('every embed widget, in both schemes at both widths', async () => {
  const page = await env.page();
  const found = [];
  for (const name of WIDGETS) {
    await page.goto('about:blank');
    await page.goto(`${env.url}/embed.html#widget=${name}`);
    await page.waitForSelector('body[data-engine="ready"]');
    found.push(...await axeInModes(page, `embed ${name}`));
  }
  assert.deepEqual(found, []);
  assert.deepEqual(page.errors, []);
});

test('embed-demo.html (iframes and custom elements) with every widget as a custom element', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/embed-demo.html`);
  await page.waitForFunction(() => document.querySelectorAll('main [data-ready]').length === 3);
  await page.evaluate((names) => {
    for (const name of names) document.querySelector('main').append(document.createElement(`attention-${name}`));
  }, WIDGETS);
  for (const name of WIDGETS) await page.waitForSelector(`main > attention-${name}[data-ready]`);
  assert.deepEqual(await axeInModes(page, 'embed-demo with every custom element', CROSSED[0]), []);
  assert.deepEqual(page.errors, []);
});
