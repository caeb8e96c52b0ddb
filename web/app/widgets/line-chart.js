// A small SVG line chart for one or more series (loss curves, accuracy curves), with the ends of
// both axes numbered so a reader can tell what the lines measure, and a sentence that reads each
// line's ends and the reference levels out for screen readers.
import { fmt } from '../text.js';
import { svg } from './svg.js';
import { t } from '../i18n/core.js';

let charts = 0;

// "training batches: 4.2 at step 1, 1.3 at step 600. …": each named line's first and last point
// (its only point, once, when it has one).
function describe(data, names, levels, xLabel) {
  const at = ([x]) => `${xLabel} ${fmt(x)}`;
  const lines = data.map((line, i) => {
    if (!line.length || !names[i]) return '';
    // one point (an untrained model's first evaluation): said once
    if (line.length === 1) return t('widgets.chartPoint', { name: names[i], value: fmt(line[0][1], 3), at: at(line[0]) });
    return t('widgets.chartLine', { name: names[i], first: fmt(line[0][1], 3), firstAt: at(line[0]), last: fmt(line.at(-1)[1], 3), lastAt: at(line.at(-1)) });
  });
  const marks = levels.map(({ name, value }) => t('widgets.chartLevel', { name, value: fmt(value, 3) }));
  return [...lines, ...marks].filter(Boolean).join(' ') || t('widgets.noPoints');
}

export class LineChart {
  // series: [{ name, className }]
  // xLabel names the horizontal axis ("step").
  constructor({ name, title, series, width = 320, height = 140, yMin = null, yMax = null, xLabel = t('widgets.step') }) {
    this.xLabel = xLabel;
    this.series = series;
    this.width = width;
    this.height = height;
    this.yMin = yMin;
    this.yMax = yMax;
    this.text = document.createElement('p');
    this.text.className = 'visually-hidden';
    this.text.id = `chart-${name}-${++charts}`;
    this.text.dataset.chartText = '';
    this.svg = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, 'aria-describedby': this.text.id, class: 'line-chart-svg' });
    this.legend = document.createElement('p');
    this.legend.className = 'legend';
    this.legendItems = series.map((s) => {
      const item = document.createElement('span');
      item.className = `legend-item ${s.className}`;
      item.textContent = s.name;
      item.hidden = !s.name;
      this.legend.append(item);
      return item;
    });
    this.element = document.createElement('figure');
    this.element.className = 'line-chart';
    this.element.dataset.chart = name;
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    this.element.append(caption, this.svg, this.legend, this.text);
  }

  // A series' name in the legend; an empty name hides it (a series that is not there yet).
  name(index, text) {
    this.legendItems[index].textContent = text;
    this.legendItems[index].hidden = !text;
  }

  // data: one array of [x, y] points per series.
  // levels: [{ name, value, className }], horizontal reference lines (a baseline's loss), labelled.
  // marks: [{ name, x, className }], vertical lines at a step (a moment worth pointing at).
  set(data, { levels = [], marks = [] } = {}) {
    const points = data.flat();
    this.svg.replaceChildren();
    this.element.dataset.points = String(points.length);
    this.text.textContent = describe(data, this.legendItems.map((item) => item.textContent), levels, this.xLabel);
    if (points.length === 0) return;
    const pad = 6, left = 32, bottom = 14;   // room for the axes' numbers
    // A loop, not Math.min(...xs): a long run has more points than a call takes arguments.
    let x0 = Infinity, xTop = -Infinity, yLow = Infinity, yHigh = -Infinity;
    for (const [x, y] of points) {
      x0 = Math.min(x0, x);
      xTop = Math.max(xTop, x);
      yLow = Math.min(yLow, y);
      yHigh = Math.max(yHigh, y);
    }
    for (const { value } of levels) {
      yLow = Math.min(yLow, value);
      yHigh = Math.max(yHigh, value);
    }
    const x1 = Math.max(xTop, x0 + 1);
    const y0 = this.yMin ?? yLow, y1 = this.yMax ?? Math.max(yHigh, y0 + 1e-9);
    const sx = (x) => left + ((x - x0) / (x1 - x0)) * (this.width - left - pad);
    const sy = (y) => this.height - bottom - ((y - y0) / (y1 - y0 || 1)) * (this.height - bottom - pad);
    const base = this.height - bottom;
    this.svg.append(svg('line', { x1: left, y1: base, x2: this.width - pad, y2: base, class: 'axis' }));
    this.svg.append(svg('line', { x1: left, y1: pad, x2: left, y2: base, class: 'axis' }));
    const tick = (x, y, text, anchor, axis) => this.svg.append(svg('text', { x, y, class: 'tick', 'text-anchor': anchor, 'data-axis': axis }, text));
    tick(left - 3, sy(y1) + 3, fmt(y1, 3), 'end', 'y-top');
    tick(left - 3, sy(y0) + 3, fmt(y0, 3), 'end', 'y-bottom');
    tick(left, this.height - 3, fmt(x0), 'start', 'x-start');
    tick(this.width - pad, this.height - 3, fmt(x1), 'end', 'x-end');
    tick((left + this.width - pad) / 2, this.height - 3, this.xLabel, 'middle', 'x-label');
    data.forEach((line, i) => {
      if (line.length === 0) return;
      // More points than two per unit of width cannot be seen: draw every stride-th (and the last),
      // so a long run's redraw stays short on the page's thread.
      const stride = Math.ceil(line.length / (2 * this.width));
      const shown = stride > 1 ? line.filter((_, k) => k % stride === 0 || k === line.length - 1) : line;
      const d = shown.map(([x, y], k) => `${k ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('');
      this.svg.append(svg('path', { d, class: `series ${this.series[i].className}`, 'data-series': i, 'data-points': line.length, 'data-last': line.at(-1)[1] }));
    });
    for (const { name, value, className } of levels) {
      const y = sy(value).toFixed(1);
      this.svg.append(svg('line', { x1: left, y1: y, x2: this.width - pad, y2: y, class: `level ${className}`, 'data-level': name, 'data-value': value }));
      const label = svg('text', { x: this.width - pad - 2, y: Number(y) - 2, class: `level-label ${className}`, 'text-anchor': 'end' });
      label.textContent = name;
      this.svg.append(label);
    }
    for (const { name, x, className } of marks) {
      const at = sx(x).toFixed(1);
      this.svg.append(svg('line', { x1: at, y1: pad, x2: at, y2: base, class: `mark ${className}`, 'data-mark': name, 'data-x': x }));
    }
  }
}
