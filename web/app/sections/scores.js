// Step 3: scores. A's query against every key, each dot product written out term by term,
// beside the scores the explanation states; a slip in the explanation is pointed out kindly.
// Figures: each dot product as its terms and their sum, and the scores on one line.
import { dotTerms, h, num, replace } from '../dom.js';
import { FOCUS } from '../compute.js';
import { NumberLine } from '../widgets/number-line.js';
import { Strips } from '../widgets/strips.js';
import { VectorsEditor, problem, resetButton, sameNumbers } from './common.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

export default {
  name: 'scores',
  title: 'scores.title',   // catalogue key: the title an embed shows
  fields: ['wq', 'wk'],
  create(ctx) {
    const query = new VectorsEditor(ctx, 'q', { rows: [FOCUS], caption: t('projections.queryOf', { token: ctx.tokens[FOCUS] }) });
    const keys = new VectorsEditor(ctx, 'k', { caption: t('widgets.keys') });
    const list = h('ol', { class: 'dot-products' });
    const notice = h('div', { class: 'slip-notice', role: 'status', 'aria-live': 'polite' });
    const a = ctx.tokens[FOCUS];
    const terms = new Strips({ name: 'dot-products', title: t('scores.termsFigure', { token: a }),
      columns: [...[1, 2, 3].map((term) => t('scores.term', { term })), t('scores.score')], equals: 3 });
    const line = new NumberLine({ name: 'alignment', title: t('scores.lineFigure', { token: a }),
      ends: [t('scores.opposite'), t('scores.same')] });
    const element = h('div', {}, h('div', { class: 'row-of-matrices' }, query.element, keys.element), list,
      h('div', { class: 'row-of-matrices' }, terms.element, line.element), notice, resetButton(ctx));
    return {
      element,
      render(state, results) {
        query.render(state, results);
        keys.render(state, results);
        const q = results.queries[FOCUS];
        const soft = results.normalizers.softmax;
        if (soft.error) {
          replace(list, problem(soft.error));
          replace(notice);
          terms.fail(soft.error);
          line.fail(soft.error);
          return;
        }
        const scores = soft.scores[0];
        terms.set(results.products.map((p, j) => ({ label: `${a} · ${ctx.tokens[j]}`, values: [...p, scores[j]], className: `token-${j}` })),
          { cellClass: (_, i) => (i === 3 ? 'total' : '') });
        line.set(scores.map((value, j) => ({ label: ctx.tokens[j], value, className: `token-${j}` })));
        const stated = ctx.example.statedScores[0];
        const exampleQuery = sameNumbers(q, ctx.example.queries[FOCUS]);
        const slips = [];
        replace(list, results.keys.map((k, j) => {
          const ours = exampleQuery && sameNumbers(k, ctx.example.keys[j]);
          if (ours && scores[j] !== stated[j]) slips.push(j);
          return h('li', { 'data-token': ctx.tokens[j], class: ours && scores[j] !== stated[j] ? 'slip' : '' },
            h('span', { class: 'pair' }, `${ctx.tokens[FOCUS]} · ${ctx.tokens[j]}: `),
            h('span', { dir: 'ltr' }, dotTerms(q, k, ' = '),
              num(scores[j], { 'data-score': String(j) })),
            h('span', { class: 'stated' }, ' ', ours ? rich('scores.explanationSays', { score: num(stated[j], { 'data-stated': String(j) }) }) : rich('scores.yourNumbers')));
        }));
        replace(notice, slips.map((j) => h('p', {}, rich('scores.slip', {
          token: ctx.tokens[j], score: num(scores[j]), stated: num(stated[j]), sum: num(scores[j]),
          products: h('span', { dir: 'ltr' }, results.products[j].map((x, i) => [i ? ' + ' : '', x < 0 ? ['(', num(x), ')'] : num(x)])),
        }))));
      },
    };
  },
};
