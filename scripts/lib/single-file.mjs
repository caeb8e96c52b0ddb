// Writes dist/attention-explained.html: the whole page in one file that works opened from disk
// (file://) with no network: the app bundled by esbuild, the wasm as base64, styles inline (the
// formulas are MathML, built by the app itself). Training falls back to the page's thread there, in slices,
// because a worker cannot start from a file:// page.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { LANGUAGES } from '../../web/app/i18n/languages.js';

const dist = path.resolve(process.argv[2] ?? 'dist');
const read = (file) => fs.readFileSync(path.join(dist, file));

// Inline JS must not close its <script> early.
const scriptSafe = (js) => js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');

// One app script as text: the page's modules (format 'esm'), or the language boot, a classic script
// run before the first paint ('iife').
const script = async (entry, format) => (await build({
  entryPoints: [path.join(dist, 'app', entry)], bundle: true, format, minify: true, write: false, target: 'es2022', logLevel: 'error',
})).outputFiles[0].text;
const bundle = await script('main.js', 'esm');
const boot = await script('boot.js', 'iife');
// Every language's catalogue, read by i18n/load.js from <script id="i18n-<code>"> instead of fetched.
const catalogues = LANGUAGES.map(({ code }) => `<script type="application/json" id="i18n-${code}">${JSON.stringify(JSON.parse(read(`i18n/${code}.json`))).replace(/</g, '\\u003c')}</script>`);

const favicon = `data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}`;
let html = read('index.html').toString();
html = html
  .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${favicon}">`)
  .replace(/\s*<link rel="(stylesheet|preload|modulepreload)"[^>]*>/g, '')
  .replace(/\s*<script[^>]*><\/script>/g, '');
const head = [
  `<script>${scriptSafe(boot)}</script>`,
  ...catalogues,
  `<style>${read('styles.css')}</style>`,
  `<script type="application/octet-stream" id="attention-engine-wasm">${read('engine/attention-engine.wasm').toString('base64')}</script>`,
  `<script type="module">${scriptSafe(bundle)}</script>`,
].join('\n');
// A function, not a string: the bundle may hold "$&" or "$$", which a replacement string expands.
html = html.replace('</head>', () => `${head}\n</head>`);
fs.writeFileSync(path.join(dist, 'attention-explained.html'), html);
console.log(`dist/attention-explained.html: ${(html.length / 1024).toFixed(0)} KiB`);
