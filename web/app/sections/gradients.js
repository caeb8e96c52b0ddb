// Step 7: learning from a target. The reader sets what A's output should have been; the loss
// and the gradient of every number appear beside it; the counterfactual question is answered
// from the gradients; a nudge checks a gradient against a measured change; a step descends.
// A figure draws A's computation graph with every number's gradient.
import { h, num, replace, setText } from '../dom.js';
import { fmt } from '../text.js';
import { FOCUS, combine, learningArgs, reason } from '../compute.js';
import { tex } from '../math.js';
import { FieldInput } from '../widgets/field-input.js';
import { ChainRule } from '../widgets/chain-rule.js';
import { GradientGraph } from '../widgets/gradient-graph.js';
import { whenSeen } from '../widgets/when-seen.js';
import { provenance } from '../provenance.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { CELL_KEY, VectorsEditor, WEIGHT, problem, replaceCell, resetButton, usingInstead } from './common.js';
import { gradientStory } from './gradient-story.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const KINDS = ['q', 'k', 'v'];

export default {
  name: 'gradients',
  title: 'gradients.title',   // catalogue key: the title an embed shows
  fields: ['target', 'learningRate', 'learn', 'epsilon', 'wq', 'wk', 'wv'],
  create(ctx) {
    const tokens = ctx.tokens;
    const a = tokens[FOCUS];
    const target = new MatrixEditor({
      name: 'target', kind: 'out', rowLabels: [a], cols: 3, caption: t('gradients.target', { token: a }),
      cellLabel: (_, c) => t('gradients.targetCell', { token: a, entry: c + 1 }),
      onEdit: (_, c, x) => ctx.update({ target: replaceCell(ctx.state().target, 0, c, x) }),
    });
    const output = new MatrixEditor({ name: 'output', kind: 'out', rowLabels: [a], cols: 3, caption: t('gradients.outputCaption', { token: a }), cellLabel: (_, c) => t('gradients.outputCell', { token: a, entry: c + 1 }) });
    const scores = new MatrixEditor({ name: 'scores', rowLabels: [a], cols: 3, caption: t('scores.scores'), cellLabel: (_, c) => t('gradients.scoreCell', { token: a, other: tokens[c] }) });
    const weights = new MatrixEditor({ name: 'weights', rowLabels: [a], cols: 3, caption: t('gradients.weights'), cellLabel: (_, c) => t('gradients.weightCell', { token: a, other: tokens[c] }) });
    const query = new VectorsEditor(ctx, 'q', { rows: [FOCUS], caption: t('projections.queryOf', { token: a }) });
    const keys = new VectorsEditor(ctx, 'k', { caption: t('widgets.keys') });
    const values = new VectorsEditor(ctx, 'v', { caption: t('widgets.values') });
    const matrices = KINDS.map((kind) => new MatrixEditor({
      name: `grad-${WEIGHT[kind]}`, kind, rowLabels: ['1', '2', '3'], cols: 3, caption: `W${kind}`,
      cellLabel: (r, c) => t('widgets.matrixCell', { matrix: `W${kind}`, row: r + 1, column: c + 1 }),
    }));
    const loss = h('p', { class: 'loss' });
    // the node whose gradient is written out (null: none chosen yet), and the numbers it is read from
    let chosen = null, lastL = null;
    const chain = new ChainRule({ name: 'graph' });
    const explain = () => whenSeen(chain.element, () => {
      if (!chosen || !lastL) chain.clear(t('gradients.chainEmpty'));
      else chain.set(provenance(ctx.engine, ctx.state(), lastL, tokens, FOCUS, chosen), t('gradients.chainTitle', { number: labels[chosen] }));
    });
    const labels = {};   // node id -> its name, as the graph shows it
    const graph = new GradientGraph({
      name: 'graph', title: t('gradients.graphFigure', { token: a }),
      onSelect: (id) => { chosen = id; explain(); },
    });
    // A's graph: row j holds token j's key, score, weight and value; the query feeds every score
    const drawGraph = (L) => {
      const n = tokens.length, mid = Math.floor(n / 2) + 1;
      const nodes = [
        { id: 'q', label: t('projections.queryOf', { token: a }), col: 0, row: 0, value: L.queries[FOCUS], grad: L.grad.queries[FOCUS], className: 'node-q' },
        ...tokens.flatMap((name, j) => [
          { id: `k${j}`, label: t('projections.keyOf', { token: name }), col: 0, row: j + 1, value: L.keys[j], grad: L.grad.keys[j], className: 'node-k' },
          { id: `s${j}`, label: t('gradients.scoreNode', { pair: `${a}·${name}` }), col: 1, row: j + 1, value: L.scores[0][j], grad: L.grad.scores[0][j], className: `token-${j}` },
          { id: `w${j}`, label: t('gradients.weightNode', { token: name }), col: 2, row: j + 1, value: L.weights[0][j], grad: L.grad.weights[0][j], className: `token-${j}` },
          { id: `v${j}`, label: t('projections.valueOf', { token: name }), col: 3, row: j + 1, value: L.values[j], grad: L.grad.values[j], className: 'node-v' },
        ]),
        { id: 'out', label: t('gradients.output', { token: a }), col: 4, row: mid, value: L.output[0], grad: L.grad.output[0] },
        { id: 'loss', label: t('gradients.lossNode'), col: 5, row: mid, value: L.loss, grad: 1, className: 'node-loss' },
      ];
      const edges = [
        ...tokens.flatMap((_, j) => [['q', `s${j}`], [`k${j}`, `s${j}`], ...tokens.map((__, i) => [`s${j}`, `w${i}`]), [`w${j}`, 'out'], [`v${j}`, 'out']]),
        ['out', 'loss'],
      ];
      for (const node of nodes) labels[node.id] = node.label;
      graph.set(nodes, edges);
    };
    const instead = h('p', { class: 'note', 'data-claim': 'instead' });
    const counterfactual = h('div', { class: 'counterfactual', role: 'status', 'aria-live': 'polite' });

    // Nudge: change one number by epsilon, compare the measured loss change with the prediction.
    const choices = h('select', { 'aria-label': t('gradients.nudgeWhich') });
    for (const kind of KINDS) {
      for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) choices.append(h('option', { value: `${kind},${r},${c}`, 'data-kind': kind }));
    }
    const epsilon = new FieldInput({ field: 'epsilon', label: t('gradients.epsilon'), attrs: { size: '8' }, onValue: (x) => ctx.update({ epsilon: x }) });
    const nudgeResult = h('p', { class: 'nudge-result', role: 'status', 'aria-live': 'polite' });
    const nudge = () => {
      const state = ctx.state();
      const [kind, r, c] = choices.value.split(',');
      const w = WEIGHT[kind];
      const next = { [w]: replaceCell(state[w], Number(r), Number(c), state[w][r][c] + state.epsilon) };
      let before, after;
      try {
        before = ctx.engine.selfAttention(learningArgs(state, ctx.tokens));
        after = ctx.engine.selfAttention(learningArgs({ ...state, ...next }, ctx.tokens));
      } catch (error) {
        replace(nudgeResult, problem(t('gradients.noNudge', { reason: reason(error) })));
        return;
      }
      const measured = combine(ctx.engine, [1, -1], [after.loss, before.loss]);
      const predicted = combine(ctx.engine, [state.epsilon], [before.grad[w][r][c]]);
      const refused = ctx.update(next);
      if (refused) {
        replace(nudgeResult, problem(t('gradients.notNudged', { reason: refused })));
        return;
      }
      replace(nudgeResult, rich('gradients.nudged', { number: choices.selectedOptions[0].textContent, epsilon: fmt(state.epsilon),
        measured: num(measured, { 'data-measured': '' }), predicted: num(predicted, { 'data-predicted': '' }) }));
    };

    // Step: one gradient-descent step on the chosen matrices, through the engine's optimiser.
    const history = h('ol', { class: 'loss-history', 'aria-label': t('gradients.history') });
    const rate = new FieldInput({ field: 'learningRate', label: t('gradients.rate'), attrs: { size: '6' }, onValue: (x) => ctx.update({ learningRate: x }) });
    const learnBoxes = KINDS.map((kind) => h('input', {
      type: 'checkbox', value: WEIGHT[kind], 'aria-label': t('gradients.learn', { matrix: `W${kind}` }),
      onchange: () => ctx.update({ learn: learnBoxes.filter((b) => b.checked).map((b) => b.value) }),
    }));
    const stepStatus = h('p', { class: 'note', role: 'status' });
    const modeNote = h('p', { class: 'note' });
    const step = (count) => {
      let state = ctx.state();
      if (state.learn.length === 0) {
        stepStatus.textContent = t('gradients.chooseMatrix');
        return;
      }
      try {
        for (let i = 0; i < count; i++) {
          const next = ctx.engine.descend({ ...learningArgs(state, ctx.tokens), learn: state.learn, learningRate: state.learningRate });
          state = { ...state, wq: next.wq, wk: next.wk, wv: next.wv };
          const after = ctx.engine.selfAttention(learningArgs(state, ctx.tokens)).loss;
          history.append(h('li', {}, num(after, { 'data-loss': '' })));
        }
        const refused = ctx.update({ wq: state.wq, wk: state.wk, wv: state.wv });
        stepStatus.textContent = refused ? t('gradients.notTaken', { reason: refused }) : '';
      } catch (error) {
        stepStatus.textContent = t('gradients.noStep', { reason: reason(error) });
      }
    };

    const element = h('div', {}, instead,
      h('div', { class: 'row-of-matrices' }, target.element, output.element),
      loss, h('div', { class: 'formula' }, tex(`L = \\tfrac12 \\sum_i (\\text{${t('math.output')}}_i - \\text{${t('math.target')}}_i)^2`, { display: true })),
      graph.element, chain.element,
      h('p', { class: 'note screen-only' }, rich('gradients.arrows')),
      h('div', { class: 'row-of-matrices' }, scores.element, weights.element),
      h('div', { class: 'row-of-matrices' }, query.element, keys.element, values.element),
      h('details', {}, h('summary', {}, t('gradients.matricesSummary')),
        h('p', { class: 'note' }, rich('gradients.matricesNote')),
        h('div', { class: 'row-of-matrices' }, matrices.map((m) => m.element))),
      counterfactual,
      h('fieldset', { class: 'nudge', 'data-control': 'nudge' }, h('legend', {}, t('gradients.nudgeLegend')), choices, ' ', t('gradients.byEpsilon'), ' ', epsilon.element, ' ',
        h('button', { type: 'button', onclick: nudge }, t('gradients.nudge')), nudgeResult),
      h('fieldset', { class: 'descend', 'data-control': 'descend' }, h('legend', {}, t('gradients.descentLegend')), modeNote,
        KINDS.map((kind, i) => h('label', { class: 'check' }, learnBoxes[i], ` W${kind}`)),
        h('label', {}, ' ', t('gradients.rate'), ' ', rate.element), ' ',
        h('button', { type: 'button', onclick: () => step(1) }, t('gradients.step')), ' ',
        h('button', { type: 'button', onclick: () => step(10) }, t('gradients.tenSteps')),
        stepStatus, history),
      resetButton(ctx));

    return {
      element,
      render(state, results) {
        const L = results.learning;
        target.set(state.target);
        epsilon.set(state.epsilon);
        rate.set(state.learningRate);
        learnBoxes.forEach((b) => { b.checked = state.learn.includes(b.value); });
        setText(modeNote, state.mode === 'direct' ? t('gradients.oneHotNote') : '');
        for (const option of choices.options) {
          const [kind, r, c] = option.value.split(',').map((x, i) => (i ? Number(x) : x));
          setText(option, state.mode === 'direct'
            ? t(CELL_KEY[kind], { token: tokens[r], entry: c + 1 }) : t('widgets.matrixCell', { matrix: `W${kind}`, row: r + 1, column: c + 1 }));
        }
        setText(instead, usingInstead(state));
        // no old numbers beside new inputs: without the engine's answer, results and gradients go
        for (const m of [output, scores, weights, graph, chain]) m.element.hidden = Boolean(L.error);
        if (L.error) {
          replace(loss, problem(t('gradients.noLearning', { reason: L.error })));
          replace(counterfactual);
          for (const v of [query, keys, values]) v.render(state, results);
          matrices.forEach((m, i) => m.set(state[WEIGHT[KINDS[i]]]));
          return;
        }
        output.set(L.output);
        replace(loss, rich('gradients.loss', { loss: num(L.loss, { 'data-loss-value': '' }) }));
        drawGraph(L);
        lastL = L;
        explain();
        scores.set(L.scores, L.grad.scores);
        weights.set(L.weights, L.grad.weights);
        query.render(state, results, L.grad.queries);
        keys.render(state, results, L.grad.keys);
        values.render(state, results, L.grad.values);
        matrices.forEach((m, i) => m.set(state[WEIGHT[KINDS[i]]], L.grad[WEIGHT[KINDS[i]]]));
        replace(counterfactual, gradientStory(tokens, L));
      },
    };
  },
};
