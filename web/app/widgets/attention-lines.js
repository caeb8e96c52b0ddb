// A weight matrix as lines: each token on the left (the one asking) joined to every token on
// the right (the one attended to), as thick as the weight; pairs a causal mask forbids are
// drawn grey and dashed. Negative weights (divide-by-sum) are drawn in the warning colour.
import { h, replace } from '../dom.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';

const W = 300, ROW = 44, TOP = 24, LEFT = 60, RIGHT = W - 60, MAX = 12;

export class AttentionLines {
  constructor({ name, title }) {
    this.title = title;
    this.body = h('div', { class: 'figure-body' });
    this.element = h('figure', { class: 'figure attention-lines', 'data-figure': name }, h('figcaption', {}, title), this.body);
  }

  // weights: n×n (row = asking); labels: token names; masked(r, c) -> bool
  set(weights, options) {
    whenSeen(this.element, () => this.#draw(weights, options));
  }

  #draw(weights, { labels, masked = () => false }) {
    const n = labels.length;
    const y = (i) => TOP + 10 + i * ROW;
    const picture = svg('svg', { viewBox: `0 0 ${W} ${TOP + n * ROW}`, width: W, class: 'figure-svg', 'aria-hidden': 'true' });
    picture.append(svg('text', { x: LEFT - 10, y: 14, class: 'col-title end' }, t('widgets.asks')));
    picture.append(svg('text', { x: RIGHT + 10, y: 14, class: 'col-title start' }, t('widgets.attendsToColumn')));
    weights.forEach((row, r) => row.forEach((w, c) => {
      const off = masked(r, c);
      picture.append(svg('line', {
        x1: LEFT, y1: y(r), x2: RIGHT, y2: y(c), 'stroke-width': off ? 1 : (0.5 + MAX * Math.min(1, Math.abs(w))).toFixed(2),
        class: `link token-${r} ${off ? 'masked' : ''} ${w < 0 ? 'negative' : ''}`, 'data-pair': `${r},${c}`, 'data-value': String(w),
      }));
    }));
    labels.forEach((label, i) => {
      picture.append(svg('text', { x: LEFT - 10, y: y(i) + 4, class: `row-title token-${i}` }, label));
      picture.append(svg('text', { x: RIGHT + 10, y: y(i) + 4, class: `row-title start token-${i}` }, label));
    });
    replace(this.body, picture, textTable(this.title, [t('widgets.asking'), ...labels],
      weights.map((row, r) => [labels[r], ...row.map((w, c) => (masked(r, c) ? t('widgets.masked') : w))])));
  }
}
