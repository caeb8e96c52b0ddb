// Step 5: the weighted sum of values. Three ways side by side (the explanation's own weights,
// divide-by-sum of the corrected scores, softmax), each saying where its weights come from;
// then the one in use drawn as stacked contributions and written out.
import { h, num, replace, vector } from '../dom.js';
import { VectorSum } from '../widgets/vector-sum.js';
import { VectorsEditor, problem, resetButton, sameNumbers } from './common.js';
import { NORMALIZER_KEY } from '../compute.js';
import { entrySeparator, t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const numbers = (xs) => h('span', { dir: 'ltr' }, xs.map((x, i) => [i ? entrySeparator() : '', num(x)]));

// The column for "way": its title, where its weights come from, the weights and the output.
function column(ctx, way, results, state) {
  const tokens = ctx.tokens, ex = ctx.example;
  const used = state.stated ? way === 'stated' : way === state.normalize;
  const r = way === 'stated' ? results.stated : results.normalizers[way];
  const title = { stated: 'weighted-sum.stated', sum: 'weighted-sum.sum', softmax: 'weighted-sum.softmax' }[way];
  const head = h('h3', {}, title ? rich(title) : rich('weighted-sum.real', { normalizer: t(NORMALIZER_KEY[way]) }),
    used ? h('span', { class: 'badge' }, t('weighted-sum.used')) : null);
  let source;
  if (way === 'stated') {
    source = rich('weighted-sum.statedSource', { weights: numbers(ex.statedWeights[0]), scores: numbers(ex.statedScores[0]) });
  } else if (way === 'sum') {
    source = results.scoreSum === null ? null
      : rich('weighted-sum.sumSource', { scores: numbers(results.normalizers.softmax.scores[0]), total: num(results.scoreSum) });
  } else {
    source = rich('weighted-sum.through', { normalizer: t(NORMALIZER_KEY[way]) });
  }
  if (r.error) return h('div', { class: 'way', 'data-way': way }, head, h('p', {}, source), problem(r.error));
  const body = [
    h('p', {}, source),
    h('p', {}, rich('weighted-sum.weights', { weights: numbers(r.weights[0]) })),
    h('p', {}, rich('weighted-sum.output', { token: tokens[0], output: vector(r.output[0], (d) => ({ 'data-way-output': String(d) })) })),
  ];
  if (way === 'stated') {
    const theirs = sameNumbers(results.values, ex.values) && sameNumbers(r.output, ex.statedOutput, 1e-12);
    body.push(h('p', { 'data-claim': 'stated-sum' }, theirs
      ? rich('weighted-sum.right', { output: vector(ex.statedOutput[0]) })
      : rich('weighted-sum.yourValues')));
  }
  return h('div', { class: 'way', 'data-way': way }, head, body);
}

export default {
  name: 'weighted-sum',
  title: 'weighted-sum.title',   // catalogue key: the title an embed shows
  fields: ['wv'],
  create(ctx) {
    const values = new VectorsEditor(ctx, 'v', { caption: t('widgets.values') });
    const ways = h('div', { class: 'ways' });
    const drawing = new VectorSum({ name: 'output', labels: ctx.tokens });
    const written = h('p', { class: 'written-sum' });
    const source = h('p', { class: 'note' });
    const element = h('div', {}, values.element, ways, source, drawing.element, written, resetButton(ctx));
    return {
      element,
      render(state, results) {
        values.render(state, results);
        const third = state.normalize === 'scaled-softmax' ? 'scaled-softmax' : 'softmax';
        replace(ways, ['stated', 'sum', third].map((way) => column(ctx, way, results, state)));
        const { chosen, parts } = results;
        drawing.element.hidden = Boolean(chosen.error);
        if (chosen.error) {
          replace(source);
          replace(written, problem(t('weighted-sum.noWeights', { reason: chosen.error })));
          return;
        }
        replace(source, state.stated
          ? rich('weighted-sum.detailStated', { weights: numbers(ctx.example.statedWeights[0]) })
          : rich('weighted-sum.detail', { normalizer: t(NORMALIZER_KEY[state.normalize]) }));
        const w = chosen.weights[0], out = chosen.output[0];
        drawing.set(parts, out);
        replace(written, h('span', { dir: 'ltr' },
          w.map((wj, j) => [j ? ' + ' : '', num(wj), ' · ', h('span', { class: `token-${j} tag` }, ctx.tokens[j]), vector(results.values[j])]),
          ' = ', vector(out, (d) => ({ 'data-output': String(d) }))));
      },
    };
  },
};
