import { start } from '/work/wt-16/tests/browser/browser.mjs';
const env = await start();
for (const [scheme, width] of [['light', 1280], ['dark', 375]]) {
  const page = await env.open('', { colorScheme: scheme, viewport: { width, height: 700 } });
  await page.screenshot({ path: `/tmp/wt16/header-${scheme}-${width}.png` });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.locator('#all-tokens').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('[data-widget=all-tokens] [role=gridcell]').focus());
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-widget=all-tokens] [data-heatmap]').screenshot({ path: `/tmp/wt16/heat-${scheme}-${width}.png` });
}
await env.stop();
