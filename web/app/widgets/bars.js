// Horizontal bars for one row of weights (one unit of attention spread over the tokens).
// Negative values (divide-by-sum of negative scores) draw leftwards, in a warning colour.
import { h, num, replace } from '../dom.js';
import { capital } from '../text.js';

export class Bars {
  constructor({ name, labels, title }) {
    this.labels = labels;
    this.body = h('div', { class: 'bars-body' });
    this.element = h('figure', { class: 'bars', 'data-bars': name }, h('figcaption', {}, title), this.body);
  }

  // values: number[]; or an error message instead
  set(values, error = null) {
    if (error) {
      replace(this.body, h('p', { class: 'problem', role: 'status' }, capital(error)));
      return;
    }
    const scale = Math.max(1, ...values.map(Math.abs));
    replace(this.body, values.map((v, j) => h('div', { class: 'bar-row' },
      h('span', { class: `token token-${j}` }, this.labels[j]),
      h('span', { class: 'bar-track' },
        h('span', { class: `bar ${v < 0 ? 'negative' : ''} token-${j}`, style: `--w:${(Math.abs(v) / scale).toFixed(4)}` })),
      num(v, { 'data-weight': String(j) }))));
  }
}
