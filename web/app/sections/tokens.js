// Step 1: tokens are vectors. A, B and C as three editable 3-number embeddings, and the same
// numbers drawn as a strip of bars per token.
import { h, replace } from '../dom.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { Strips } from '../widgets/strips.js';
import { resetButton, replaceCell } from './common.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

export default {
  name: 'tokens',
  title: 'tokens.title',   // catalogue key: the title an embed shows
  fields: ['embeddings'],
  create(ctx) {
    const editor = new MatrixEditor({
      name: 'embeddings', kind: 'x', rowLabels: ctx.tokens, cols: 3, caption: t('tokens.caption'),
      cellLabel: (r, c) => t('tokens.cell', { token: ctx.tokens[r], entry: c + 1 }),
      onEdit: (r, c, x) => ctx.update({ mode: 'projected', embeddings: replaceCell(ctx.state().embeddings, r, c, x) }),
    });
    const note = h('p', { class: 'note' });
    const strips = new Strips({ name: 'tokens', title: t('tokens.bars'), columns: [1, 2, 3].map((entry) => t('widgets.entry', { entry })) });
    const element = h('div', {}, h('div', { class: 'row-of-matrices' }, editor.element, strips.element), note, resetButton(ctx));
    return {
      element,
      render(state, results) {
        editor.set(results.embeddings);
        strips.set(results.embeddings.map((values, j) => ({ label: ctx.tokens[j], values, className: `token-${j}` })));
        replace(note, rich(state.mode === 'direct' ? 'tokens.oneHot' : 'tokens.computed'));
      },
    };
  },
};
