// The language menu in the page header (<select id="language">, its options written by
// scripts/lib/prerender.mjs from languages.js): a choice is remembered (localStorage), written
// into the link's `lang` setting, and the page reloads in that language (boot.js picks it).
import { PRERENDERED, STORAGE_KEY } from './languages.js';
import { language } from './core.js';

export function mountLanguageMenu(doc = document) {
  const select = doc.getElementById('language');
  if (!select) return;
  select.value = language();
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch {
      // not remembered; the link still carries it
    }
    location.hash = withLanguage(location.hash, select.value);
    location.reload();
  });
  // a link edited or followed to another language: that language, from the start
  addEventListener('hashchange', () => {
    const linked = new URLSearchParams(location.hash.slice(1)).get('lang');
    if (linked && linked !== language()) location.reload();
  });
}

// The hash's settings with lang set to code (left out for the language the HTML is written in);
// a hash that is a place in the page (#glossary) is dropped for the settings.
export function withLanguage(hash, code) {
  const text = hash.replace(/^#/, '');
  const params = new URLSearchParams(text.includes('=') ? text : '');
  if (code === PRERENDERED) params.delete('lang');
  else params.set('lang', code);
  return params.toString();
}
