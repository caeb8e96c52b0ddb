// Numbers and words as the page writes them, in the language's conventions (i18n/core.js): text
// only, no DOM, so the model code (state.js, compute.js, exercises/) and the node tests use it
// too; dom.js puts it into elements.
import { decimalSeparator, entrySeparator } from './i18n/core.js';

const MINUS = '\u2212';

// 2 -> "2", -0.25 -> "−0.25", 0.0171478 -> "0.01715" (4 significant decimals after leading zeros);
// "−0,25" where the language writes a decimal comma. The parsers read back what this writes
// (state.js readNumber, through i18n/core.js readable).
export function fmt(x, digits = 4) {
  if (!Number.isFinite(x)) return String(x);
  if (Object.is(x, -0) || Math.abs(x) < 1e-12) return '0';
  let text;
  if (Number.isInteger(x)) text = String(Math.abs(x));
  else {
    const abs = Math.abs(x);
    const places = abs >= 1 ? digits : Math.min(12, digits + Math.max(0, -Math.floor(Math.log10(abs)) - 1));
    text = abs.toFixed(places).replace(/\.?0+$/, '');
  }
  return (x < 0 ? MINUS : '') + text.replace('.', decimalSeparator());
}

// A vector as text, for an SVG label, a table or a sentence (dom.js vector() is its element): "[1, −2, 0.5]",
// "[1; −2; 0,5]" with a decimal comma. digits: as fmt's.
export function vectorText(xs, digits) {
  return `[${xs.map((x) => fmt(x, digits)).join(entrySeparator())}]`;
}

// The text of a percentage, for a sentence: 0.8333 -> "83.3%".
export function percentText(x) {
  return `${fmt(Math.round(x * 1000) / 10)}%`;
}

// "(−1)" for negatives inside a written-out product, as a reader writes it.
export function factor(x) {
  return x < 0 ? `(${fmt(x)})` : fmt(x);
}

// "the scores …" -> "The scores …", for a sentence that starts with a computed phrase.
export const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
