// Step 5: the weighted sum of values. A's new vector is every value scaled by its weight and
// added up: drawn as stacked contributions and written out.
import { h, num, replace } from '../dom.js';
import { VectorSum } from '../widgets/vector-sum.js';
import { VectorsEditor, problem, resetButton } from './common.js';

const vector = (xs, attrs = {}) => h('span', { class: 'vector' }, '[', xs.map((x, i) => [i ? ', ' : '', num(x, attrs[i] ?? {})]), ']');

export default {
  name: 'weighted-sum',
  title: 'Weighted sum of values',
  fields: ['wv'],
  create(ctx) {
    const values = new VectorsEditor(ctx, 'v', { caption: 'values' });
    const drawing = new VectorSum({ name: 'output', labels: ctx.tokens });
    const written = h('p', { class: 'written-sum' });
    const source = h('p', { class: 'note' });
    const element = h('div', {}, values.element, source, drawing.element, written, resetButton(ctx));
    return {
      element,
      render(state, results) {
        values.render(state, results);
        const { chosen, parts } = results;
        if (chosen.error) {
          drawing.element.hidden = true;
          replace(written, problem(`No weights to use: ${chosen.error}. Pick another way to normalise in step 4.`));
          return;
        }
        drawing.element.hidden = false;
        source.textContent = state.stated
          ? 'Using the explanation’s weights 0.1, 0.4 and 0.5 (chosen in step 4).'
          : `Using the ${state.normalize === 'sum' ? 'divide-by-sum' : state.normalize} weights from step 4.`;
        const w = chosen.weights[0], out = chosen.output[0];
        drawing.set(parts, out);
        replace(written,
          w.map((wj, j) => [j ? ' + ' : '', num(wj), ' · ', h('span', { class: `token-${j} tag` }, ctx.tokens[j]), vector(results.values[j])]),
          ' = ', vector(out, out.map((_, d) => ({ 'data-output': String(d) }))));
      },
    };
  },
};
