// Shared setup for the browser tests: Debian's Chromium driven by playwright-core, dist/ served
// on loopback, console errors collected so each test can assert there were none.
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/lib/serve.mjs';

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

// The exact engine value behind each number matched by `selector`, in document order.
export function values(page, selector) {
  return page.$$eval(selector, (els) => els.map((el) => Number(el.dataset.value)));
}
