// Step 2: query, key and value, each the token vector times a learned matrix; one such
// multiplication written out, and which of the example's vectors are the page's own. A figure
// draws the multiplication behind whichever q, k or v entry the reader hovers or focuses.
import { dotTerms, h, num, replace, vector } from '../dom.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { Product } from '../widgets/product.js';
import { PLURAL, RESULT, VectorsEditor, WEIGHT, replaceCell, resetButton } from './common.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

// A's query = A's vector × Wq, entry by entry: a dot product of the vector with each column.
function multiplication(tokens, x, w, q) {
  const entries = h('span', { dir: 'ltr' }, q.map((qc, c) => [c ? '; ' : '', rich('projections.entryIs', { entry: c + 1 }), ' ',
    dotTerms(x, w.map((row) => row[c])), ' = ', num(qc)]));
  return rich('projections.multiplication', { token: tokens[0], x: vector(x), entries, q: vector(q) });
}

const MATRIX_OF = { q: 'projections.queryMatrix', k: 'projections.keyMatrix', v: 'projections.valueMatrix' };
const RESULT_OF = { q: 'projections.queryOf', k: 'projections.keyOf', v: 'projections.valueOf' };

export default {
  name: 'projections',
  title: 'projections.title',   // catalogue key: the title an embed shows
  fields: ['mode', 'wq', 'wk', 'wv'],
  create(ctx) {
    const tokens = ctx.tokens;
    const toggle = h('fieldset', { class: 'toggle', 'data-control': 'mode' },
      h('legend', {}, t('projections.modeLegend')),
      ['direct', 'projected'].map((mode) => h('label', {},
        h('input', { type: 'radio', name: `mode-${ctx.id}`, value: mode, onchange: () => ctx.update({ mode }) }),
        ' ', t(mode === 'direct' ? 'projections.modeDirect' : 'projections.modeProjected'))));
    const vectors = ['q', 'k', 'v'].map((kind) => new VectorsEditor(ctx, kind));
    const matrices = ['q', 'k', 'v'].map((kind) => new MatrixEditor({
      name: WEIGHT[kind], kind, rowLabels: ['1', '2', '3'], cols: 3, caption: t(MATRIX_OF[kind]),
      cellLabel: (r, c) => t('widgets.matrixCell', { matrix: `W${kind}`, row: r + 1, column: c + 1 }),
      onEdit: (r, c, x) => ctx.update({ [WEIGHT[kind]]: replaceCell(ctx.state()[WEIGHT[kind]], r, c, x) }),
    }));
    const weights = h('div', { class: 'row-of-matrices' }, matrices.map((m) => m.element));
    const written = h('p', { class: 'written-product' });
    const own = h('p', { class: 'note' });
    const product = new Product({ name: 'projection', title: t('projections.figure') });
    let focus = { kind: 'q', row: 0, col: 0 };
    let last = null;
    const draw = () => {
      const [state, results] = last;
      const { kind, row, col } = focus;
      product.set({
        x: results.embeddings[row], w: state[WEIGHT[kind]], result: results[RESULT[kind]][row], kind, col,
        names: { x: t('projections.vectorOf', { token: tokens[row] }), w: `W${kind}`, result: t(RESULT_OF[kind], { token: tokens[row] }) },
      });
    };
    // the cell under the pointer or keyboard focus, if it is a q, k or v entry: its multiplication
    const follow = (e) => {
      const table = e.target.closest?.('table[data-matrix]');
      const kind = table && Object.keys(PLURAL).find((k) => table.dataset.matrix.startsWith(PLURAL[k]));
      const cell = kind && e.target.closest('[data-cell]');
      if (!cell) return;
      const [row, col] = cell.dataset.cell.split(',').map(Number);
      focus = { kind, row, col };
      draw();
    };
    const element = h('div', { onfocusin: follow, onpointerover: follow }, toggle, weights,
      h('div', { class: 'row-of-matrices' }, vectors.map((v) => v.element)), product.element, own, written, resetButton(ctx));
    return {
      element,
      render(state, results) {
        last = [state, results];
        draw();
        for (const input of toggle.querySelectorAll('input')) input.checked = input.value === state.mode;
        const direct = state.mode === 'direct';
        weights.hidden = direct;
        matrices.forEach((m, i) => m.set(state[WEIGHT[['q', 'k', 'v'][i]]]));
        vectors.forEach((v) => v.render(state, results));
        const q = ctx.example.queries;
        replace(own, direct
          ? rich('projections.madeUp', { a: tokens[0], b: tokens[1], c: tokens[2], qb: vector(q[1]), qc: vector(q[2]) })
          : '');
        replace(written, multiplication(tokens, results.embeddings[0], state.wq, results.queries[0]),
          direct ? [' ', rich('projections.oneHotRow')] : '');
      },
    };
  },
};
