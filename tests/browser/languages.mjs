// The page in another language for the browser tests, as built (dist/i18n/<code>.json) or with a
// made-up catalogue served in its place, and the page's text nodes, for looking at what a reader
// would read.
import { readCatalogue } from '../js/catalogues.mjs';
import { LANGUAGES } from '../../web/app/i18n/languages.js';

export { readCatalogue };
export const OTHERS = LANGUAGES.filter((l) => l.code !== 'en');

// Opens index.html (hash, e.g. "#lang=es"), with `catalogue`, if given, served as
// i18n/<code>.json, and waits until every section is mounted. options: the browser context's
// (locale, viewport …).
export async function openWith(env, { code, catalogue, hash = '', options = {}, before = async () => {} }) {
  const page = await env.page(options);
  if (catalogue) await page.route(`**/i18n/${code}.json`, (route) => route.fulfill({ json: catalogue }));
  await before(page);
  await page.goto(`${env.url}/index.html${hash}`);
  await page.waitForSelector('body[data-engine="ready"]');
  return page;
}

// Every text node of header, main and footer a reader is given in the page's language, as
// { text, where }: outside code, formulas, the language menu (each language by its own name) and
// data marked lang="en" (the training corpus's words).
export function readerText(page) {
  return page.evaluate(() => {
    const skip = 'script, style, noscript, code, pre, math, [translate="no"], select#language, [lang="en"]';
    const out = [];
    for (const root of document.querySelectorAll('header, main, footer')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest(skip)) continue;
        const at = el.closest('[data-widget], section, header, footer');
        out.push({ text: node.textContent.trim(), where: `${at?.dataset.widget ?? at?.id ?? at?.tagName} ${el.tagName.toLowerCase()}${el.className?.baseVal === undefined && el.className ? `.${el.className.split(' ')[0]}` : ''}` });
      }
      for (const el of root.querySelectorAll('[aria-label], [aria-description], [title]')) {
        if (el.closest(skip)) continue;
        for (const name of ['aria-label', 'aria-description', 'title']) {
          if (el.getAttribute(name)) out.push({ text: el.getAttribute(name), where: `${name} of ${el.tagName.toLowerCase()} in ${el.closest('[data-widget], section, header, footer')?.id ?? ''}` });
        }
      }
    }
    return out;
  });
}
