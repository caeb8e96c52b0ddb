// Pieces several sections share: names for cells, editors bound to the page state, reset buttons.
import { h } from '../dom.js';
import { capital } from '../text.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { NORMALIZER_KEY } from '../compute.js';
import { t } from '../i18n/core.js';

// PLURAL names the matrices (data-matrix); PLURAL_KEY and CELL_KEY are the words the reader reads.
export const PLURAL = { q: 'queries', k: 'keys', v: 'values' };
export const PLURAL_KEY = { q: 'widgets.queries', k: 'widgets.keys', v: 'widgets.values' };
export const CELL_KEY = { q: 'widgets.queryCell', k: 'widgets.keyCell', v: 'widgets.valueCell' };
export const WEIGHT = { q: 'wq', k: 'wk', v: 'wv' };
export const RESULT = { q: 'queries', k: 'keys', v: 'values' };

// Whether two vectors or matrices hold the same numbers (within tol).
export function sameNumbers(a, b, tol = 0) {
  return a.length === b.length && a.every((x, i) => (Array.isArray(x) ? sameNumbers(x, b[i], tol) : Math.abs(x - b[i]) <= tol));
}

export function replaceCell(matrix, r, c, value) {
  return matrix.map((row, i) => (i === r ? row.map((x, j) => (j === c ? value : x)) : row));
}

// The q, k or v vectors of the tokens (rows), editable in direct mode, where they are the rows
// of W (tokens are one-hot); computed from X·W, read-only, in projected mode.
export class VectorsEditor {
  constructor(ctx, kind, { rows = null, caption = '' } = {}) {
    this.kind = kind;
    this.rows = rows ?? ctx.tokens.map((_, i) => i);
    this.ctx = ctx;
    const make = (editable) => new MatrixEditor({
      name: `${PLURAL[kind]}${editable ? '' : '-computed'}`,
      field: WEIGHT[kind],
      kind,
      rowLabels: this.rows.map((i) => ctx.tokens[i]),
      cols: 3,
      caption: caption || t(PLURAL_KEY[kind]),
      cellLabel: (r, c) => t(CELL_KEY[kind], { token: ctx.tokens[this.rows[r]], entry: c + 1 }),
      onEdit: editable ? (r, c, x) => {
        const w = WEIGHT[kind];
        return ctx.update({ [w]: replaceCell(ctx.state()[w], this.rows[r], c, x) });
      } : null,
    });
    this.editable = make(true);
    this.computed = make(false);
    this.element = h('div', { class: 'vectors' }, this.editable.element, this.computed.element);
  }

  render(state, results, grads = null) {
    const direct = state.mode === 'direct';
    this.editable.element.hidden = !direct;
    this.computed.element.hidden = direct;
    const values = this.rows.map((i) => results[RESULT[this.kind]][i]);
    const g = grads ? this.rows.map((i) => grads[i]) : null;
    (direct ? this.editable : this.computed).set(values, g);
  }
}

// Puts the section's own fields (its `fields`) back to the defaults.
export function resetButton(ctx, label = t('widgets.resetSection')) {
  return h('button', { type: 'button', class: 'reset', 'data-control': 'reset', onclick: () => ctx.reset() }, label);
}

// A message where the numbers would be; it may start with the engine's sentence ("the scores …").
export function problem(message) {
  return h('p', { class: 'problem', role: 'status' }, capital(message));
}


// Steps 6, 7 and 9 need weights for every token (and gradients); the explanation's three weights
// are A's alone, so with them chosen those steps say which normaliser they use instead.
export function usingInstead(state) {
  return state.stated ? t('widgets.usingInstead', { normalizer: t(NORMALIZER_KEY[state.normalize]) }) : '';
}
