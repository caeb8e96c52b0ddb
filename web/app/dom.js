// Tiny DOM helpers: elements are built with text nodes only (never innerHTML), numbers are
// formatted for reading, in the page language's conventions (i18n/core.js), while their exact
// value stays in data-value for tests and tools.
import { decimalSeparator, entrySeparator } from './i18n/core.js';

// h('p', { class: 'x', onclick: f, 'aria-label': '…' }, 'text', child, [more])
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'style') el.style.cssText = value;   // CSSOM, allowed under a CSP without 'unsafe-inline'
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

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

// A number as the page shows it: rounded text, exact value in data-value.
export function num(x, attrs = {}) {
  return h('span', { class: 'num', 'data-value': String(x), ...attrs }, fmt(x));
}

// el's text made text, left alone when it is that already: writing the same text again still
// makes the browser lay it out again.
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// A number made by num() shown as x now: the same element, its text and data-value changed.
export function setNum(span, x) {
  span.dataset.value = String(x);
  setText(span, fmt(x));
}

// [1, −2, 0.5] as the page writes a vector ([1; −2; 0,5] with a decimal comma); attrs(i) adds
// attributes to entry i's number. Left to right in every language.
export function vector(xs, attrs = () => ({})) {
  return h('span', { class: 'vector', dir: 'ltr' }, '[', xs.map((x, i) => [i ? entrySeparator() : '', num(x, attrs(i))]), ']');
}

// The same vector as text, for an SVG label, a table or a sentence: "[1, −2, 0.5]",
// "[1; −2; 0,5]" with a decimal comma. digits: as fmt's.
export function vectorText(xs, digits) {
  return `[${xs.map((x) => fmt(x, digits)).join(entrySeparator())}]`;
}

// A fraction shown as a percentage (0.8333 -> "83.3%"), exact value in data-value.
export function percent(x, attrs = {}) {
  return h('span', { class: 'num', 'data-value': String(x), ...attrs }, percentText(x));
}

// The text of a percentage, for a sentence: 0.8333 -> "83.3%".
export function percentText(x) {
  return `${fmt(Math.round(x * 1000) / 10)}%`;
}

// "(−1)" for negatives inside a written-out product, as a reader writes it.
export function factor(x) {
  return x < 0 ? `(${fmt(x)})` : fmt(x);
}

// A dot product's terms written out, "1·3 + 2·(−1)", as one left-to-right unit in every
// language (then `after`, e.g. " = ").
export function dotTerms(xs, ys, ...after) {
  return h('span', { class: 'terms', dir: 'ltr' }, xs.map((x, i) => `${factor(x)}·${factor(ys[i])}`).join(' + '), ...after);
}

export function identity(n) {
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
}

// Saves `text` as a file called `name` (the browser's download), of the given MIME type.
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// "the scores …" -> "The scores …", for a sentence that starts with a computed phrase.
export const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
