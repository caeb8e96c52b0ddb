// Step 6: every token at once. All queries against all keys: the weight matrix as a heatmap,
// the output of every token, an optional causal mask, and the matrix form. A figure draws the
// same weights as lines from each token to the ones it attends to.
import { h, replace } from '../dom.js';
import { tex } from '../math.js';
import { AttentionLines } from '../widgets/attention-lines.js';
import { Heatmap } from '../widgets/heatmap.js';
import { MatrixEditor } from '../widgets/matrix-editor.js';
import { problem, resetButton, usingInstead } from './common.js';
import { t } from '../i18n/core.js';

export default {
  name: 'all-tokens',
  title: 'all-tokens.title',   // catalogue key: the title an embed shows
  fields: ['causal'],
  create(ctx) {
    const heatmap = new Heatmap({ name: 'weights', title: t('all-tokens.heatmap') });
    const outputs = new MatrixEditor({
      name: 'outputs', kind: 'out', rowLabels: ctx.tokens, cols: 3, caption: t('all-tokens.outputs'),
      cellLabel: (r, c) => t('gradients.outputCell', { token: ctx.tokens[r], entry: c + 1 }),
    });
    const causal = h('input', { type: 'checkbox', onchange: (e) => ctx.update({ causal: e.target.checked }) });
    const lines = new AttentionLines({ name: 'attention-lines', title: t('all-tokens.lines') });
    const formula = h('div', { class: 'formula' });
    const status = h('div', { role: 'status' });
    const instead = h('p', { class: 'note', 'data-claim': 'instead' });
    const element = h('div', {}, instead,
      h('label', { class: 'check', 'data-control': 'causal' }, causal, ' ', t('all-tokens.causal')),
      h('div', { class: 'row-of-matrices' }, heatmap.element, lines.element, outputs.element), status, formula, resetButton(ctx));
    let shownFormula = null;
    return {
      element,
      render(state, results) {
        causal.checked = state.causal;
        const scaled = state.normalize === 'scaled-softmax';
        const key = `${state.normalize}-${state.causal}`;
        if (key !== shownFormula) {
          shownFormula = key;
          const scores = scaled ? '\\frac{QK^\\top}{\\sqrt{d}}' : 'QK^\\top';
          const norm = state.normalize === 'sum' ? `\\operatorname{${t('math.normalise')}}` : '\\operatorname{softmax}';
          replace(formula, tex(`\\text{${t('math.output')}} = ${norm}\\!\\left(${scores}${state.causal ? ` + M_{\\text{${t('math.causal')}}}` : ''}\\right) V`, { display: true }));
        }
        instead.textContent = usingInstead(state);
        // no old numbers beside new inputs: while the engine has no answer, the results are hidden
        heatmap.element.hidden = lines.element.hidden = outputs.element.hidden = Boolean(results.all.error);
        if (results.all.error) {
          replace(status, problem(t('all-tokens.noWeights', { reason: results.all.error })));
          return;
        }
        replace(status);
        heatmap.set(results.all.weights, {
          rowLabels: ctx.tokens, colLabels: ctx.tokens, masked: (r, c) => state.causal && c > r,
        });
        lines.set(results.all.weights, { labels: ctx.tokens, masked: (r, c) => state.causal && c > r });
        outputs.set(results.all.output);
      },
    };
  },
};
