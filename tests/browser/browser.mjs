// Shared setup for the browser tests: Debian's Chromium driven by playwright-core, dist/ served
// on loopback, console errors collected so each test can assert there were none.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '../../scripts/lib/serve.mjs';

// Every widget's name, as embed.html and the custom elements know it (web/app/sections/index.js).
export const WIDGETS = ['tokens', 'projections', 'scores', 'normalize', 'weighted-sum', 'all-tokens', 'gradients', 'soft-hard', 'embeddings', 'training'];

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function start({ headers } = {}) {
  const dist = new URL('../../dist', import.meta.url).pathname;
  const { server, url } = await serve(dist, { headers });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  return {
    url,
    browser,
    async page(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      page.on('pageerror', (e) => page.errors.push(e.message));
      return page;
    },
    // Opens index.html (with an optional hash) and waits until the engine has rendered it.
    async open(hash = '', options = {}) {
      const page = await this.page(options);
      page.dialogs = [];
      page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss(); });
      await page.goto(`${url}/index.html${hash}`);
      await page.waitForSelector('body[data-engine="ready"]');
      return page;
    },
    async stop() {
      await browser.close();
      server.close();
    },
  };
}

// Step 10's training loop starts when the demo nears the viewport (web/app/training/run.js): brings
// it there, waits for the untrained model's first report, and scrolls back to the top.
export async function startDemo(page) {
  await page.locator('[data-widget=training]').scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-widget=training] [data-scatter] circle[data-word=bank]');
  await page.evaluate(() => scrollTo(0, 0));
}

// The exact engine value behind each number matched by `selector`, in document order.
export function values(page, selector) {
  return page.$$eval(selector, (els) => els.map((el) => Number(el.dataset.value)));
}

// axe-core's findings on the page as it is now, one line per rule broken (every impact level, every
// rule axe runs by default), naming where: `[]` when the page passes.
export async function axe(page, where) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

// The colour schemes and widths every accessibility check covers.
export const MODES = [
  { colorScheme: 'light', width: 1280 }, { colorScheme: 'dark', width: 1280 },
  { colorScheme: 'light', width: 375 }, { colorScheme: 'dark', width: 375 },
];

// axe in each of `modes`, on the page as it is now; `state` names the moment ("after an edit").
// A test that looks at several moments of one page may take two modes a moment, crossed (light
// at 1280 with dark at 375, or the other pair), which keeps every moment in both schemes and at
// both widths in half the time.
export const CROSSED = [[MODES[0], MODES[3]], [MODES[1], MODES[2]]];
export async function axeInModes(page, state, modes = MODES) {
  const found = [];
  for (const { colorScheme, width } of modes) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    found.push(...await axe(page, `${state}, ${colorScheme}, ${width} px`));
  }
  return found;
}

// Before the page's own scripts run: every section rendered and every figure drawn at once
// (off screen they wait until scrolled to, content-visibility: auto), so axe sees all of them.
export function renderEverything(page) {
  return page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style');
    style.textContent = 'main > section { content-visibility: visible !important; }';
    document.head.append(style);
  }));
}
