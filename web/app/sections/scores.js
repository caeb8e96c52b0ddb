// Step 3: scores. A's query against every key, each dot product written out term by term,
// beside the scores the explanation states; a slip in the explanation is pointed out kindly.
import { factor, h, num, replace } from '../dom.js';
import { FOCUS } from '../compute.js';
import { VectorsEditor, problem, resetButton, sameNumbers } from './common.js';

export default {
  name: 'scores',
  title: 'Scores',
  fields: ['wq', 'wk'],
  create(ctx) {
    const query = new VectorsEditor(ctx, 'q', { rows: [FOCUS], caption: `${ctx.tokens[FOCUS]}'s query` });
    const keys = new VectorsEditor(ctx, 'k', { caption: 'keys' });
    const list = h('ol', { class: 'dot-products' });
    const notice = h('div', { class: 'slip-notice', role: 'status', 'aria-live': 'polite' });
    const element = h('div', {}, h('div', { class: 'row-of-matrices' }, query.element, keys.element), list, notice,
      resetButton(ctx));
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
          return;
        }
        const scores = soft.scores[0];
        const stated = ctx.example.statedScores[0];
        const exampleQuery = sameNumbers(q, ctx.example.queries[FOCUS]);
        const slips = [];
        replace(list, results.keys.map((k, j) => {
          const ours = exampleQuery && sameNumbers(k, ctx.example.keys[j]);
          if (ours && scores[j] !== stated[j]) slips.push(j);
          return h('li', { 'data-token': ctx.tokens[j], class: ours && scores[j] !== stated[j] ? 'slip' : '' },
            h('span', { class: 'pair' }, `${ctx.tokens[FOCUS]} · ${ctx.tokens[j]}: `),
            h('span', { class: 'terms' }, q.map((x, i) => `${factor(x)}·${factor(k[i])}`).join(' + '), ' = '),
            num(scores[j], { 'data-score': String(j) }),
            ours ? h('span', { class: 'stated' }, ' (the explanation says ', num(stated[j], { 'data-stated': String(j) }), ')')
              : h('span', { class: 'stated' }, ' (your numbers)'));
        }));
        replace(notice, slips.map((j) => h('p', {},
          h('strong', {}, `${ctx.tokens[j]}'s score is `, num(scores[j]), ', not ', num(stated[j]), '. '),
          'The explanation’s method is right and so is every product: ', results.products[j].map((x, i) => [i ? ' + ' : '', x < 0 ? ['(', num(x), ')'] : num(x)]),
          ' = ', num(scores[j]), '. Only the adding up slipped. Everything after this step uses the corrected score; check each term above.')));
      },
    };
  },
};
