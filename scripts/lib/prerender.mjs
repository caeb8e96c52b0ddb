// Writes into dist/index.html what its header shows before the page's script runs, so nothing on
// screen moves when the script starts: the page's prose, in English from its catalogue
// (web/i18n/en.json: every element marked data-i18n="key" or data-i18n-attr="attribute key",
// also in embed.html), the language menu's options (web/app/i18n/languages.js), the "jump to a step" links, from the steps' own headings
// (web/app/step-nav.js then makes each move the keyboard focus), and the exercise progress line
// with nothing done yet, from the exercise catalog (web/app/exercises-page.js then follows the
// reader's progress).
import fs from 'node:fs';
import path from 'node:path';
import { readCatalog } from '../../web/app/exercises/read-catalog.js';
import { progressCounts, progressText } from '../../web/app/exercises/progress.js';
import { LANGUAGES, PRERENDERED } from '../../web/app/i18n/languages.js';
import { parseMarkup, setCatalogue, template, plain } from '../../web/app/i18n/core.js';

const dist = path.resolve(process.argv[2] ?? 'dist');
const catalogueFile = path.join(dist, 'i18n', `${PRERENDERED}.json`);
const catalogue = JSON.parse(fs.readFileSync(catalogueFile, 'utf8'));
setCatalogue(PRERENDERED, catalogue);

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const toHtml = (nodes) => nodes.map((n) => (typeof n === 'string' ? escape(n)
  : `<${n.tag}${Object.entries(n.attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}>${toHtml(n.children)}</${n.tag}>`)).join('');

// The marked elements of one HTML file filled from the catalogue; returns the keys it used.
function translate(name) {
  const file = path.join(dist, name);
  const used = new Set();
  const key = (k) => {
    if (!Object.hasOwn(catalogue, k)) throw new Error(`prerender: ${name} uses ${k}, missing from ${catalogueFile}`);
    used.add(k);
    return k;
  };
  const html = fs.readFileSync(file, 'utf8')
    .replace(/(<(\w+)[^>]* data-i18n="([^"]+)"[^>]*>)(<\/\2>)/g, (_, open, tag, k, close) => open + toHtml(parseMarkup(template(key(k)))) + close)
    .replace(/ data-i18n-attr="(\S+) ([^"]+)"/g, (all, attribute, k) => `${all} ${attribute}="${escape(plain(key(k)))}"`);
  fs.writeFileSync(file, html);
  return used;
}
const prerendered = new Set([...translate('index.html'), ...translate('embed.html')]);
// English is read from the HTML: its catalogue for the scripts leaves that prose out, so a first
// visit does not download it twice (the other languages' catalogues are whole).
fs.writeFileSync(catalogueFile, JSON.stringify(Object.fromEntries(Object.entries(catalogue).filter(([k]) => !prerendered.has(k)))));

const file = path.join(dist, 'index.html');
let html = fs.readFileSync(file, 'utf8');

// Fills the element whose opening tag `open` matches, written empty but for a comment.
function fill(open, content) {
  const empty = new RegExp(`(${open})<!--[^>]*-->`);
  if (!empty.test(html)) throw new Error(`prerender: no empty ${open} in ${file}`);
  html = html.replace(empty, (_, tag) => tag + content);
}

const links = [...html.matchAll(/<section id="([^"]+)"[^>]*>\s*<h2[^>]*>(.*?)<\/h2>/gs)]
  .map(([, id, heading]) => `<li><a href="#${id}">${heading.replace(/<span class="step">(\d+)<\/span>/, '$1').trim()}</a></li>`);
if (links.length === 0) throw new Error(`prerender: no steps in ${file}`);
fill('<nav id="step-nav"[^>]*><ol>', links.join(''));

fill('<select id="language">', LANGUAGES.map(({ code, name }) => `<option value="${code}" lang="${code}">${name}</option>`).join(''));
fill('<span data-progress>', progressText(progressCounts(readCatalog(), null)));

fs.writeFileSync(file, html);
