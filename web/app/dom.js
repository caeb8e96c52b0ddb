// Tiny DOM helpers: elements are built with text nodes only (never innerHTML); a number is shown
// as text.js writes it while its exact value stays in data-value for tests and tools.
import { entrySeparator } from './i18n/core.js';
import { factor, fmt, percentText } from './text.js';

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

// A fraction shown as a percentage (0.8333 -> "83.3%"), exact value in data-value.
export function percent(x, attrs = {}) {
  return h('span', { class: 'num', 'data-value': String(x), ...attrs }, percentText(x));
}

// A dot product's terms written out, "1·3 + 2·(−1)", as one left-to-right unit in every
// language (then `after`, e.g. " = ").
export function dotTerms(xs, ys, ...after) {
  return h('span', { class: 'terms', dir: 'ltr' }, xs.map((x, i) => `${factor(x)}·${factor(ys[i])}`).join(' + '), ...after);
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

