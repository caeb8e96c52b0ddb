// Step 2: query, key and value, each the token vector times a learned matrix.
import { h } from '../dom.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { KIND, VectorsEditor, WEIGHT, replaceCell, resetButton } from './common.js';

export default {
  name: 'projections',
  title: 'Query, key, value',
  fields: ['mode', 'wq', 'wk', 'wv'],
  create(ctx) {
    const toggle = h('fieldset', { class: 'toggle', 'data-control': 'mode' },
      h('legend', {}, 'Where q, k and v come from'),
      ['direct', 'projected'].map((mode) => h('label', {},
        h('input', { type: 'radio', name: `mode-${ctx.id}`, value: mode, onchange: () => ctx.update({ mode }) }),
        mode === 'direct' ? ' type q, k, v directly (the worked example)' : ' compute them from the tokens: q = x·Wq, k = x·Wk, v = x·Wv')));
    const vectors = ['q', 'k', 'v'].map((kind) => new VectorsEditor(ctx, kind));
    const matrices = ['q', 'k', 'v'].map((kind) => new MatrixEditor({
      name: WEIGHT[kind], kind, rowLabels: ['1', '2', '3'], cols: 3, caption: `W${kind} (${KIND[kind]} matrix)`,
      cellLabel: (r, c) => `W${kind} row ${r + 1}, column ${c + 1}`,
      onEdit: (r, c, x) => ctx.update({ [WEIGHT[kind]]: replaceCell(ctx.state()[WEIGHT[kind]], r, c, x) }),
    }));
    const weights = h('div', { class: 'row-of-matrices' }, matrices.map((m) => m.element));
    const element = h('div', {}, toggle, weights, h('div', { class: 'row-of-matrices' }, vectors.map((v) => v.element)),
      resetButton(ctx));
    return {
      element,
      render(state, results) {
        for (const input of toggle.querySelectorAll('input')) input.checked = input.value === state.mode;
        weights.hidden = state.mode === 'direct';
        matrices.forEach((m, i) => m.set(state[WEIGHT[['q', 'k', 'v'][i]]]));
        vectors.forEach((v) => v.render(state, results));
      },
    };
  },
};
