// Step 1: tokens are vectors. A, B and C as three editable 3-number embeddings.
import { h } from '../dom.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { resetButton, replaceCell } from './common.js';

export default {
  name: 'tokens',
  title: 'Tokens are vectors',
  fields: ['embeddings'],
  create(ctx) {
    const editor = new MatrixEditor({
      name: 'embeddings', kind: 'x', rowLabels: ctx.tokens, cols: 3, caption: 'token vectors (embeddings)',
      cellLabel: (r, c) => `token ${ctx.tokens[r]}, entry ${c + 1}`,
      onEdit: (r, c, x) => ctx.update({ mode: 'projected', embeddings: replaceCell(ctx.state().embeddings, r, c, x) }),
    });
    const note = h('p', { class: 'note' });
    const element = h('div', {}, editor.element, note, resetButton(ctx));
    return {
      element,
      render(state, results) {
        editor.set(results.embeddings);
        note.textContent = state.mode === 'direct'
          ? 'One-hot vectors: each says only which token it is.'
          : 'Queries, keys and values are now computed from these vectors (step 2).';
      },
    };
  },
};
