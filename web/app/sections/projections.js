// Step 2: query, key and value, each the token vector times a learned matrix; one such
// multiplication written out, and which of the example's vectors are the page's own. A figure
// draws the multiplication behind whichever q, k or v entry the reader hovers or focuses.
import { factor, h, num, replace, vector } from '../dom.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { Product } from '../widgets/product.js';
import { KIND, PLURAL, RESULT, VectorsEditor, WEIGHT, replaceCell, resetButton } from './common.js';

// A's query = A's vector × Wq, entry by entry: a dot product of the vector with each column.
function multiplication(t, x, w, q) {
  return [`How a vector times a matrix works: ${t[0]}’s query = ${t[0]}’s vector `, vector(x), ' × Wq. ',
    'Each entry of the result multiplies the vector entry by entry with one column of Wq and adds up: ',
    q.map((qc, c) => [c ? '; ' : '', `entry ${c + 1} = `, x.map((xi, i) => `${i ? ' + ' : ''}${factor(xi)}·${factor(w[i][c])}`).join(''), ' = ', num(qc)]),
    '. So ', vector(q), ` is ${t[0]}’s query.`];
}

export default {
  name: 'projections',
  title: 'projections.title',   // catalogue key: the title an embed shows
  fields: ['mode', 'wq', 'wk', 'wv'],
  create(ctx) {
    const t = ctx.tokens;
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
    const written = h('p', { class: 'written-product' });
    const own = h('p', { class: 'note' });
    const product = new Product({ name: 'projection', title: 'token vector × matrix: hover or focus any q, k or v entry to see the numbers that made it' });
    let focus = { kind: 'q', row: 0, col: 0 };
    let last = null;
    const draw = () => {
      const [state, results] = last;
      const { kind, row, col } = focus;
      product.set({
        x: results.embeddings[row], w: state[WEIGHT[kind]], result: results[RESULT[kind]][row], kind, col,
        names: { x: `${t[row]}’s vector`, w: `W${kind}`, result: `${t[row]}’s ${KIND[kind]}` },
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
          ? [`The explanation gives ${t[0]}’s query and every key and value. It never needs ${t[1]}’s and ${t[2]}’s queries, so `, vector(q[1]), ' and ',
            vector(q[2]), ' are made up by this page, for step 6, where every token asks.']
          : '');
        replace(written, multiplication(t, results.embeddings[0], state.wq, results.queries[0]),
          direct ? ' A one-hot vector picks out one row of the matrix: that is why, in this mode, the rows of Wq are the queries you type.' : '');
      },
    };
  },
};
