// The output as a sum of scaled value vectors: for each entry of the output, the stacked
// contributions w_j · v_j of every token, then their sum; a table beside it for screen readers.
import { h, num, replace } from '../dom.js';
import { textTable } from './svg.js';

export class VectorSum {
  constructor({ name, labels }) {
    this.labels = labels;
    this.body = h('div', { class: 'vector-sum-body' });
    this.element = h('figure', { class: 'vector-sum', 'data-vector-sum': name, 'data-figure': name }, this.body);
  }

  // parts: rows w_j·v_j (n×dv); output: the engine's sum (1×dv)
  set(parts, output) {
    const dv = output.length;
    const scale = Math.max(1e-9, ...Array.from({ length: dv }, (_, d) =>
      Math.max(parts.reduce((s, p) => s + Math.max(0, p[d]), 0), parts.reduce((s, p) => s + Math.max(0, -p[d]), 0))));
    replace(this.body, Array.from({ length: dv }, (_, d) => h('div', { class: 'stack-row' },
      h('span', { class: 'stack-label' }, `entry ${d + 1}`),
      h('span', { class: 'stack' }, parts.map((p, j) => h('span', {
        class: `segment token-${j} ${p[d] < 0 ? 'negative' : ''}`,
        style: `--w:${(Math.abs(p[d]) / scale).toFixed(4)}`,
        title: `${this.labels[j]}: ${p[d]}`,
        'data-part': `${j},${d}`, 'data-value': String(p[d]),
      }))),
      h('span', { class: 'stack-total' }, '= ', num(output[d], { 'data-output': String(d) })))),
    textTable('each token’s value times its weight, added entry by entry into the output', ['', ...output.map((_, d) => `entry ${d + 1}`)],
      [...parts.map((p, j) => [`${this.labels[j]}: weight × value`, ...p]), ['output', ...output]]));
  }
}
