// The languages the page ships, one catalogue each in web/i18n/<code>.json: the one list the
// menu, the link's `lang` field, the boot script and the catalogue test read. name: how the
// language names itself in the menu; dir: its writing direction; locale: the conventions its
// lists, plurals and numbers follow (the page's English is British: no comma before "and").
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr', locale: 'en-GB' },
  { code: 'es', name: 'Español', dir: 'ltr', locale: 'es' },
  { code: 'he', name: 'עברית', dir: 'rtl', locale: 'he' },
];
export const CODES = LANGUAGES.map((l) => l.code);
// The language dist/index.html is written in by the build (scripts/lib/prerender.mjs).
export const PRERENDERED = 'en';
export const STORAGE_KEY = 'attention-language';

// The first of the candidates ("es-AR", "he", "iw-IL" …) the page has a catalogue for, by its
// primary subtag; PRERENDERED when none is.
export function pickLanguage(candidates) {
  for (const candidate of candidates) {
    const primary = String(candidate ?? '').toLowerCase().split(/[-_]/)[0];
    const code = primary === 'iw' ? 'he' : primary;   // the old code for Hebrew some systems still send
    if (CODES.includes(code)) return code;
  }
  return PRERENDERED;
}

export const direction = (code) => LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
