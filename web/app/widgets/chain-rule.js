// Where a gradient comes from, written out: for each entry, every chain-rule path as
// "upstream gradient × local derivative = product", their sum beside the engine's gradient,
// and the nudge check when there is one. Draws what provenance.js returns.
import { h, num, replace, setNum } from '../dom.js';
import { rich } from '../i18n/render.js';

export class ChainRule {
  constructor({ name }) {
    this.element = h('div', { class: 'chain-rule', 'data-chain-rule': name, role: 'status', 'aria-live': 'polite' });
    this.shape = null;     // what set() last drew, but its numbers
    this.numbers = [];     // its number elements, in the order set() makes them
  }

  // entries: [{ name, engineGrad, paths: [{ upstream: [name, g], local: [name, x], product }], total, nudge? }]
  // An edit that changes only the numbers (the same node, paths and words) updates them in place:
  // the sentences are not built again, so an edit on step 7 does not restyle the whole view.
  set(entries, title) {
    const hasNudge = (e) => e.nudge !== undefined && e.nudge !== null;
    const values = entries.flatMap((e) => [...e.paths.flatMap((p) => [p.upstream[1], p.local[1], p.product]), e.total, e.engineGrad, ...(hasNudge(e) ? [e.nudge] : [])]);
    const shape = JSON.stringify([title, entries.map((e) => [e.name, e.paths.map((p) => [p.upstream[0], p.local[0]]), hasNudge(e)])]);
    if (shape === this.shape) {
      this.numbers.forEach((span, i) => setNum(span, values[i]));
      return;
    }
    this.shape = shape;
    this.numbers = [];
    const n = (x, attrs) => {
      const span = num(x, attrs);
      this.numbers.push(span);
      return span;
    };
    replace(this.element, h('p', { class: 'chain-title' }, title),
      entries.map((e, k) => h('div', { class: 'chain-entry', 'data-entry': k },
        h('p', {}, rich('chain.paths', { name: e.name, count: e.paths.length })),
        h('ul', {}, e.paths.map((p) => h('li', {},
          p.upstream[0], ' ', n(p.upstream[1]), ' × ', p.local[0], ' ', n(p.local[1]), ' = ', n(p.product, { 'data-path': '' })))),
        h('p', {}, rich('chain.sum', { total: n(e.total, { 'data-total': '' }), engine: n(e.engineGrad, { 'data-engine-grad': '' }) }),
          hasNudge(e) ? rich('chain.nudge', { nudge: n(e.nudge, { 'data-nudge': '' }) }) : ''))));
  }

  clear(message) {
    this.shape = null;
    replace(this.element, message ? h('p', { class: 'note' }, message) : null);
  }
}
