// Step 4: normalize (“normalise” in the page's prose). The same scores turned into weights by
// divide-by-sum, softmax and scaled softmax; a temperature slider; what divide-by-sum does with
// negative or cancelling scores.
import { fmt, h, replace } from '../dom.js';
import { tex } from '../math.js';
import { FIELDS } from '../state.js';
import { Bars } from '../widgets/bars.js';
import { resetButton } from './common.js';

const SHOWN = [
  ['sum', 'divide by the sum (the explanation’s shortcut)'],
  ['softmax', 'softmax'],
  ['scaled-softmax', 'softmax of scores / √d'],
];

export default {
  name: 'normalize',
  title: 'Normalise',
  fields: ['normalize', 'temperature', 'stated'],
  create(ctx) {
    const bars = Object.fromEntries(SHOWN.map(([n, title]) => [n, new Bars({ name: n, labels: ctx.tokens, title })]));
    const statedBars = new Bars({ name: 'stated', labels: ctx.tokens, title: 'the explanation’s weights' });
    const choice = h('fieldset', { class: 'toggle', 'data-control': 'normalize' }, h('legend', {}, 'Weights used from here on'),
      SHOWN.map(([n, title]) => h('label', {}, h('input', {
        type: 'radio', name: `normalize-${ctx.id}`, value: n, onchange: () => ctx.update({ normalize: n, stated: false }),
      }), ` ${title}`)),
      h('label', {}, h('input', {
        type: 'radio', name: `normalize-${ctx.id}`, value: 'stated', onchange: () => ctx.update({ stated: true }),
      }), ' the explanation’s 0.1, 0.4, 0.5'));
    // A log-scale slider over the field's range; its reading goes through the field's parser
    // (which keeps 3 significant digits), like a typed or linked temperature.
    const { min, max, parse } = FIELDS.temperature;
    const slider = h('input', {
      type: 'range', min: String(Math.log(min)), max: String(Math.log(max)), step: '0.01', 'aria-label': 'temperature (log scale)',
      oninput: (e) => {
        const { value, error } = parse(String(Math.exp(Number(e.target.value))));
        if (!error) ctx.update({ temperature: value });
      },
    });
    const temperatureValue = h('output', { class: 'num' });
    const warnings = h('div', { class: 'warnings', role: 'status', 'aria-live': 'polite' });
    const element = h('div', {},
      h('div', { class: 'row-of-bars' }, SHOWN.map(([n]) => bars[n].element), statedBars.element),
      h('label', { class: 'slider', 'data-control': 'temperature' }, 'temperature ', slider, ' T = ', temperatureValue),
      h('div', { class: 'formula' }, tex('w_j = \\frac{e^{s_j / T}}{\\sum_i e^{s_i / T}}', { display: true })),
      warnings, choice, resetButton(ctx));
    return {
      element,
      render(state, results) {
        for (const [n] of SHOWN) {
          const r = results.normalizers[n];
          bars[n].set(r.weights?.[0], r.error);
        }
        statedBars.set(results.stated.weights[0]);
        slider.value = String(Math.log(state.temperature));
        temperatureValue.textContent = fmt(state.temperature);
        temperatureValue.dataset.value = String(state.temperature);
        for (const input of choice.querySelectorAll('input')) {
          input.checked = state.stated ? input.value === 'stated' : input.value === state.normalize;
        }
        const sum = results.normalizers.sum;
        const notes = [];
        if (sum.error) {
          notes.push(`Divide-by-sum fails on these scores: ${sum.error}. Softmax still works, whatever the scores.`);
        } else if (sum.weights[0].some((w) => w < 0 || w > 1)) {
          const bad = sum.weights[0].map((w, j) => [w, j]).filter(([w]) => w < 0 || w > 1);
          notes.push(`Divide-by-sum gives ${bad.map(([w, j]) => `${ctx.tokens[j]} a weight of ${fmt(w)}`).join(' and ')}: `
            + 'with a negative score the “weights” leave 0…1, so the output is no longer a blend of the values. '
            + 'Softmax keeps every weight positive.');
        }
        replace(warnings, notes.map((n) => h('p', { class: 'problem' }, n)));
      },
    };
  },
};
