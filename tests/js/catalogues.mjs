// The catalogues the tests read: web/i18n/<code>.json for each language of
// web/app/i18n/languages.js, or, while a translation is being drafted outside the repository, the
// file of that name in the folder $I18N_DRAFTS names (none by default).
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '../../web/app/i18n/languages.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function catalogueFile(code) {
  const shipped = path.join(ROOT, 'web/i18n', `${code}.json`);
  if (fs.existsSync(shipped) || !process.env.I18N_DRAFTS) return shipped;
  return path.join(process.env.I18N_DRAFTS, `${code}.json`);
}

export const readCatalogue = (code) => JSON.parse(fs.readFileSync(catalogueFile(code), 'utf8'));
export const CODES = LANGUAGES.map((l) => l.code);

// The page's English for the code under test (its messages are looked up in the catalogue).
export async function useEnglish() {
  const { setCatalogue } = await import('../../web/app/i18n/core.js');
  setCatalogue('en', readCatalogue('en'));
}
