// A weight matrix as a grid of shaded cells, rows = queries, columns = keys; the number is
// printed in each cell. Masked cells (exactly 0 under a causal mask) are hatched.
import { fmt, h, replace } from '../dom.js';

export class Heatmap {
  // digits: decimals shown in a cell (the exact value stays in data-value)
  constructor({ name, title = '', digits = 4 }) {
    this.digits = digits;
    this.grid = h('div', { class: 'heatmap-grid' });
    this.element = h('figure', { class: 'heatmap', 'data-heatmap': name }, title ? h('figcaption', {}, title) : null, this.grid);
  }

  // weights: number[][]; rowLabels/colLabels: string[]; masked(r, c) -> bool; marked: bool[] for columns
  set(weights, { rowLabels, colLabels, masked = () => false, unknown = [] }) {
    const cols = colLabels.length;
    this.grid.style.setProperty('--cols', cols);
    replace(this.grid,
      h('span', { class: 'corner' }),
      colLabels.map((label, c) => h('span', { class: `col-label ${unknown[c] ? 'unknown' : ''}`, title: unknown[c] ? 'not in the vocabulary' : null }, label)),
      weights.map((row, r) => [
        h('span', { class: `row-label ${unknown[r] ? 'unknown' : ''}` }, rowLabels[r]),
        row.map((w, c) => h('span', {
          class: `heat ${masked(r, c) ? 'masked' : ''}`,
          style: `--a:${Math.max(0, Math.min(1, w)).toFixed(3)}`,
          'aria-label': `${rowLabels[r]} → ${colLabels[c]}`,
        }, h('span', { class: `num ${cols <= 8 ? '' : 'visually-hidden'}`, 'data-value': String(w) }, fmt(w, this.digits)))),
      ]));
  }
}
