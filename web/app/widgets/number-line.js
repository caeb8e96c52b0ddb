// Numbers as labelled marks on one line through zero, with what each end means written under
// it (A's scores: far right when a query and key point the same way, left when opposite).
import { h, replace } from '../dom.js';
import { fmt } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';

const W = 340, PAD = 26, Y = 34;

export class NumberLine {
  // ends: [what the left end means, what the right end means]
  constructor({ name, title, ends }) {
    this.title = title;
    this.ends = ends;
    this.body = h('div', { class: 'figure-body' });
    this.element = h('figure', { class: 'figure number-line', 'data-figure': name }, h('figcaption', {}, title), this.body);
  }

  // marks: [{ label, value, className }]
  set(marks) {
    whenSeen(this.element, () => this.#draw(marks));
  }

  #draw(marks) {
    const reach = Math.max(1, ...marks.map((m) => Math.abs(m.value)));
    const sx = (v) => W / 2 + (v / reach) * (W / 2 - PAD);
    const picture = svg('svg', { viewBox: `0 0 ${W} 74`, width: W, class: 'figure-svg', 'aria-hidden': 'true' });
    picture.append(svg('line', { x1: PAD / 2, x2: W - PAD / 2, y1: Y, y2: Y, class: 'axis-line' }));
    picture.append(svg('line', { x1: W / 2, x2: W / 2, y1: Y - 6, y2: Y + 6, class: 'axis-line' }));
    picture.append(svg('text', { x: W / 2, y: Y + 18, class: 'col-title' }, '0'));
    picture.append(svg('text', { x: 4, y: Y + 34, class: 'end-left' }, this.ends[0]));
    picture.append(svg('text', { x: W - 4, y: Y + 34, class: 'end-right' }, this.ends[1]));
    marks.forEach((m, i) => {
      const x = sx(m.value);
      picture.append(svg('circle', { cx: x, cy: Y, r: 6, class: `mark ${m.className ?? ''}`, 'data-value': String(m.value), 'data-mark': i }));
      picture.append(svg('text', { x, y: Y - 11 - (i % 2) * 11, class: `mark-label ${m.className ?? ''}` }, `${m.label} ${fmt(m.value, 2)}`));
    });
    replace(this.body, picture, textTable(this.title, ['', t('widgets.value')], marks.map((m) => [m.label, m.value])));
  }

  fail(message) {
    whenSeen(this.element, () => {
      replace(this.body, h('p', { class: 'problem', role: 'status' }, message));
    });
  }
}
