// A small SVG line chart for one or more series (loss curves, accuracy curves).
import { svg } from './svg.js';

export class LineChart {
  // series: [{ name, className }]
  constructor({ name, title, series, width = 320, height = 140, yMin = null, yMax = null }) {
    this.series = series;
    this.width = width;
    this.height = height;
    this.yMin = yMin;
    this.yMax = yMax;
    this.svg = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'line-chart-svg' });
    this.legend = document.createElement('p');
    this.legend.className = 'legend';
    for (const s of series) {
      const item = document.createElement('span');
      item.className = `legend-item ${s.className}`;
      item.textContent = s.name;
      this.legend.append(item);
    }
    this.element = document.createElement('figure');
    this.element.className = 'line-chart';
    this.element.dataset.chart = name;
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    this.element.append(caption, this.svg, this.legend);
  }

  // data: one array of [x, y] points per series
  set(data) {
    const points = data.flat();
    this.svg.replaceChildren();
    this.element.dataset.points = String(points.length);
    if (points.length === 0) return;
    const pad = 6;
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1);
    const y0 = this.yMin ?? Math.min(...ys), y1 = this.yMax ?? Math.max(...ys, y0 + 1e-9);
    const sx = (x) => pad + ((x - x0) / (x1 - x0)) * (this.width - 2 * pad);
    const sy = (y) => this.height - pad - ((y - y0) / (y1 - y0 || 1)) * (this.height - 2 * pad);
    this.svg.append(svg('line', { x1: pad, y1: this.height - pad, x2: this.width - pad, y2: this.height - pad, class: 'axis' }));
    data.forEach((line, i) => {
      if (line.length === 0) return;
      const d = line.map(([x, y], k) => `${k ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('');
      this.svg.append(svg('path', { d, class: `series ${this.series[i].className}`, 'data-last': line.at(-1)[1] }));
    });
  }
}
