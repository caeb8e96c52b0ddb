// In headless Chromium: recompute latency of the gradients section (input event -> numbers in the
// DOM, 200 edits), page load to "engine ready and the first screen rendered" (the other sections
// mount as they near the viewport or when the page is idle: the time until all are mounted is
// reported too), bytes on first load (gzipped: every response until all sections are mounted),
// and training speed in the page's worker. Prints JSON.
import zlib from 'node:zlib';
import { start } from '../../../tests/browser/browser.mjs';
import { median } from './configs.mjs';

const env = await start();
const out = {};

// Page load, 5 cold loads.
const loads = [], all = [], bytes = [];
for (let i = 0; i < 5; i++) {
  const page = await env.page();
  let gz = 0;
  const pending = [];
  // a body revalidated from the cache (the worker's second request for the engine: a 304) is
  // not transferred again, so it counts once
  page.on('response', (r) => pending.push(Promise.all([r.request().sizes(), r.body()]).then(([{ responseBodySize }, b]) => {
    if (responseBodySize > 0) gz += zlib.gzipSync(b).length;
  }, () => {})));
  await page.goto(`${env.url}/index.html`);
  await page.waitForSelector('body[data-engine="ready"]');
  const mark = (name) => page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);
  loads.push(await mark('attention-ready'));
  all.push(await mark('attention-all-sections'));
  await Promise.all(pending);
  bytes.push(gz);
  await page.context().close();
}
out.page_ready_ms = median(loads);
out.all_sections_ms = median(all);
out.first_load_gzip_bytes = median(bytes);

// Recompute latency: an input event on a cell of the gradients section until its handler (which
// recomputes every section through the engine and updates the DOM) has returned and layout is done.
// Measured as the page opens, then with the gradients section in view and its busiest view open:
// the chain-rule breakdown of A's query (every path written out, and the nudge check's engine calls).
const page = await env.open('#demoPace=0');   // training as fast as it goes, not at the teaching pace
const recompute = () => page.evaluate(() => {
  const input = document.querySelector('[data-widget=gradients] input[aria-label="key of B, entry 1"]');
  const times = [];
  for (let i = 0; i < 200; i++) {
    input.value = String(3 + (i % 10) / 10);
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    void document.body.offsetHeight;   // include style and layout of the updated numbers
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[99], p95: times[189], max: times[199] };
});
out.recompute_ms = await recompute();
const graph = '[data-widget=gradients] [data-figure=graph]';
await page.locator(graph).scrollIntoViewIfNeeded();
await page.waitForSelector(`${graph}:not([data-stale])`);
await page.click(`${graph} [data-node="q"]`);
await page.waitForSelector('[data-widget=gradients] [data-chain-rule=graph] [data-nudge]');
out.recompute_chain_rule_open_ms = await recompute();

// Training in the page's worker: steps/s over 2,000 steps of the default config.
await page.click('[data-widget=training] [data-action=play]');
const t0 = Date.now();
await page.fill('[data-widget=training] input[aria-label="steps to train"]', '2000');
await page.waitForFunction(() => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step) >= 600, null, { timeout: 60000 });
out.worker_steps_per_second = Number(await page.getAttribute('[data-widget=training] [data-speed]', 'data-speed'));
out.worker_wall_ms_to_600 = Date.now() - t0;

// The demo's bigger model (2 layers, 4 heads, d 64): steps/s in the worker once 1,000 steps are done.
const stepOf = () => Number(document.querySelector('[data-widget=training] [data-step]').dataset.step);
await page.$eval('[data-widget=training] [data-action=pause]', (b) => { if (!b.disabled) b.click(); });
await page.check('[data-widget=training] input[data-control=big]');   // a new model, at step 0
await page.waitForFunction(`(${stepOf})() === 0`, null, { timeout: 60000 });
await page.fill('[data-widget=training] input[aria-label="steps to train"]', '3000');
await page.click('[data-widget=training] [data-action=play]');
await page.waitForFunction(`(${stepOf})() >= 1000`, null, { timeout: 120000 });
out.worker_big_steps_per_second = Number(await page.getAttribute('[data-widget=training] [data-speed]', 'data-speed'));
await env.stop();
console.log(JSON.stringify(out));
