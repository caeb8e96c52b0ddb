// Step 8: soft attention passes a gradient to every score, query and key; hard attention (pick
// one token) passes none, so learning where to look stalls. Its sentences read the gradients;
// a run of descent draws both losses and both versions of A's own score over the steps.
import { h, num, replace, vector } from '../dom.js';
import { capital } from '../text.js';
import { FOCUS, learningArgs } from '../compute.js';
import { LineChart } from '../widgets/line-chart.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { problem } from './common.js';
import { list, t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const STEPS = 30;

const zero = (m) => m.every((row) => row.every((x) => x === 0));
const names = (t, rows) => t.filter((_, r) => rows[r].some((x) => x !== 0));

// What hard attention passes back, read from its gradients: which of the scores, the query and
// the keys got anything (none, normally, the picked token included) and which values did.
function hardSentence(tokens, hard) {
  const picked = tokens[hard.weights[0].indexOf(Math.max(...hard.weights[0]))];
  const silent = [[t('soft-hard.everyScore'), hard.grad.scores], [t('soft-hard.theQuery', { token: tokens[FOCUS] }), [hard.grad.queries[FOCUS]]],
    [t('soft-hard.everyKey'), hard.grad.keys]];
  const zeros = silent.filter(([, g]) => zero(g)).map(([name]) => name);
  const moved = silent.filter(([, g]) => !zero(g)).map(([name]) => name);
  const values = names(tokens, hard.grad.values);
  return [
    rich('soft-hard.picks', { token: picked }), ' ',
    zeros.length ? [rich('soft-hard.zeros', { items: capital(list(zeros)), count: zeros.length, token: picked }), ' '] : '',
    moved.length ? [rich('soft-hard.moved', { items: capital(list(moved)) }), ' '] : '',
    values.length ? rich('soft-hard.values', { tokens: list(values), count: values.length }) : rich('soft-hard.noValues'),
  ];
}

export default {
  name: 'soft-hard',
  title: 'soft-hard.title',   // catalogue key: the title an embed shows
  fields: [],
  create(ctx) {
    const tokens = ctx.tokens;
    const a = tokens[FOCUS];
    const side = (kind) => {
      const make = (name, caption, rows, label) => new MatrixEditor({ name: `${kind}-${name}`, rowLabels: rows, cols: 3, caption, cellLabel: label });
      const s = t(kind === 'soft' ? 'soft-hard.soft' : 'soft-hard.hard');
      const weights = make('weights', t('gradients.weights'), [a], (_, c) => t('soft-hard.weightCell', { side: s, token: tokens[c] }));
      const scores = make('score-grads', t('soft-hard.scoreGrads'), [a], (_, c) => t('soft-hard.scoreCell', { side: s, token: tokens[c] }));
      const query = make('query-grads', t('soft-hard.queryGrads', { token: a }), [a], (_, c) => t('soft-hard.queryCell', { side: s, token: a, entry: c + 1 }));
      const keys = make('key-grads', t('soft-hard.keyGrads'), tokens, (r, c) => t('soft-hard.keyCell', { side: s, token: tokens[r], entry: c + 1 }));
      const values = make('value-grads', t('soft-hard.valueGrads'), tokens, (r, c) => t('soft-hard.valueCell', { side: s, token: tokens[r], entry: c + 1 }));
      const element = h('div', { class: `side side-${kind}`, 'data-side': kind },
        h('h3', {}, t(kind === 'soft' ? 'soft-hard.softTitle' : 'soft-hard.hardTitle')),
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
      name: 'soft-hard-loss', title: t('soft-hard.lossChart', { steps: STEPS }),
      series: [{ name: t('soft-hard.soft'), className: 'series-soft' }, { name: t('soft-hard.hard'), className: 'series-hard' }],
    });
    const scoreChart = new LineChart({
      name: 'soft-hard-score', title: t('soft-hard.scoreChart', { token: a }),
      series: [{ name: t('soft-hard.soft'), className: 'series-soft' }, { name: t('soft-hard.hard'), className: 'series-hard' }],
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
      replace(verdict, rich(curves[1].at(-1)[1] === curves[1][0][1] ? 'soft-hard.verdictStuck' : 'soft-hard.verdict', {
        steps: STEPS, soft: num(curves[0].at(-1)[1], { 'data-final': 'soft' }), hard: num(curves[1].at(-1)[1], { 'data-final': 'hard' }),
      }), ' ', rich('soft-hard.verdictScores', {
        token: a,
        softStart: num(runs[0].scores[0][1], { 'data-score-start': 'soft' }), softEnd: num(runs[0].scores.at(-1)[1], { 'data-score-end': 'soft' }),
        hardStart: num(runs[1].scores[0][1], { 'data-score-start': 'hard' }), hardEnd: num(runs[1].scores.at(-1)[1], { 'data-score-end': 'hard' }),
      }));
    };
    const element = h('div', {},
      h('div', { class: 'sides' }, soft.element, hard.element), sliver,
      h('button', { type: 'button', 'data-control': 'descend', onclick: run }, t('soft-hard.run', { steps: STEPS })),
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
          h('p', { 'data-claim': 'sliver' }, results.soft.grad.keys[j].some((g) => g !== 0)
            ? rich('soft-hard.sliver', { token: tokens[j], weight: num(w[j]), focus: a, key: vector(results.soft.grad.keys[j]), value: vector(results.soft.grad.values[j]) })
            : rich('soft-hard.sliverGone', { token: tokens[j], weight: num(w[j]), focus: a, key: vector(results.soft.grad.keys[j]) })),
          h('p', { 'data-claim': 'hard-zero' }, hardSentence(tokens, results.hard)),
          results.scaled.error ? null : h('p', { 'data-claim': 'sqrt-d' }, rich('soft-hard.sqrtD', {
            d: results.keys[0].length, token: tokens[j], weight: num(results.scaled.weights[0][j]), key: vector(results.scaled.grad.keys[j]),
          })));
      },
    };
  },
};
