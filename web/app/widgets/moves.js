// Points that move: each token's vector drawn as a point in three flat views (entries 1–2,
// 1–3 and 2–3, since a vector of three numbers needs three axes), with an arrow to where one
// step of gradient descent takes it. Arrows are drawn longer than the step, by a stated factor,
// when the step is too short to see.
import { h, replace } from '../dom.js';
import { fmt, vectorText } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';

const PANEL = 150, GAP = 14, PAD = 16, TOP = 16;
const VIEWS = [[0, 1], [0, 2], [1, 2]];

export class Moves {
  constructor({ name, title }) {
    this.title = title;
    this.body = h('div', { class: 'figure-body' });
    this.sentence = h('p', { class: 'figure-sentence' });
    this.element = h('figure', { class: 'figure moves', 'data-figure': name }, h('figcaption', {}, title), this.body, this.sentence);
  }

  // labels: token names; points: the vectors now; next: the engine's vectors after one step
  set(labels, points, next) {
    whenSeen(this.element, () => this.#draw(labels, points, next));
  }

  #draw(labels, points, next) {
    const width = VIEWS.length * PANEL + (VIEWS.length - 1) * GAP, height = TOP + PANEL;
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'figure-svg', 'aria-hidden': 'true' });
    const longest = Math.max(...points.flatMap((p, j) => p.map((x, i) => Math.abs(next[j][i] - x))));
    const span = Math.max(1e-9, ...points.flat().map(Math.abs));
    // the longest arrow at least half the largest entry, so a small step is still seen
    const magnify = longest > 0 ? Math.max(1, Math.round((span / 2) / longest)) : 1;
    VIEWS.forEach(([a, b], v) => {
      const left = v * (PANEL + GAP);
      const reach = span * 1.5;
      const sx = (x) => left + PANEL / 2 + (x / reach) * (PANEL / 2 - PAD);
      const sy = (y) => TOP + PANEL / 2 - (y / reach) * (PANEL / 2 - PAD);
      picture.append(svg('rect', { x: left, y: TOP, width: PANEL, height: PANEL, class: 'panel' }));
      picture.append(svg('line', { x1: left, x2: left + PANEL, y1: sy(0), y2: sy(0), class: 'zero' }));
      picture.append(svg('line', { x1: sx(0), x2: sx(0), y1: TOP, y2: TOP + PANEL, class: 'zero' }));
      picture.append(svg('text', { x: left + PANEL / 2, y: 11, class: 'col-title' }, t('widgets.axes', { across: a + 1, up: b + 1 })));
      points.forEach((p, j) => {
        const [x0, y0] = [sx(p[a]), sy(p[b])];
        const [x1, y1] = [sx(p[a] + magnify * (next[j][a] - p[a])), sy(p[b] + magnify * (next[j][b] - p[b]))];
        picture.append(svg('line', { x1: x0, y1: y0, x2: x1, y2: y1, class: `move token-${j}`, 'data-token': j, 'data-view': v }));
        const angle = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
        if (Math.hypot(x1 - x0, y1 - y0) > 1) {
          picture.append(svg('path', { d: 'M0,0L-7,-3.5L-7,3.5Z', transform: `translate(${x1.toFixed(1)},${y1.toFixed(1)}) rotate(${angle.toFixed(1)})`, class: `move-head token-${j}` }));
        }
        picture.append(svg('circle', { cx: x0, cy: y0, r: 4.5, class: `point-now token-${j}`, 'data-token': j, 'data-view': v, 'data-value': JSON.stringify([p[a], p[b]]), 'data-next': JSON.stringify([next[j][a], next[j][b]]) }));
        picture.append(svg('text', { x: x0 + 6, y: y0 - 6, class: `row-title start token-${j}` }, labels[j]));
      });
    });
    replace(this.body, picture, textTable(this.title, [t('widgets.token'), t('widgets.now'), t('widgets.afterStep')],
      labels.map((label, j) => [label, vectorText(points[j]), vectorText(next[j])])));
    this.sentence.textContent = magnify > 1 ? t('widgets.magnified', { times: fmt(magnify) }) : t('widgets.toScale');
    this.element.dataset.magnify = String(magnify);
  }

  fail(message) {
    whenSeen(this.element, () => {
      replace(this.body, h('p', { class: 'problem', role: 'status' }, message));
      this.sentence.textContent = '';
    });
  }
}
