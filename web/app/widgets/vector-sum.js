// The output as a sum of scaled value vectors, drawn in SVG: one row per entry of the output, each
// token's contribution w_j · v_j a bar laid end to end with the others (positive ones to the right
// of zero, negative ones to the left), and a mark where they end up: the output's entry. A table
// beside it for screen readers.
import { replace, h } from '../dom.js';
import { fmt } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';

const LABEL = 64, BAR = 240, TOTAL = 70, ROW = 34, HEIGHT = 18, TOP = 6;

export class VectorSum {
  constructor({ name, labels }) {
    this.labels = labels;
    this.body = h('div', { class: 'figure-body' });
    this.element = h('figure', { class: 'figure vector-sum', 'data-vector-sum': name, 'data-figure': name },
      h('figcaption', {}, t('widgets.vectorSum')), this.body);
  }

  // parts: rows w_j·v_j (n×dv); output: the engine's sum (1×dv)
  set(parts, output) {
    whenSeen(this.element, () => this.#draw(parts, output));
  }

  #draw(parts, output) {
    const dv = output.length;
    const reach = (d, sign) => parts.reduce((s, p) => s + Math.max(0, sign * p[d]), 0);
    const right = Math.max(0, ...output.map((_, d) => reach(d, 1)));
    const left = Math.max(0, ...output.map((_, d) => reach(d, -1)));
    const unit = BAR / Math.max(1e-12, left + right);
    const zero = LABEL + left * unit;
    const width = LABEL + BAR + TOTAL, height = TOP + dv * ROW;
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'figure-svg', 'aria-hidden': 'true' });
    picture.append(svg('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'zero' }));
    for (let d = 0; d < dv; d++) {
      const y = TOP + d * ROW;
      picture.append(svg('text', { x: LABEL - 8, y: y + HEIGHT - 4, class: 'row-title' }, t('widgets.entry', { entry: d + 1 })));
      let ahead = zero, behind = zero;   // where the next positive and the next negative part start
      parts.forEach((p, j) => {
        const size = Math.abs(p[d]) * unit;
        const x = p[d] < 0 ? (behind -= size) : ahead;
        if (p[d] >= 0) ahead += size;
        const bar = svg('rect', {
          x, y, width: Math.max(size, 0.5), height: HEIGHT,
          class: `stack-part token-${j} ${p[d] < 0 ? 'negative' : ''}`, 'data-part': `${j},${d}`, 'data-value': String(p[d]),
        });
        bar.append(svg('title', {}, `${this.labels[j]}: ${fmt(p[d])}`));
        picture.append(bar);
      });
      const end = zero + output[d] * unit;
      picture.append(svg('line', { x1: end, x2: end, y1: y - 3, y2: y + HEIGHT + 3, class: 'stack-end', 'data-end': String(d) }));
      picture.append(svg('text', { x: LABEL + BAR + 8, y: y + HEIGHT - 4, class: 'stack-total', 'data-output': String(d), 'data-value': String(output[d]) },
        `= ${fmt(output[d])}`));
    }
    replace(this.body, picture,
      textTable(t('widgets.sumTable'), ['', ...output.map((_, d) => t('widgets.entry', { entry: d + 1 }))],
        [...parts.map((p, j) => [t('widgets.weightTimesValue', { token: this.labels[j] }), ...p]), [t('widgets.output'), ...output]]));
  }
}
