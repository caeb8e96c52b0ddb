// Puts the reader's language in before anything is drawn: the language boot.js chose (<html
// lang>), its catalogue fetched from i18n/<code>.json — or read from the <script
// id="i18n-<code>"> the offline file carries — and, for another language than the one the HTML
// was written in, the page's marked prose translated. If the catalogue cannot be had, the page
// stays in the language it was written in and says why.
import { CODES, PRERENDERED, direction } from './languages.js';
import { setCatalogue } from './core.js';
import { translateMarked } from './render.js';

async function catalogue(code) {
  const inline = document.getElementById(`i18n-${code}`);
  if (inline) return JSON.parse(inline.textContent);
  const response = await fetch(new URL(`i18n/${code}.json`, document.baseURI));
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
