// Every widget alone in embed.html and as a custom element; the embed demo page; lock and hide;
// attributes validated like input cells.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values, WIDGETS } from './browser.mjs';
let env;
before(async () => { env = await start(); });
after(() => env.stop());

test('every widget renders alone in embed.html and reports its height', async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    window.heights = [];
    window.addEventListener('message', (e) => window.heights.push(e.data));
  });
  for (const name of WIDGETS) {
    await page.goto('about:blank');   // a new document each time, not just a new hash
    await page.goto(`${env.url}/embed.html#widget=${name}`);
    await page.waitForSelector('body[data-engine="ready"]');
    assert.equal(await page.getAttribute('#embed', 'data-widget'), name);
    assert.equal(await page.locator('#embed .loading').count(), 0);
    assert.equal(await page.locator('header, h1:not(.visually-hidden), h2:not(.visually-hidden)').count(), 0, 'no page chrome');
    assert.ok((await page.textContent('h2')).length > 0, 'a title for screen readers');
    await page.waitForFunction((n) => window.heights.some((m) => m.type === 'attention-explained:height' && m.widget === n && m.height > 50), name);
  }
  await page.goto('about:blank');
  await page.goto(`${env.url}/embed.html#widget=scores&wk=3,-1,0;3,0,-1;0,1,-3`);
  await page.waitForSelector('body[data-engine="ready"]');
  assert.deepEqual(await values(page, '[data-score]'), [1, 4, 5]);
  await page.goto('about:blank');
  await page.goto(`${env.url}/embed.html#widget=nonsense`);
  assert.match(await page.textContent('#embed'), /No widget named “nonsense”/);
  assert.deepEqual(page.errors, []);
});

test('every widget renders as a custom element', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/embed-demo.html`);
  await page.evaluate((names) => {
    for (const name of names) document.body.append(document.createElement(`attention-${name}`));
  }, WIDGETS);
  for (const name of WIDGETS) {
    await page.waitForSelector(`body > attention-${name}[data-ready]`);
    assert.equal(await page.locator(`body > attention-${name} .loading`).count(), 0, name);
  }
  assert.deepEqual(await page.$$eval('body > attention-scores', (els) => [...els[0].shadowRoot.querySelectorAll('[data-score]')].map((e) => Number(e.dataset.value))), [1, 2, 5]);
  assert.deepEqual(page.errors, []);
});

test('the parent page can send new settings in the documented shape; nothing else is taken', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/embed-demo.html`);
  const frame = page.frameLocator('iframe.embed-frame').first();
  await frame.locator('body[data-engine="ready"]').waitFor();
  const scores = () => frame.locator('[data-score]').evaluateAll((els) => els.map((e) => Number(e.dataset.value)));
  assert.deepEqual(await scores(), [1, 4, 5]);
  // Junk first, then a message of the right shape with unreadable settings: one notice, and the
  // scores untouched (had the junk been taken, B's key would be zeros by now).
  await page.evaluate(() => {
    const target = document.querySelector('iframe.embed-frame').contentWindow;
    for (const junk of [{ type: 'attention-explained:state', state: 42 }, { type: 'other', state: 'wk=0,0,0;0,0,0;0,0,0' },
      'wk=0,0,0;0,0,0;0,0,0', { type: 'attention-explained:height', height: 5 }, null]) target.postMessage(junk, '*');
    target.postMessage({ type: 'attention-explained:state', state: 'wk=oops' }, '*');
  });
  await frame.locator('#notices .notice').waitFor();
  assert.equal(await frame.locator('#notices .notice').count(), 1);
  assert.match(await frame.locator('#notices').textContent(), /settings sent by the embedding page: dropped wk, the keys \(expected 3x3 numbers\); kept every other setting/);
  assert.deepEqual(await scores(), [1, 4, 5]);
  // and the documented message does change them
  await page.evaluate(() => document.querySelector('iframe.embed-frame').contentWindow.postMessage({ type: 'attention-explained:state', state: 'wk=3,-1,0;3,-1,-1;0,1,-3' }, '*'));
  await page.waitForFunction(() => [...document.querySelector('iframe.embed-frame').contentDocument.querySelectorAll('[data-score]')].map((e) => e.dataset.value).join() === '1,2,5');
  assert.deepEqual(page.errors, []);
});

test('embed-demo.html shows three widgets both ways; lock and hide work; bad attributes are reported', async () => {
  const page = await env.page();
  await page.goto(`${env.url}/embed-demo.html`);
  await page.waitForFunction(() => document.querySelectorAll('main [data-ready]').length === 3);
  await page.waitForFunction(() => [...document.querySelectorAll('iframe.embed-frame')].every((f) => parseInt(f.style.height, 10) > 300));
  assert.equal(await page.locator('iframe.embed-frame').count(), 3);
  // the corrected key reaches the custom element
  assert.deepEqual(await page.$$eval('main attention-scores', (els) => [...els[0].shadowRoot.querySelectorAll('[data-score]')].map((e) => Number(e.dataset.value))), [1, 4, 5]);
  // lock="target": read-only cells that ignore arrow keys; hide="descend,reset"
  const gradients = page.locator('main attention-gradients');
  const target = gradients.locator('input[data-field=target]').first();
  assert.equal(await target.evaluate((i) => i.readOnly), true);
  await target.focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await target.inputValue(), '1');
  assert.equal(await gradients.locator('[data-control=descend]').isVisible(), false);
  assert.equal(await gradients.locator('[data-control=nudge]').isVisible(), true);
  // an attribute that is not a valid setting: a notice, and the defaults
  await page.evaluate(() => {
    const el = document.createElement('attention-scores');
    el.setAttribute('wk', '1,2');
    el.setAttribute('hide', 'everything');
    el.id = 'bad';
    document.body.append(el);
  });
  await page.waitForSelector('#bad[data-ready]');
  const notices = await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.notices').textContent);
  assert.match(notices, /attributes: dropped wk, the keys \(expected 3x3 numbers\)/);
  assert.match(notices, /hide: ignoring everything/);
  assert.deepEqual(await page.$eval('#bad', (el) => [...el.shadowRoot.querySelectorAll('[data-score]')].map((e) => Number(e.dataset.value))), [1, 2, 5]);
  assert.deepEqual(page.errors, []);
});
