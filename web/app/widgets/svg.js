// SVG elements built with createElementNS (the CSP allows no markup strings), and the hidden
// table that gives a figure its text alternative for screen readers.
import { h } from '../dom.js';
import { fmt } from '../text.js';

const NS = 'http://www.w3.org/2000/svg';

// svg('rect', { x: 1, class: 'bar' }, 'optional text')
export function svg(tag, attrs = {}, text = '') {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
  if (text) el.textContent = text;
  return el;
}

// A table read by screen readers in place of the picture: head is the column titles, rows are
// [label, ...numbers or text]. Numbers keep their exact value in data-value.
export function textTable(caption, head, rows) {
  const cell = (x) => (typeof x === 'number' ? h('td', { 'data-value': String(x) }, fmt(x)) : h('td', {}, x));
  return h('table', { class: 'visually-hidden figure-text' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((x) => (x ? h('th', { scope: 'col' }, x) : h('td'))))),
    h('tbody', {}, rows.map(([label, ...xs]) => h('tr', {}, h('th', { scope: 'row' }, label), xs.map(cell)))));
}
