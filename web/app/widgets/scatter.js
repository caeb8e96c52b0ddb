// Points in 2-D with a few labelled (the token embeddings after PCA); other points are dots
// whose word shows on hover. Labels never overlap one another: each takes the first free spot
// around its point, further out if need be, with a leader line back to the point. A sentence
// gives the labelled words' coordinates for screen readers.
import { fmt } from '../text.js';
import { svg } from './svg.js';
import { entrySeparator } from '../i18n/core.js';
import { english, rich } from '../i18n/render.js';

let scatters = 0;

// A label's box, in the chart's units: its font (.point-label) is at most this wide per character.
const CHAR_WIDTH = 8;
const LABEL_HEIGHT = 12;

export class Scatter {
  // note: a sentence under the picture on how to read it (optional)
  constructor({ name, title, labelled, note = null, width = 320, height = 240 }) {
    this.labelled = new Set(labelled);
    this.width = width;
    this.height = height;
    this.text = document.createElement('p');
    this.text.className = 'visually-hidden';
    this.text.id = `scatter-${name}-${++scatters}`;
    this.text.dataset.scatterText = '';
    this.svg = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, 'aria-describedby': this.text.id, class: 'scatter-svg' });
    this.element = document.createElement('figure');
    this.element.className = 'scatter';
    this.element.dataset.scatter = name;
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    this.element.append(caption, this.svg, this.text);
    if (note) this.element.append(Object.assign(document.createElement('p'), { className: 'note', textContent: note }));
  }

  // words: string[]; points: [x, y][] (same order)
  set(words, points) {
    const pad = 24;
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = (x) => pad + ((x - x0) / (x1 - x0 || 1)) * (this.width - 2 * pad);
    const sy = (y) => this.height - pad - ((y - y0) / (y1 - y0 || 1)) * (this.height - 2 * pad);
    this.svg.replaceChildren();
    const where = document.createDocumentFragment();   // the labelled words' places, the words marked as English
    words.forEach((word, i) => {
      if (!this.labelled.has(word)) return;
      if (where.hasChildNodes()) where.append(entrySeparator());
      where.append(rich('widgets.pointAt', { word: english(word), x: fmt(points[i][0], 2), y: fmt(points[i][1], 2) }));
    });
    this.text.replaceChildren(rich('widgets.scatter', { count: words.length, points: where }));
    const placed = [];   // the labels' boxes so far
    words.forEach((word, i) => {
      const [x, y] = [sx(points[i][0]), sy(points[i][1])];
      const named = this.labelled.has(word);
      const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: named ? 4 : 2.5, class: named ? 'point named' : 'point', 'data-word': word });
      dot.append(svg('title', { lang: 'en' }, word));   // the corpus's words are English data
      this.svg.append(dot);
      if (!named) return;
      const box = this.#place(x, y, word, placed);
      placed.push(box);
      if (box.far) this.svg.append(svg('line', { x1: x.toFixed(1), y1: y.toFixed(1), x2: box.anchorX.toFixed(1), y2: box.anchorY.toFixed(1), class: 'leader' }));
      this.svg.append(svg('text', { x: box.left.toFixed(1), y: (box.top + LABEL_HEIGHT - 2).toFixed(1), class: 'point-label', 'data-label': word, lang: 'en' }, word));
    });
  }

  // A box for the label of the point at (x, y), clear of `placed` and inside the chart: the first
  // free one of eight spots around the point, on rings further and further out.
  #place(x, y, word, placed) {
    const width = word.length * CHAR_WIDTH, height = LABEL_HEIGHT;
    const clear = (b) => b.left >= 0 && b.top >= 0 && b.left + width <= this.width && b.top + height <= this.height
      && placed.every((p) => b.left >= p.left + p.width || p.left >= b.left + width || b.top >= p.top + p.height || p.top >= b.top + height);
    for (let ring = 1; ring <= 8; ring++) {
      const r = 6 * ring;
      for (const [dx, dy] of [[1, -1], [1, 1], [-1, -1], [-1, 1], [0, -1], [0, 1], [1, 0], [-1, 0]]) {
        const left = dx > 0 ? x + r : dx < 0 ? x - r - width : x - width / 2;
        const top = dy > 0 ? y + r : dy < 0 ? y - r - height : y - height / 2;
        const box = { left, top, width, height, far: ring > 1, anchorX: Math.min(Math.max(x, left), left + width), anchorY: Math.min(Math.max(y, top), top + height) };
        if (clear(box)) return box;
      }
    }
    return { left: x + 6, top: y - 6 - height, width, height, far: false };   // no free spot: beside the point
  }
}
