// Step 1: tokens are vectors. A, B and C as three editable 3-number embeddings, and the same
// numbers drawn as a strip of bars per token.
import { h } from '../dom.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { Strips } from '../widgets/strips.js';
import { resetButton, replaceCell } from './common.js';

export default {
  name: 'tokens',
  title: 'tokens.title',   // catalogue key: the title an embed shows
  fields: ['embeddings'],
  create(ctx) {
    const editor = new MatrixEditor({
      name: 'embeddings', kind: 'x', rowLabels: ctx.tokens, cols: 3, caption: 'token vectors (embeddings)',
      cellLabel: (r, c) => `token ${ctx.tokens[r]}, entry ${c + 1}`,
      onEdit: (r, c, x) => ctx.update({ mode: 'projected', embeddings: replaceCell(ctx.state().embeddings, r, c, x) }),
    });
    const note = h('p', { class: 'note' });
    const strips = new Strips({ name: 'tokens', title: 'each token’s vector as bars: up for positive, down for negative', columns: ['entry 1', 'entry 2', 'entry 3'] });
    const element = h('div', {}, h('div', { class: 'row-of-matrices' }, editor.element, strips.element), note, resetButton(ctx));
    return {
      element,
      render(state, results) {
        editor.set(results.embeddings);
        strips.set(results.embeddings.map((values, j) => ({ label: ctx.tokens[j], values, className: `token-${j}` })));
        note.textContent = state.mode === 'direct'
          ? 'One-hot vectors: each says only which token it is.'
          : 'Queries, keys and values are now computed from these vectors (step 2).';
      },
    };
  },
};
