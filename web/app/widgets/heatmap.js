// A weight matrix as a grid of shaded cells, rows = queries, columns = keys; the number is
// printed in each cell. Masked cells (exactly 0 under a causal mask) are hatched. The arrow keys
// move between the cells (one Tab stop, widgets/grid-keys.js), and a sentence per row reads the
// weights out for screen readers ("A attends 94% to C, 5% to B, 2% to A").
import { h, replace } from '../dom.js';
import { fmt, percentText } from '../text.js';
import { GridKeys } from './grid-keys.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const NAMED = 3;   // a row's sentence names its largest weights, this many at most
let ids = 0;

// One row's weights in words, largest first; masked cells are left out. As text, or, with the
// labels in another language than the page's (a sentence's English words), as nodes: word(label)
// marks a label, fill and join build the sentence (i18n rich, and a join of nodes).
export function attendsSentence(label, row, colLabels, masked = () => false, { word = (x) => x, fill = t, join = (xs) => xs.join(', ') } = {}) {
  const shown = row.map((w, c) => ({ w, c })).filter(({ c }) => !masked(c)).sort((a, b) => b.w - a.w);
  const named = shown.slice(0, NAMED).map(({ w, c }) => fill('widgets.attendsTo', { share: percentText(w), token: word(colLabels[c]) }));
  const rest = shown.length - named.length;
  return rest ? fill('widgets.attendsMore', { token: word(label), named: join(named), count: rest }) : fill('widgets.attends', { token: word(label), named: join(named) });
}

// Labels a sentence can tell apart: a word that appears twice is named with its place ("the (word 1)").
export function distinct(labels) {
  return labels.map((l, i) => (labels.indexOf(l) === labels.lastIndexOf(l) ? l : t('widgets.wordAt', { word: l, place: i + 1 })));
}

export class Heatmap {
  // digits: decimals shown in a cell (the exact value stays in data-value); labelLang: the
  // language of the labels when they are data in another language than the page's (lang="en")
  constructor({ name, title = '', digits = 4, labelLang = null }) {
    this.digits = digits;
    this.labelLang = labelLang;
    this.keys = new GridKeys();
    this.shape = '';
    const id = `heatmap-${++ids}`;
    this.text = h('p', { class: 'visually-hidden', id: `${id}-text`, 'data-heatmap-text': '' });
    this.grid = h('div', { class: 'heatmap-grid', role: 'grid', 'aria-labelledby': title ? `${id}-title` : null, 'aria-describedby': this.text.id });
    this.element = h('figure', { class: 'heatmap', 'data-heatmap': name }, title ? h('figcaption', { id: `${id}-title` }, title) : null, this.grid, this.text);
  }

  // weights: number[][]; rowLabels/colLabels: string[]; masked(r, c) -> bool; unknown: bool[],
  // the words not in the vocabulary. The cells are kept while the labels stay the same, so the
  // focus stays where the reader left it while the numbers change (a training run).
  set(weights, { rowLabels, colLabels, masked = () => false, unknown = [] }) {
    const cols = colLabels.length;
    const shape = JSON.stringify([rowLabels, colLabels, unknown]);
    if (shape !== this.shape) this.#build(rowLabels, colLabels, unknown);
    this.shape = shape;
    weights.forEach((row, r) => row.forEach((w, c) => {
      const cell = this.cells[r][c];
      const off = masked(r, c);
      cell.className = `heat ${off ? 'masked' : ''}`;
      cell.style.setProperty('--a', Math.max(0, Math.min(1, w)).toFixed(3));
      const number = cell.firstChild;
      number.className = `num ${cols <= 8 ? '' : 'visually-hidden'}`;
      number.dataset.value = String(w);
      number.textContent = fmt(w, this.digits);
      cell.lastChild.textContent = off ? ` (${t('widgets.masked')})` : '';
    }));
    const [rowNames, colNames] = [distinct(rowLabels), distinct(colLabels)];
    const marked = this.labelLang && {
      word: (text) => h('span', { lang: this.labelLang }, text), fill: rich,
      join: (nodes) => h('span', {}, nodes.map((n, i) => [i ? ', ' : '', n])),
    };
    replace(this.text, weights.map((row, r) => [r ? ' ' : '', attendsSentence(rowNames[r], row, colNames, (c) => masked(r, c), marked || undefined)]));
  }

  #build(rowLabels, colLabels, unknown) {
    this.grid.style.setProperty('--cols', colLabels.length);
    const label = (kind, text, i) => h('span', { class: `${kind} ${unknown[i] ? 'unknown' : ''}`, role: kind === 'col-label' ? 'columnheader' : 'rowheader',
      title: unknown[i] ? t('widgets.unknownWord') : null }, this.labelLang ? h('span', { lang: this.labelLang }, text) : text);
    this.cells = rowLabels.map((_, r) => colLabels.map((__, c) => {
      const cell = h('span', { role: 'gridcell', onkeydown: (e) => this.keys.key(e, r, c), onfocus: () => this.keys.visit(r, c) },
        h('span', { class: 'num' }), h('span', { class: 'visually-hidden' }));
      return cell;
    }));
    replace(this.grid,
      h('div', { class: 'heat-row', role: 'row' }, h('span', { class: 'corner', role: 'columnheader' }, h('span', { class: 'visually-hidden' }, t('widgets.rowAttendsColumn'))), colLabels.map((text, c) => label('col-label', text, c))),
      rowLabels.map((text, r) => h('div', { class: 'heat-row', role: 'row' }, label('row-label', text, r), this.cells[r])));
    this.keys.use(this.cells);
  }
}
