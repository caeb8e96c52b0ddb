// Step 6 of the walkthrough, seen in learning: soft attention passes a gradient to every score,
// query and key; hard attention (pick one token) passes none, so learning where to look stalls.
import { h, num, replace } from '../dom.js';
import { FOCUS, learningArgs } from '../compute.js';
import { LineChart } from '../widgets/line-chart.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { problem } from './common.js';

const STEPS = 30;

export default {
  name: 'soft-hard',
  title: 'Soft vs hard attention',
  fields: [],
  create(ctx) {
    const t = ctx.tokens;
    const side = (kind) => {
      const make = (name, caption, rows, label) => new MatrixEditor({ name: `${kind}-${name}`, rowLabels: rows, cols: 3, caption, cellLabel: label });
      const weights = make('weights', 'weights', [t[FOCUS]], (_, c) => `${kind} weight on ${t[c]}`);
      const scores = make('score-grads', '∂L/∂scores', [t[FOCUS]], (_, c) => `${kind} gradient of the score for ${t[c]}`);
      const query = make('query-grads', `∂L/∂(${t[FOCUS]}'s query)`, [t[FOCUS]], (_, c) => `${kind} gradient of ${t[FOCUS]}'s query, entry ${c + 1}`);
      const keys = make('key-grads', '∂L/∂keys', t, (r, c) => `${kind} gradient of ${t[r]}'s key, entry ${c + 1}`);
      const values = make('value-grads', '∂L/∂values', t, (r, c) => `${kind} gradient of ${t[r]}'s value, entry ${c + 1}`);
      const element = h('div', { class: `side side-${kind}`, 'data-side': kind },
        h('h4', {}, kind === 'soft' ? 'Soft (softmax)' : 'Hard (pick the top score)'),
        [weights, scores, query, keys, values].map((m) => m.element));
      return {
        element,
        set(r) {
          weights.set(r.weights);
          scores.set(r.grad.scores);
          query.set([r.grad.queries[FOCUS]]);
          keys.set(r.grad.keys);
          values.set(r.grad.values);
        },
      };
    };
    const soft = side('soft'), hard = side('hard');
    const sliver = h('p', { class: 'sliver', role: 'status' });
    const chart = new LineChart({
      name: 'soft-hard-loss', title: `loss while learning only Wq and Wk (where to look), ${STEPS} steps`,
      series: [{ name: 'soft', className: 'series-soft' }, { name: 'hard', className: 'series-hard' }],
    });
    chart.element.hidden = true;
    const verdict = h('p', { class: 'note', role: 'status' });
    const run = () => {
      const state = ctx.state();
      const curves = ['softmax', 'hard'].map((normalize) => {
        let s = state;
        const losses = [[0, ctx.engine.selfAttention(learningArgs(s, normalize)).loss]];
        for (let i = 1; i <= STEPS; i++) {
          const next = ctx.engine.descend({ ...learningArgs(s, normalize), learn: ['wq', 'wk'], learningRate: state.learningRate });
          s = { ...s, wq: next.wq, wk: next.wk };
          losses.push([i, ctx.engine.selfAttention(learningArgs(s, normalize)).loss]);
        }
        return losses;
      });
      chart.element.hidden = false;
      chart.set(curves);
      replace(verdict, 'After ', STEPS, ' steps the soft loss is ', num(curves[0].at(-1)[1], { 'data-final': 'soft' }),
        ' and the hard loss is ', num(curves[1].at(-1)[1], { 'data-final': 'hard' }),
        curves[1].at(-1)[1] === curves[1][0][1] ? ': hard attention never moved, because no gradient reached Wq or Wk.' : '.');
    };
    const element = h('div', {},
      h('div', { class: 'sides' }, soft.element, hard.element), sliver,
      h('button', { type: 'button', 'data-control': 'descend', onclick: run }, `Learn where to look: ${STEPS} steps on Wq and Wk, both ways`),
      chart.element, verdict);
    return {
      element,
      render(state, results) {
        if (results.soft.error || results.hard.error) {
          replace(sliver, problem(results.soft.error ?? results.hard.error));
          return;
        }
        soft.set(results.soft);
        hard.set(results.hard);
        const w = results.soft.weights[0];
        const j = w.indexOf(Math.min(...w));
        replace(sliver, `With softmax, ${t[j]} gets only `, num(w[j]), ` of ${t[FOCUS]}’s attention, yet its key still gets a gradient (`,
          num(results.soft.grad.keys[j][0]), ', …) and so does its value (', num(results.soft.grad.values[j][0]), ', …). Under hard attention both are exactly 0 for every token but the one picked.');
      },
    };
  },
};
