// A strict Content-Security-Policy, set by the server: the page, an embed and the training
// worker all work, with no violation reported in the document or the worker (no eval, no inline
// script or style).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, values } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
let env;
before(async () => { env = await start({ headers: { 'content-security-policy': CSP } }); });
after(() => env.stop());

// Violations are events of the context they happen in: the document's are forwarded to the test;
// the training worker's script is served with a first line that logs its own as console errors,
// which reach page.errors like any worker console message.
async function watched() {
  const page = await env.page();
  page.violations = [];
  await page.exposeFunction('reportViolation', (v) => page.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.route('**/engine/training-worker.js', async (route) => {
    const response = await route.fetch();   // keeps the server's headers, the CSP among them
    const watch = "self.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation in the worker: ${e.violatedDirective}: ${e.blockedURI}`));\n";
    await route.fulfill({ response, body: watch + await response.text() });
  });
  return page;
}

test('index.html under the strict CSP: computes, typesets, trains in the worker', async () => {
  const page = await watched();
  await page.goto(`${env.url}/index.html`);
  await page.waitForSelector('body[data-engine="ready"]');
  assert.deepEqual(await values(page, '[data-widget=scores] [data-score]'), [1, 2, 5]);
  await page.waitForSelector('.math math mfrac');
  await page.click('[data-widget=training] [data-action=play]');
  await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 100);
  // it trained in the worker (not a main-thread fallback), and the worker is the watched script
  assert.equal(await page.getAttribute('[data-widget=training] [data-runs-in]', 'data-runs-in'), 'worker');
  assert.ok(page.workers().some((w) => w.url().endsWith('/engine/training-worker.js')), 'the training worker is running');
  // a style set through the CSSOM survives the policy: the weight bars have their widths
  const width = await page.$eval('[data-bars=softmax] .bar.token-2', (el) => el.getBoundingClientRect().width);
  assert.ok(width > 10, `bar width ${width}`);
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.errors, []);
});

test('embed.html under the strict CSP', async () => {
  const page = await watched();
  await page.goto(`${env.url}/embed.html#widget=gradients`);
  await page.waitForSelector('body[data-engine="ready"]');
  assert.ok((await values(page, '[data-loss-value]'))[0] > 0);
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.errors, []);
});

test('embed.html ignores messages that are not in the documented shape', async () => {
  const page = await watched();
  await page.goto(`${env.url}/embed.html#widget=scores`);
  await page.waitForSelector('body[data-engine="ready"]');
  const before = await page.content();
  await page.evaluate(() => new Promise((resolve) => {
    for (const junk of ['<img src=x onerror=alert(1)>', { type: 'attention-explained:height', height: 1e9 }, { __proto__: { polluted: 1 } },
      { type: 'attention-explained:state', state: '<script>' }, null, 42]) window.postMessage(junk, '*');
    // messages from one window arrive in order: when this one does, every junk message has been handled
    window.addEventListener('message', (e) => { if (e.data === 'delivered') resolve(); });
    window.postMessage('delivered', '*');
  }));
  assert.equal(await page.content(), before);
  assert.equal(await page.evaluate(() => ({}).polluted), undefined);
  assert.deepEqual(await values(page, '[data-score]'), [1, 2, 5]);
  assert.deepEqual(page.errors, []);
});
