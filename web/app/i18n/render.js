// Catalogue text to elements: rich(key, params) turns the inline markup (i18n/core.js
// parseMarkup) into elements built with createElement and text nodes, never innerHTML, so a
// catalogue cannot inject markup. A param may be a Node (a number span with its data-value) and
// is inserted as is. A param that is a number, vector or formula (core.js isMath) reads left to
// right as one unit: in a <bdi dir="ltr">, unless it is an element that is one already (a number
// span, a vector, anything with dir).
import { isMath, plain, parseMarkup, template } from './core.js';

const isolatedAlready = (node) => node instanceof Element && (node.hasAttribute('dir') || node.matches('.num, .vector'));
function ltrUnit(value) {
  const node = value instanceof Node ? value : document.createTextNode(String(value));
  if (isolatedAlready(node) || !isMath(node.textContent)) return node;
  const bdi = document.createElement('bdi');
  bdi.dir = 'ltr';
  bdi.append(node);
  return bdi;
}

// Text with {placeholders} -> nodes appended to parent.
function appendText(parent, text, params) {
  for (const [i, part] of text.split(/\{([a-zA-Z0-9]+)\}/).entries()) {
    if (i % 2 === 0) {
      if (part) parent.append(part);
    } else if (!Object.hasOwn(params, part)) parent.append(`{${part}}`);
    else parent.append(ltrUnit(params[part]));
  }
}

function build(parent, nodes, params) {
  for (const node of nodes) {
    if (typeof node === 'string') appendText(parent, node, params);
    else {
      const el = document.createElement(node.tag);
      for (const [name, value] of Object.entries(node.attrs)) el.setAttribute(name, value);
      build(el, node.children, params);
      parent.append(el);
    }
  }
  return parent;
}

export const rich = (key, params = {}) => build(document.createDocumentFragment(), parseMarkup(template(key, params.count)), params);

// Words kept in English on purpose inside a sentence of the reader's language: a technical detail
// the page has no words for (the engine's or the browser's own message, as in "the engine could
// not be loaded (…)") or the training corpus's words. Marked as English (lang="en", so it is read
// out as English) and one left-to-right unit.
export function english(text) {
  const span = document.createElement('span');
  span.lang = 'en';
  span.dir = 'ltr';
  span.textContent = String(text);
  return span;
}

// Fills every element of root marked data-i18n="key" (its content) or
// data-i18n-attr="attribute key" (one attribute), from the catalogue set in core.js.
export function translateMarked(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.replaceChildren(rich(el.dataset.i18n));
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    const [attribute, key] = el.dataset.i18nAttr.split(' ');
    el.setAttribute(attribute, plain(key));
  }
}
