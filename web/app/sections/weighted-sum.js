// Step 5: the weighted sum of values. Three ways side by side (the explanation's own weights,
// divide-by-sum of the corrected scores, softmax), each saying where its weights come from;
// then the one in use drawn as stacked contributions and written out.
import { fmt, h, num, replace, vector } from '../dom.js';
import { VectorSum } from '../widgets/vector-sum.js';
import { VectorsEditor, problem, resetButton, sameNumbers } from './common.js';
import { NORMALIZER_NAME } from '../compute.js';

const numbers = (xs) => xs.map((x, i) => [i ? ', ' : '', num(x)]);

// The column for "way": its title, where its weights come from, the weights and the output.
function column(ctx, way, results, state) {
  const t = ctx.tokens, ex = ctx.example;
  const used = state.stated ? way === 'stated' : way === state.normalize;
  const r = way === 'stated' ? results.stated : results.normalizers[way];
  const title = { stated: 'The explanation’s arithmetic', sum: 'Divide by the sum, corrected', softmax: 'Softmax, without √d (real models usually divide the scores by √d first; step 4 offers it)' }[way]
    ?? `What real models use: ${NORMALIZER_NAME[way]}`;
  const head = h('h3', {}, title,
    used ? h('span', { class: 'badge' }, 'used from here on') : null);
  let source;
  if (way === 'stated') {
    source = ['Its weights ', numbers(ex.statedWeights[0]), ' come from dividing its scores ', numbers(ex.statedScores[0]), ' by their total.'];
  } else if (way === 'sum') {
    source = results.scoreSum === null ? null
      : ['The scores of step 3, ', numbers(results.normalizers.softmax.scores[0]), ', each divided by their total ', num(results.scoreSum), '.'];
  } else {
    source = ['The scores of step 3 through ', NORMALIZER_NAME[way], ' (step 4).'];
  }
  if (r.error) return h('div', { class: 'way', 'data-way': way }, head, h('p', {}, source), problem(r.error));
  const body = [
    h('p', {}, source),
    h('p', {}, 'weights ', numbers(r.weights[0])),
    h('p', {}, `${t[0]}’s output `, vector(r.output[0], (d) => ({ 'data-way-output': String(d) }))),
  ];
  if (way === 'stated') {
    const theirs = sameNumbers(results.values, ex.values) && sameNumbers(r.output, ex.statedOutput, 1e-12);
    body.push(h('p', { 'data-claim': 'stated-sum' }, theirs
      ? ['It writes ', vector(ex.statedOutput[0]), ': this sum is right. The slip is in a score (step 3), not here.']
      : 'With your values in place of the explanation’s.'));
  }
  return h('div', { class: 'way', 'data-way': way }, head, body);
}

export default {
  name: 'weighted-sum',
  title: 'weighted-sum.title',   // catalogue key: the title an embed shows
  fields: ['wv'],
  create(ctx) {
    const values = new VectorsEditor(ctx, 'v', { caption: 'values' });
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
          replace(written, problem(`No weights to use: ${chosen.error}. Pick another way to normalise in step 4.`));
          return;
        }
        source.textContent = state.stated
          ? `In detail, with the explanation’s weights ${ctx.example.statedWeights[0].map((w) => fmt(w)).join(', ')} (chosen in step 4):`
          : `In detail, with the ${NORMALIZER_NAME[state.normalize]} weights (chosen in step 4):`;
        const w = chosen.weights[0], out = chosen.output[0];
        drawing.set(parts, out);
        replace(written,
          w.map((wj, j) => [j ? ' + ' : '', num(wj), ' · ', h('span', { class: `token-${j} tag` }, ctx.tokens[j]), vector(results.values[j])]),
          ' = ', vector(out, (d) => ({ 'data-output': String(d) })));
      },
    };
  },
};
