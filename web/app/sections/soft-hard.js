// Step 8: soft attention passes a gradient to every score, query and key; hard attention (pick
// one token) passes none, so learning where to look stalls. Its sentences read the gradients;
// a run of descent draws both losses and both versions of A's own score over the steps.
import { capital, h, num, replace, vector } from '../dom.js';
import { FOCUS, learningArgs } from '../compute.js';
import { LineChart } from '../widgets/line-chart.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { problem } from './common.js';

const STEPS = 30;

const zero = (m) => m.every((row) => row.every((x) => x === 0));
const names = (t, rows) => t.filter((_, r) => rows[r].some((x) => x !== 0));
const inWords = (xs) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

// What hard attention passes back, read from its gradients: which of the scores, the query and
// the keys got anything (none, normally, the picked token included) and which values did.
function hardSentence(t, hard) {
  const picked = t[hard.weights[0].indexOf(Math.max(...hard.weights[0]))];
  const silent = [['every score', hard.grad.scores], [`${t[FOCUS]}’s query`, [hard.grad.queries[FOCUS]]], ['every key', hard.grad.keys]];
  const zeros = silent.filter(([, g]) => zero(g)).map(([name]) => name);
  const moved = silent.filter(([, g]) => !zero(g)).map(([name]) => name);
  const values = names(t, hard.grad.values);
  return [
    `Hard attention picks ${picked}. `,
    zeros.length ? `${capital(inWords(zeros))} get${zeros.length === 1 ? 's' : ''} exactly 0 gradient, ${picked}’s key included: a small nudge does not change which score is on top, so nothing passes back through the choice. ` : '',
    moved.length ? `(${capital(inWords(moved))} did get a gradient.) ` : '',
    values.length ? `Only ${inWords(values.map((n) => `${n}’s`))} value${values.length === 1 ? ' gets' : 's get'} a gradient, because ${values.length === 1 ? 'it is' : 'they are'} added into the output.`
      : 'No value gets a gradient either: the output already equals the target.',
  ];
}

export default {
  name: 'soft-hard',
  title: 'soft-hard.title',   // catalogue key: the title an embed shows
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
        h('h3', {}, kind === 'soft' ? 'Soft (softmax)' : 'Hard (pick the top score)'),
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
    const sliver = h('div', { class: 'sliver', role: 'status' });
    const chart = new LineChart({
      name: 'soft-hard-loss', title: `loss while learning only Wq and Wk (where to look), ${STEPS} steps`,
      series: [{ name: 'soft', className: 'series-soft' }, { name: 'hard', className: 'series-hard' }],
    });
    const scoreChart = new LineChart({
      name: 'soft-hard-score', title: `${t[FOCUS]}’s score for itself over the same steps`,
      series: [{ name: 'soft', className: 'series-soft' }, { name: 'hard', className: 'series-hard' }],
    });
    const charts = h('div', { class: 'row-of-matrices' }, chart.element, scoreChart.element);
    charts.hidden = true;
    const verdict = h('p', { class: 'note', role: 'status' });
    // the numbers the chart was learned from: once the reader changes them, it is put away
    const learnedFrom = (state) => JSON.stringify([learningArgs(state, ctx.tokens), state.learningRate]);
    let shownFor = null;
    const run = () => {
      const state = ctx.state();
      shownFor = learnedFrom(state);
      const runs = ['softmax', 'hard'].map((normalize) => {
        let s = state;
        const losses = [], scores = [];
        for (let i = 0; i <= STEPS; i++) {
          if (i > 0) {
            const next = ctx.engine.descend({ ...learningArgs(s, ctx.tokens, normalize), learn: ['wq', 'wk'], learningRate: state.learningRate });
            s = { ...s, wq: next.wq, wk: next.wk };
          }
          const r = ctx.engine.selfAttention(learningArgs(s, ctx.tokens, normalize));
          losses.push([i, r.loss]);
          scores.push([i, r.scores[0][FOCUS]]);
        }
        return { losses, scores };
      });
      const curves = runs.map((r) => r.losses);
      charts.hidden = false;
      chart.set(curves);
      scoreChart.set(runs.map((r) => r.scores));
      replace(verdict, 'After ', STEPS, ' steps the soft loss is ', num(curves[0].at(-1)[1], { 'data-final': 'soft' }),
        ' and the hard loss is ', num(curves[1].at(-1)[1], { 'data-final': 'hard' }),
        curves[1].at(-1)[1] === curves[1][0][1] ? ': hard attention never moved, because no gradient reached Wq or Wk.' : '.',
        ` ${t[FOCUS]}’s score for itself went from `, num(runs[0].scores[0][1], { 'data-score-start': 'soft' }), ' to ', num(runs[0].scores.at(-1)[1], { 'data-score-end': 'soft' }),
        ' with softmax, and from ', num(runs[1].scores[0][1], { 'data-score-start': 'hard' }), ' to ', num(runs[1].scores.at(-1)[1], { 'data-score-end': 'hard' }), ' with hard attention.');
    };
    const element = h('div', {},
      h('div', { class: 'sides' }, soft.element, hard.element), sliver,
      h('button', { type: 'button', 'data-control': 'descend', onclick: run }, `Learn where to look: ${STEPS} gradient-descent steps on Wq and Wk, once with softmax and once with hard attention`),
      charts, verdict);
    return {
      element,
      render(state, results) {
        if (shownFor !== learnedFrom(state)) {
          charts.hidden = true;
          replace(verdict);
        }
        const error = results.soft.error ?? results.hard.error;
        soft.element.hidden = hard.element.hidden = Boolean(error);
        if (error) {
          replace(sliver, problem(error));
          return;
        }
        soft.set(results.soft);
        hard.set(results.hard);
        const w = results.soft.weights[0];
        const j = w.indexOf(Math.min(...w));
        replace(sliver,
          h('p', { 'data-claim': 'sliver' }, `With softmax, ${t[j]} gets only `, num(w[j]), ` of ${t[FOCUS]}’s attention, `,
            results.soft.grad.keys[j].some((g) => g !== 0)
              ? ['yet its key still gets a gradient ', vector(results.soft.grad.keys[j]), ' and so does its value ', vector(results.soft.grad.values[j]), '.']
              : ['and its key’s gradient ', vector(results.soft.grad.keys[j]),
                ' is 0: the sliver has grown too thin for the computer to tell apart from nothing, and learning where to look stalls here too.']),
          h('p', { 'data-claim': 'hard-zero' }, hardSentence(t, results.hard)),
          results.scaled.error ? null : h('p', { 'data-claim': 'sqrt-d' },
            'Large scores shrink the sliver: the bigger the dot products, the more softmax hands everything to the top score, and the ',
            `sliver’s gradient fades towards 0. That is why real models divide the scores by √d (d = ${results.keys[0].length}, the length of a key): `,
            `doing so here gives ${t[j]} `, num(results.scaled.weights[0][j]), ' of the attention and its key the gradient ',
            vector(results.scaled.grad.keys[j]), '.'));
      },
    };
  },
};
