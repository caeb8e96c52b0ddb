// Step 9: embeddings are learned the same way. The gradient is traced back to the token
// vectors themselves, and a step moves them; a figure draws them as points with the step's arrows.
import { h, num } from '../dom.js';
import { learningArgs, reason } from '../compute.js';
import { FieldInput } from '../widgets/field-input.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { Moves } from '../widgets/moves.js';
import { problem, resetButton, usingInstead } from './common.js';
import { t } from '../i18n/core.js';

export default {
  name: 'embeddings',
  title: 'embeddings.title',   // catalogue key: the title an embed shows
  fields: ['embeddings', 'embeddingRate'],
  create(ctx) {
    const tokens = ctx.tokens;
    const vectors = new MatrixEditor({ name: 'embedding-grads', kind: 'x', rowLabels: tokens, cols: 3, caption: t('embeddings.caption'), cellLabel: (r, c) => t('tokens.cell', { token: tokens[r], entry: c + 1 }) });
    const status = h('div', { role: 'status' });
    const moves = new Moves({ name: 'moves', title: t('embeddings.moves') });
    const instead = h('p', { class: 'note', 'data-claim': 'instead' });
    const history = h('ol', { class: 'loss-history', 'aria-label': t('embeddings.history') });
    const step = () => {
      const state = ctx.state();
      const args = learningArgs(state, ctx.tokens);
      try {
        const next = ctx.engine.descend({ ...args, learn: ['embeddings'], learningRate: state.embeddingRate });
        const patch = state.mode === 'direct'
          ? { mode: 'projected', embeddings: next.embeddings }   // one-hot tokens start to move: X·W from now on
          : { embeddings: next.embeddings };
        const refused = ctx.update(patch);
        if (refused) {
          status.replaceChildren(problem(t('embeddings.notMoved', { reason: refused })));
          return;
        }
        history.append(h('li', {}, num(ctx.engine.selfAttention(learningArgs({ ...state, ...patch }, ctx.tokens)).loss, { 'data-loss': '' })));
      } catch (error) {
        status.replaceChildren(problem(t('gradients.noStep', { reason: reason(error) })));
      }
    };
    const rate = new FieldInput({
      field: 'embeddingRate', label: t('embeddings.rate'), attrs: { size: '6' }, onValue: (x) => ctx.update({ embeddingRate: x }),
    });
    const element = h('div', {}, instead, h('div', { class: 'row-of-matrices' }, vectors.element, moves.element), status,
      h('p', { 'data-control': 'descend' }, h('label', {}, t('gradients.rate'), ' ', rate.element), ' ', h('button', { type: 'button', onclick: step }, t('embeddings.step'))),
      history, resetButton(ctx));
    return {
      element,
      render(state, results) {
        rate.set(state.embeddingRate);
        instead.textContent = usingInstead(state);
        const L = results.learning;
        if (L.error) {
          vectors.set(results.embeddings);   // the vectors, without gradients the engine could not compute
          status.replaceChildren(problem(t('gradients.noLearning', { reason: L.error })));
          moves.fail(L.error);
          return;
        }
        status.replaceChildren();
        vectors.set(results.embeddings, L.grad.embeddings);
        if (results.embeddingStep.error) moves.fail(results.embeddingStep.error);
        else moves.set(tokens, results.embeddings, results.embeddingStep.embeddings);
      },
    };
  },
};
