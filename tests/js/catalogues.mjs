// The catalogues the tests read: web/i18n/<code>.json for each language of
// web/app/i18n/languages.js.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const readCatalogue = (code) => JSON.parse(fs.readFileSync(path.join(ROOT, 'web/i18n', `${code}.json`), 'utf8'));
export { CODES } from '../../web/app/i18n/languages.js';

// The page's English for the code under test (its messages are looked up in the catalogue).
export async function useEnglish() {
  const { setCatalogue } = await import('../../web/app/i18n/core.js');
  setCatalogue('en', readCatalogue('en'));
}
