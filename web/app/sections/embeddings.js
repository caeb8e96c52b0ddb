// Step 9: embeddings are learned the same way. The gradient is traced back to the token
// vectors themselves, and a step moves them.
import { h, num } from '../dom.js';
import { learningArgs } from '../compute.js';
import { plain } from '../messages.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { problem, resetButton, usingInstead } from './common.js';

export default {
  name: 'embeddings',
  title: 'Learning embeddings',
  fields: ['embeddings', 'embeddingRate'],
  create(ctx) {
    const t = ctx.tokens;
    const vectors = new MatrixEditor({ name: 'embedding-grads', kind: 'x', rowLabels: t, cols: 3, caption: 'token vectors and their gradients', cellLabel: (r, c) => `token ${t[r]}, entry ${c + 1}` });
    const status = h('div', { role: 'status' });
    const instead = h('p', { class: 'note', 'data-claim': 'instead' });
    const history = h('ol', { class: 'loss-history', 'aria-label': 'loss after each embedding step' });
    const step = () => {
      const state = ctx.state();
      const args = learningArgs(state);
      try {
        const next = ctx.engine.descend({ ...args, learn: ['embeddings'], learningRate: state.embeddingRate });
        const patch = state.mode === 'direct'
          ? { mode: 'projected', embeddings: next.embeddings }   // one-hot tokens start to move: X·W from now on
          : { embeddings: next.embeddings };
        history.append(h('li', {}, num(ctx.engine.selfAttention(learningArgs({ ...state, ...patch })).loss, { 'data-loss': '' })));
        ctx.update(patch);
      } catch (error) {
        status.replaceChildren(problem(`No step: ${plain(error.message, ctx.tokens)}.`));
      }
    };
    const rate = h('input', { type: 'text', inputmode: 'decimal', 'aria-label': 'learning rate for the token vectors', size: '6' });
    rate.addEventListener('change', () => {
      const x = Number(rate.value);
      if (Number.isFinite(x) && x >= 0.001 && x <= 5) ctx.update({ embeddingRate: x });
      else rate.value = String(ctx.state().embeddingRate);
    });
    const element = h('div', {}, instead, vectors.element, status,
      h('p', { 'data-control': 'descend' }, h('label', {}, 'learning rate ', rate), ' ', h('button', { type: 'button', onclick: step }, 'Move the token vectors one step')),
      history, resetButton(ctx, ['embeddings', 'embeddingRate']));
    return {
      element,
      render(state, results) {
        rate.value = String(state.embeddingRate);
        instead.textContent = usingInstead(state);
        const L = results.learning;
        if (L.error) {
          vectors.set(results.embeddings);   // the vectors, without gradients the engine could not compute
          status.replaceChildren(problem(`${L.error}. Pick softmax in step 4 to learn from these numbers.`));
          return;
        }
        status.replaceChildren();
        vectors.set(results.embeddings, L.grad.embeddings);
      },
    };
  },
};
