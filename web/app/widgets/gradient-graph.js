// The computation graph of one query (A's) drawn left to right: its query and every key give
// the scores, the scores the weights, the weights and the values the output, the output the
// loss. Each node shows its number and the gradient the backward pass (right to left) gave it.
import { h, replace, setText } from '../dom.js';
import { fmt, vectorText } from '../text.js';
import { svg, textTable } from './svg.js';
import { whenSeen } from './when-seen.js';
import { t } from '../i18n/core.js';

const NODE_W = 166, NODE_H = 50, COL = 186, ROW = 68, TOP = 26;

const text = (x) => (Array.isArray(x) ? vectorText(x, 2) : fmt(x, 3));
const sign = (g) => (Array.isArray(g) ? g.some((v) => v !== 0) : g !== 0);

export class GradientGraph {
  // onSelect(id): a node was clicked or focused (to show where its gradient comes from)
  constructor({ name, title, onSelect = null }) {
    this.title = title;
    this.onSelect = onSelect;
    this.selected = null;
    this.shape = null;   // what #draw last drew, but its numbers
    this.numbers = [];   // per node: its value and gradient texts in the picture and in the table
    this.body = h('div', { class: 'figure-body graph-scroll' });
    // on a phone the graph keeps a readable size and scrolls: the hint (styles.css) says so there
    this.element = h('figure', { class: 'figure gradient-graph', 'data-figure': name }, h('figcaption', {}, title),
      h('p', { class: 'note scroll-hint' }, t('gradients.scrollHint')), this.body);
  }

  // nodes: [{ id, label, col, row, value, grad, className }]; edges: [[from id, to id]]
  set(nodes, edges) {
    whenSeen(this.element, () => this.#draw(nodes, edges));
  }

  // An edit that changes only the numbers (the same nodes and edges) updates them in place, so
  // the picture is not built and laid out again (and a focused node keeps the focus).
  #draw(nodes, edges) {
    const shape = JSON.stringify([nodes.map((n) => [n.id, n.label, n.col, n.row, n.className]), edges]);
    if (shape === this.shape) {
      nodes.forEach((n, i) => this.#update(this.numbers[i], n));
      return;
    }
    this.shape = shape;
    this.numbers = [];
    const rows = Math.max(...nodes.map((n) => n.row)) + 1;
    const cols = Math.max(...nodes.map((n) => n.col)) + 1;
    const at = Object.fromEntries(nodes.map((n) => [n.id, { x: n.col * COL, y: TOP + n.row * ROW }]));
    const picture = svg('svg', { viewBox: `0 0 ${(cols - 1) * COL + NODE_W + 2} ${TOP + rows * ROW}`, width: (cols - 1) * COL + NODE_W + 2, class: 'figure-svg graph-svg',
      // with nodes to focus the picture is a group of buttons; without, the table speaks for it
      role: this.onSelect ? 'group' : null, 'aria-label': this.onSelect ? this.title : null, 'aria-hidden': this.onSelect ? null : 'true' });
    picture.append(svg('text', { x: 0, y: 14, class: 'col-title start' }, t('widgets.forward')));
    picture.append(svg('text', { x: (cols - 1) * COL + NODE_W, y: 14, class: 'col-title end backward' }, t('widgets.backward')));
    for (const [from, to] of edges) {
      const a = at[from], b = at[to];
      const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x, b.y + NODE_H / 2];
      picture.append(svg('line', { x1, y1, x2, y2, class: 'edge', 'data-edge': `${from}>${to}` }));
      // the gradient travels back along the edge: an arrowhead pointing left at its middle
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, angle = (Math.atan2(y1 - y2, x1 - x2) * 180) / Math.PI;
      picture.append(svg('path', { d: 'M4,-3.5L-3,0L4,3.5Z', transform: `translate(${mx.toFixed(1)},${my.toFixed(1)}) rotate(${(angle + 180).toFixed(1)})`, class: 'edge-arrow' }));
    }
    for (const n of nodes) {
      const { x, y } = at[n.id];
      const g = svg('g', {
        class: `node ${n.className ?? ''} ${n.id === this.selected ? 'selected' : ''}`, 'data-node': n.id,
        tabindex: this.onSelect ? 0 : null, role: this.onSelect ? 'button' : null, 'aria-description': this.onSelect ? t('widgets.graphNode') : null,
      });
      if (this.onSelect) {
        const pick = () => {
          if (this.selected === n.id) return;
          this.selected = n.id;
          for (const other of picture.querySelectorAll('.node.selected')) other.classList.remove('selected');
          g.classList.add('selected');
          this.onSelect(n.id);
        };
        g.addEventListener('click', pick);
        g.addEventListener('focus', pick);
      }
      g.append(svg('rect', { x, y, width: NODE_W, height: NODE_H, rx: 6 }));
      g.append(svg('text', { x: x + 6, y: y + 13, class: 'node-label' }, n.label));
      const value = svg('text', { x: x + 6, y: y + 28, class: 'node-value' });
      const grad = svg('text', { x: x + 6, y: y + 43, class: 'node-grad' });
      g.append(value, grad);
      picture.append(g);
      this.numbers.push({ value, grad });
    }
    const table = textTable(this.title, [t('widgets.number'), t('widgets.value'), t('widgets.gradientOf')], nodes.map((n) => [n.label, '', '']));
    [...table.tBodies[0].rows].forEach((row, i) => Object.assign(this.numbers[i], { valueCell: row.cells[1], gradCell: row.cells[2] }));
    nodes.forEach((n, i) => this.#update(this.numbers[i], n));
    replace(this.body, picture, table);
  }

  #update({ value, grad, valueCell, gradCell }, n) {
    value.dataset.value = JSON.stringify(n.value);
    setText(value, text(n.value));
    grad.dataset.grad = JSON.stringify(n.grad);
    setText(grad, `∂L ${text(n.grad)}`);
    grad.classList.toggle('zero', !sign(n.grad));
    setText(valueCell, text(n.value));
    setText(gradCell, text(n.grad));
  }
}
