// Runs before the page is first painted (a classic script in <head>, built to one small file by
// scripts/lib/bundle.mjs): picks the reader's language — the link's `lang` setting, else the one
// remembered from the menu, else the browser's languages, else English — and sets <html lang
// dir>. Another language than the one the HTML was written in keeps the page hidden
// (html[data-language="pending"], styles.css) until main.js has put its catalogue in, so no English
// shows first and nothing moves.
import { PRERENDERED, STORAGE_KEY, direction, pickLanguage } from './i18n/languages.js';

const linked = (text) => new URLSearchParams(text.replace(/^[#?]/, '')).get('lang');
let stored = null;
try {
  stored = localStorage.getItem(STORAGE_KEY);
} catch {
  // storage refused (a sandboxed frame, a file:// page in some browsers): not remembered
}
const code = pickLanguage([linked(location.hash), linked(location.search), stored, ...(navigator.languages ?? [navigator.language])]);
const root = document.documentElement;
root.lang = code;
root.dir = direction(code);
if (code !== PRERENDERED) root.dataset.language = 'pending';

// The language's catalogue, which main.js awaits before it draws, starts downloading now instead
// of once main.js has arrived and run: i18n/load.js's fetch of the same file is given this
// download. Not in the single file, whose boot script is inline and whose catalogues are in it.
if (document.currentScript?.src) {
  const preload = document.createElement('link');
  Object.assign(preload, { rel: 'preload', as: 'fetch', href: `i18n/${code}.json`, crossOrigin: 'anonymous' });
  document.head.append(preload);
}
