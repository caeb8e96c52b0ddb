// Rows of numbers drawn as bars about a zero line, one column per entry: a token's vector, the
// terms of a dot product and their sum, scores turned into weights. Data in, SVG out, with a
// table beside it for screen readers.
import { h, replace } from '../dom.js';
import { fmt } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';

const CELL = 52, ROW = 50, HALF = 15, TOP = 18;

export class Strips {
  // columns: the column titles; equals: index of a column that is the sum of the ones before it;
  // perRow: each row drawn to its own scale (weights up to 1 beside scores of any size)
  constructor({ name, title, columns, equals = null, perRow = false }) {
    this.title = title;
    this.perRow = perRow;
    this.columns = columns;
    this.equals = equals;
    this.body = h('div', { class: 'figure-body' });
    this.element = h('figure', { class: 'figure strips', 'data-figure': name }, h('figcaption', {}, title), this.body);
  }

  // rows: [{ label, values, className }]; cellClass(r, i): extra classes for one bar
  set(rows, options) {
    whenSeen(this.element, () => this.#draw(rows, options));
  }

  #draw(rows, { cellClass = () => '' } = {}) {
    const n = this.columns.length;
    const LABEL = 16 + 8 * Math.max(...rows.map((row) => row.label.length));   // room for the longest row title
    const gap = (i) => (this.equals !== null && i >= this.equals ? 16 : 0);
    const x = (i) => LABEL + i * CELL + gap(i);
    const width = x(n - 1) + CELL, height = TOP + rows.length * ROW + 8;
    const largest = (values) => Math.max(1e-12, ...values.map(Math.abs));
    const all = largest(rows.flatMap((r) => r.values));
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'figure-svg', 'aria-hidden': 'true' });
    this.columns.forEach((title, i) => picture.append(svg('text', { x: x(i) + CELL / 2, y: 12, class: 'col-title' }, title)));
    if (this.equals !== null) picture.append(svg('text', { x: x(this.equals) - 8, y: TOP + (rows.length * ROW) / 2, class: 'equals' }, '='));
    rows.forEach((row, r) => {
      const mid = TOP + r * ROW + HALF + 4;
      const scale = this.perRow ? Math.max(1, largest(row.values)) : all;
      picture.append(svg('text', { x: LABEL - 6, y: mid + 4, class: `row-title ${row.className ?? ''}` }, row.label));
      picture.append(svg('line', { x1: LABEL, x2: width, y1: mid, y2: mid, class: 'zero' }));
      row.values.forEach((v, i) => {
        const size = (Math.abs(v) / scale) * HALF;
        picture.append(svg('rect', {
          x: x(i) + 10, width: CELL - 20, y: v < 0 ? mid : mid - size, height: Math.max(size, 0.5),
          class: `strip-bar ${row.className ?? ''} ${v < 0 ? 'negative' : ''} ${cellClass(r, i)}`,
          'data-row': r, 'data-col': i, 'data-value': String(v),
        }));
        picture.append(svg('text', { x: x(i) + CELL / 2, y: mid + HALF + 14, class: 'strip-num' }, fmt(v, 2)));
      });
    });
    replace(this.body, picture, textTable(this.title, ['', ...this.columns], rows.map((row) => [row.label, ...row.values])));
  }

  // In place of the picture: why there are no numbers to draw.
  fail(message) {
    whenSeen(this.element, () => {
      replace(this.body, h('p', { class: 'problem', role: 'status' }, message));
    });
  }
}
