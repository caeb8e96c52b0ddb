// Puts the reader's language in before anything is drawn: the language boot.js chose (<html
// lang>), its catalogue fetched from i18n/<code>.json (a download boot.js has already started) — or read from the <script
// id="i18n-<code>"> the offline file carries — and, for another language than the one the HTML
// was written in, the page's marked prose translated. If the catalogue cannot be had, the page
// stays in the language it was written in and says why.
import { CODES, PRERENDERED, direction, pickLanguage } from './languages.js';
import { setCatalogue } from './core.js';
import { translateMarked } from './render.js';

// base: the folder the page's files are in (the document's, or elements.js's on another site).
async function catalogue(code, base = document.baseURI) {
  const inline = document.getElementById(`i18n-${code}`);
  if (inline) return JSON.parse(inline.textContent);
  const response = await fetch(new URL(`i18n/${code}.json`, base));
  if (!response.ok) throw new Error(`i18n/${code}.json: ${response.status}`);
  return response.json();
}

// Resolves with null, or the error that kept the page in PRERENDERED.
export async function startLanguage(root = document.documentElement) {
  const wanted = CODES.includes(root.lang) ? root.lang : PRERENDERED;
  let failure = null;
  try {
    setCatalogue(wanted, await catalogue(wanted));
    if (wanted !== PRERENDERED) translateMarked(document);
  } catch (error) {
    failure = error;
    root.lang = PRERENDERED;
    root.dir = direction(PRERENDERED);
    setCatalogue(PRERENDERED, await catalogue(PRERENDERED));
  }
  delete root.dataset.language;
  return failure;
}

// For the custom elements (elements.js), on a page of any site: the language of that page (its
// <html lang>) when there is a catalogue for it, else English; its whole catalogue, since the
// page holds none of the widgets' words.
let elementsLanguage = null;
export function startElementsLanguage(base) {
  elementsLanguage ??= (async () => {
    const code = pickLanguage([document.documentElement.lang]);
    try {
      setCatalogue(code, await catalogue(code, base));
    } catch {
      setCatalogue(PRERENDERED, await catalogue(PRERENDERED, base));
    }
  })();
  return elementsLanguage;
}
