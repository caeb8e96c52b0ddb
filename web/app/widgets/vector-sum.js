// The output as a sum of scaled value vectors, drawn in SVG: one row per entry of the output, and
// in it each token's contribution w_j · v_j a bar that starts where the one before it ended (a
// positive one steps right, a negative one back left), each a step lower, like a staircase; the
// upright mark where the last one ends is the output's entry. A table beside it for screen readers.
import { replace, h } from '../dom.js';
import { fmt } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';

const LABEL = 64, BAR = 240, TOTAL = 70, ROW = 40, HEIGHT = 27, TOP = 6;

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
    const dv = output.length, n = parts.length;
    // where the walk along entry d stands after each part: it starts at 0 and ends at the output
    const walk = (d) => parts.reduce((at, p) => [...at, at.at(-1) + p[d]], [0]);
    const stops = output.flatMap((_, d) => walk(d));
    const lowest = Math.min(0, ...stops), highest = Math.max(0, ...stops);
    const unit = BAR / Math.max(1e-12, highest - lowest);
    const zero = LABEL - lowest * unit;
    const lane = HEIGHT / n;
    const width = LABEL + BAR + TOTAL, height = TOP + dv * ROW;
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'figure-svg', 'aria-hidden': 'true' });
    picture.append(svg('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'zero' }));
    for (let d = 0; d < dv; d++) {
      const y = TOP + d * ROW;
      picture.append(svg('text', { x: LABEL - 8, y: y + HEIGHT - 4, class: 'row-title' }, t('widgets.entry', { entry: d + 1 })));
      const at = walk(d);
      parts.forEach((p, j) => {
        const size = Math.abs(p[d]) * unit;
        const bar = svg('rect', {
          x: zero + Math.min(at[j], at[j + 1]) * unit, y: y + j * lane, width: Math.max(size, 0.5), height: lane,
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
