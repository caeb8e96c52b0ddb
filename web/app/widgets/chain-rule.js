// Where a gradient comes from, written out: for each entry, every chain-rule path as
// "upstream gradient × local derivative = product", their sum beside the engine's gradient,
// and the nudge check when there is one. Draws what provenance.js returns.
import { h, num, replace } from '../dom.js';
import { rich } from '../i18n/render.js';

export class ChainRule {
  constructor({ name }) {
    this.element = h('div', { class: 'chain-rule', 'data-chain-rule': name, role: 'status', 'aria-live': 'polite' });
  }

  // entries: [{ name, engineGrad, paths: [{ upstream: [name, g], local: [name, x], product }], total, nudge? }]
  set(entries, title) {
    replace(this.element, h('p', { class: 'chain-title' }, title),
      entries.map((e, k) => h('div', { class: 'chain-entry', 'data-entry': k },
        h('p', {}, rich('chain.paths', { name: e.name, count: e.paths.length })),
        h('ul', {}, e.paths.map((p) => h('li', {},
          p.upstream[0], ' ', num(p.upstream[1]), ' × ', p.local[0], ' ', num(p.local[1]), ' = ', num(p.product, { 'data-path': '' })))),
        h('p', {}, rich('chain.sum', { total: num(e.total, { 'data-total': '' }), engine: num(e.engineGrad, { 'data-engine-grad': '' }) }),
          e.nudge === undefined || e.nudge === null ? ''
            : rich('chain.nudge', { nudge: num(e.nudge, { 'data-nudge': '' }) })))));
  }

  clear(message) {
    replace(this.element, message ? h('p', { class: 'note' }, message) : null);
  }
}
