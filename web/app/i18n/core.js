// The catalogue lookup and the number conventions of the page's language: no DOM, so the
// node tests, the prerender and the page share it. setCatalogue() is called once, before
// anything is drawn (main.js, embed.js); until then English conventions and no messages.
//
// Catalogue values (web/i18n/<code>.json, format in README "Add a language"):
//   "{name}" placeholders, filled from params; a value may be an object of Intl.PluralRules
//   categories ({ "one": …, "other": … }) chosen by params.count; inline markup ([em]…[/em],
//   [term=id]…[/term] …) is kept in the text t() returns and turned into elements by rich()
//   (i18n/render.js); plain() drops it for attributes and announcements.
// Bidi: a number, vector or formula is one left-to-right unit inside a sentence in every
// language. rich() puts each such placeholder in a <bdi dir="ltr">; in plain text (t(), plain())
// a right-to-left language gets it between U+2066 LRI and U+2069 PDI. Literal math written in
// the prose ("√d", "C++", "∂L/∂x = {gradient}") is marked [ltr]…[/ltr] by the catalogue: a <bdi
// dir="ltr"> in rich(), the same isolates in plain text.
import { LANGUAGES, PRERENDERED, direction } from './languages.js';

let code = PRERENDERED;
let locale = 'en-GB';
let messages = {};
let decimal = '.';
// Intl's rules are slow to build and asked for in every redraw: built once per language
let plurals = new Intl.PluralRules(locale);
let lists = new Intl.ListFormat(locale, { type: 'conjunction' });

export function setCatalogue(language, catalogue) {
  code = language;
  locale = LANGUAGES.find((l) => l.code === code)?.locale ?? code;
  messages = catalogue;
  plurals = new Intl.PluralRules(locale);
  lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

export const language = () => code;

// The raw template of key, the plural variant chosen by count; the key itself when missing
// (the catalogue test keeps every catalogue complete).
export function template(key, count) {
  const value = messages[key];
  if (value === undefined) return key;
  if (typeof value === 'string') return value;
  const category = plurals.select(count ?? 0);
  return value[category] ?? value.other;
}

// Text that reads left to right whatever the sentence around it: it has a digit and no letter of
// a right-to-left script (a number, "[1, −2]", "0·(−1) + 2·3", "±5").
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
export const isMath = (text) => /\d/.test(text) && !RTL_LETTER.test(text);
const LRI = '\u2066';
const PDI = '\u2069';
const isolated = (text) => (direction(code) === 'rtl' && isMath(text) ? `${LRI}${text}${PDI}` : text);

const PLACEHOLDER = /\{([a-zA-Z0-9]+)\}/g;
export const fill = (text, params = {}) => text.replace(PLACEHOLDER, (all, name) => (Object.hasOwn(params, name) ? isolated(String(params[name])) : all));

// t(key, { token: 'B' }) -> the sentence, markup included ([ltr]…[/ltr] made isolates).
export const t = (key, params = {}) => fill(template(key, params.count), params).replace(/\[ltr\]/g, LRI).replace(/\[\/ltr\]/g, PDI);

export const MARKUP = /\[(\/?)(em|strong|sub|sup|code|term|link|q|k|v|en|ltr)(?:=([a-z0-9-]+))?\]/g;
// What each markup name becomes: an element and its attributes (arg: the "=id" part).
export const TAGS = {
  em: () => ['em', {}],
  strong: () => ['strong', {}],
  sub: () => ['sub', {}],
  sup: () => ['sup', {}],
  code: () => ['code', { translate: 'no' }],
  term: (id) => ['a', { class: 'term', 'data-term': id, href: `#glossary-${id}` }],
  link: (id) => ['a', { href: `#${id}` }],
  q: () => ['span', { class: 'q' }],
  k: () => ['span', { class: 'k' }],
  v: () => ['span', { class: 'v' }],
  en: () => ['span', { lang: 'en' }],
  ltr: () => ['bdi', { dir: 'ltr' }],
};

// Catalogue text -> a tree: strings and { tag, attrs, children }. An unbalanced closing tag is
// ignored; an unclosed one ends with the text.
export function parseMarkup(text) {
  const root = { children: [] };
  const open = [root];
  let at = 0;
  for (const match of text.matchAll(MARKUP)) {
    if (match.index > at) open.at(-1).children.push(text.slice(at, match.index));
    at = match.index + match[0].length;
    const [, closing, name, arg] = match;
    if (closing) {
      if (open.length > 1) open.pop();
      continue;
    }
    const [tag, attrs] = TAGS[name](arg);
    const node = { tag, attrs, children: [] };
    open.at(-1).children.push(node);
    open.push(node);
  }
  if (at < text.length) open.at(-1).children.push(text.slice(at));
  return root.children;
}

// The sentence with its markup dropped: for attributes, titles and screen-reader announcements.
export const plain = (key, params = {}) => t(key, params).replace(MARKUP, '');

// "A, B and C" in the page's language.
export const list = (items) => lists.format(items.map(String));

// The page's decimal separator ("." or ","), and what separates a vector's entries ("[1, 2]";
// "[1; 0,5]" where the comma is the decimal separator).
export const decimalSeparator = () => decimal;
export const entrySeparator = () => (decimal === ',' ? '; ' : ', ');

// A number as the reader may type it ("0,5" in Spanish; "0.5" is read in every language, as
// links write it) -> the text the parsers read ("0.5").
export const readable = (text) => (decimal === ',' ? String(text).replace(',', '.') : String(text));
// Its inverse, for a number as a link writes it ("0.5") shown in a box ("0,5").
export const writable = (text) => (decimal === ',' ? String(text).replace('.', ',') : String(text));
