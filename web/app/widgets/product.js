// A vector times a matrix, drawn: the vector as a column beside the matrix's rows, the result
// under the matrix's columns, and the pair behind one result entry (the whole vector and one
// column) outlined, with that entry written out beside the picture.
import { dotTerms, h, num, replace } from '../dom.js';
import { fmt } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const C = 52, GAP = 40, TOP = 20;

export class Product {
  constructor({ name, title }) {
    this.title = title;
    this.body = h('div', { class: 'figure-body' });
    this.sentence = h('p', { class: 'figure-sentence', 'aria-live': 'polite' });
    this.element = h('figure', { class: 'figure product', 'data-figure': name }, h('figcaption', {}, title), this.body, this.sentence);
  }

  // x: the vector (d); w: the matrix (d×m); result: the engine's x·w (m); kind: 'q' | 'k' | 'v';
  // names: { x, w, result } as the reader reads them; col: the result entry in focus
  set(args) {
    whenSeen(this.element, () => this.#draw(args));
  }

  #draw({ x, w, result, kind, names, col }) {
    const d = x.length, m = result.length;
    const wx = 0, mx = C + GAP, width = mx + m * C + 4, height = TOP + (d + 1) * C + GAP / 2 + 4;
    const scale = Math.max(1e-12, ...x.map(Math.abs), ...w.flat().map(Math.abs), ...result.map(Math.abs));
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'figure-svg', 'aria-hidden': 'true' });
    const cell = (cx, cy, v, cls, data) => {
      const g = svg('g', { class: `product-cell ${cls}`, ...data });
      g.append(svg('rect', { x: cx + 2, y: cy + 2, width: C - 4, height: C - 4, rx: 4, class: `shade ${v < 0 ? 'negative' : ''}`, 'fill-opacity': (0.12 + 0.6 * Math.abs(v) / scale).toFixed(3), 'data-value': String(v) }));
      g.append(svg('text', { x: cx + C / 2, y: cy + C / 2 + 4, class: 'cell-num' }, fmt(v, 2)));
      picture.append(g);
    };
    picture.append(svg('text', { x: wx + C / 2, y: 12, class: 'col-title' }, names.x));
    picture.append(svg('text', { x: mx + (m * C) / 2, y: 12, class: 'col-title' }, names.w));
    x.forEach((v, i) => cell(wx, TOP + i * C, v, `x marked`, { 'data-x': i }));
    picture.append(svg('text', { x: C + GAP / 2, y: TOP + (d * C) / 2 + 5, class: 'equals' }, '×'));
    w.forEach((row, i) => row.forEach((v, c) => cell(mx + c * C, TOP + i * C, v, `kind-${kind} ${c === col ? 'marked' : ''}`, { 'data-w': `${i},${c}` })));
    const ry = TOP + d * C + GAP / 2;
    picture.append(svg('text', { x: C + GAP / 2, y: ry + C / 2 + 5, class: 'equals' }, '='));
    picture.append(svg('text', { x: wx + C / 2, y: ry + C / 2 + 5, class: 'col-title' }, names.result));
    result.forEach((v, c) => cell(mx + c * C, ry, v, `kind-${kind} result ${c === col ? 'marked' : ''}`, { 'data-result': c }));
    replace(this.body, picture, textTable(this.title, ['', ...w[0].map((_, c) => t('widgets.column', { column: c + 1 }))],
      [...w.map((row, i) => [t('widgets.rowTimes', { row: i + 1, x: fmt(x[i]) }), ...row]), [names.result, ...result]]));
    replace(this.sentence, rich('widgets.productSentence', { result: names.result, entry: col + 1, x: names.x, w: names.w,
      terms: dotTerms(x, w.map((row) => row[col])), value: num(result[col], { 'data-focused': '' }) }));
  }
}
