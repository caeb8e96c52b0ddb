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
    async stop() {
      await browser.close();
      server.close();
    },
  };
}
