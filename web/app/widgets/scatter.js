// Points in 2-D with a few labelled (the token embeddings after PCA); other points are dots
// whose word shows on hover.
import { svg } from './svg.js';

export class Scatter {
  constructor({ name, title, labelled, width = 320, height = 240 }) {
    this.labelled = new Set(labelled);
    this.width = width;
    this.height = height;
    this.svg = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'scatter-svg' });
    this.element = document.createElement('figure');
    this.element.className = 'scatter';
    this.element.dataset.scatter = name;
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    this.element.append(caption, this.svg);
  }

  // words: string[]; points: [x, y][] (same order)
  set(words, points) {
    const pad = 24;
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = (x) => pad + ((x - x0) / (x1 - x0 || 1)) * (this.width - 2 * pad);
    const sy = (y) => this.height - pad - ((y - y0) / (y1 - y0 || 1)) * (this.height - 2 * pad);
    this.svg.replaceChildren();
    words.forEach((word, i) => {
      const [x, y] = [sx(points[i][0]), sy(points[i][1])];
      const named = this.labelled.has(word);
      const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: named ? 4 : 2.5, class: named ? 'point named' : 'point', 'data-word': word });
      dot.append(svg('title', {}, word));
      this.svg.append(dot);
      if (named) this.svg.append(svg('text', { x: (x + 6).toFixed(1), y: (y - 6).toFixed(1), class: 'point-label', 'data-label': word }, word));
    });
  }
}
