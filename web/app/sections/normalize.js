// Step 4: normalize (“normalise” in the page's prose). The same scores turned into weights by
// divide-by-sum, softmax and scaled softmax; softmax worked on the reader's scores; a temperature
// slider; what divide-by-sum does with negative or cancelling scores. A figure draws the scores
// becoming weights, both ways (softmax through its exponentials), so the bars move with the
// temperature.
import { h, num, replace } from '../dom.js';
import { fmt } from '../text.js';
import { tex } from '../math.js';
import { FIELDS } from '../state.js';
import { Bars } from '../widgets/bars.js';
import { Strips } from '../widgets/strips.js';
import { problem, resetButton } from './common.js';
import { NORMALIZER_KEY } from '../compute.js';
import { entrySeparator, list, t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

// One weight of softmax worked on the reader's scores: the largest, e^(s/T) over the sum.
function softmaxWorked(t, soft, temperature) {
  const s = soft.scores[0], w = soft.weights[0];
  const j = w.indexOf(Math.max(...w));
  const power = (x) => (temperature === 1 ? `e^{${fmt(x)}}` : `e^{${fmt(x)}/${fmt(temperature)}}`);
  return rich('normalize.worked', { token: t[j], formula: tex(`\\frac{${power(s[j])}}{${s.map(power).join(' + ')}}`), weight: num(w[j]) });
}

// Divide-by-sum with a negative total: each weight is the score over a negative number, so the
// lowest score gets the largest weight.
function reversed(t, scores, weights, total) {
  const low = scores.indexOf(Math.min(...scores));
  return rich('normalize.reversed', { token: t[low], total: num(total), score: num(scores[low]), weight: num(weights[low]) });
}

const SHOWN = [
  ['sum', 'normalize.sum'],
  ['softmax', 'normalize.softmax'],
  ['scaled-softmax', 'normalize.scaled'],
];

export default {
  name: 'normalize',
  title: 'normalize.title',   // catalogue key: the title an embed shows
  fields: ['normalize', 'temperature', 'stated'],
  create(ctx) {
    const bars = Object.fromEntries(SHOWN.map(([n, title]) => [n, new Bars({ name: n, labels: ctx.tokens, title: t(title) })]));
    const statedBars = new Bars({ name: 'stated', labels: ctx.tokens, title: t('normalize.stated') });
    const choice = h('fieldset', { class: 'toggle', 'data-control': 'normalize' }, h('legend', {}, t('normalize.legend')),
      SHOWN.map(([n, title]) => h('label', {}, h('input', {
        type: 'radio', name: `normalize-${ctx.id}`, value: n, onchange: () => ctx.update({ normalize: n, stated: false }),
      }), ' ', t(title))),
      h('label', {}, h('input', {
        type: 'radio', name: `normalize-${ctx.id}`, value: 'stated', onchange: () => ctx.update({ stated: true }),
      }), ' ', t('normalize.statedChoice', { weights: ctx.example.statedWeights[0].map((w) => fmt(w)).join(entrySeparator()) }), ' ', h('span', { class: 'note', 'data-stated-note': '' })));
    const worked = h('p', { class: 'worked', 'data-claim': 'softmax-worked' });
    // A log-scale slider over the field's range; its reading goes through the field's parser
    // (which keeps 3 significant digits), like a typed or linked temperature.
    const { min, max, parse } = FIELDS.temperature;
    const slider = h('input', {
      type: 'range', min: String(Math.log(min)), max: String(Math.log(max)), step: '0.01', 'aria-label': t('normalize.slider'),
      oninput: (e) => {
        const { value, error } = parse(String(Math.exp(Number(e.target.value))));
        if (!error) ctx.update({ temperature: value });
      },
    });
    const temperatureValue = h('output', { class: 'num' });
    const warnings = h('div', { class: 'warnings', role: 'status', 'aria-live': 'polite' });
    const flow = new Strips({ name: 'normalise', title: t('normalize.flowFigure'), columns: ctx.tokens, perRow: true });
    const flowNote = h('p', { class: 'figure-sentence' });
    const element = h('div', {},
      h('div', { class: 'row-of-bars' }, SHOWN.map(([n]) => bars[n].element), statedBars.element),
      h('label', { class: 'slider', 'data-control': 'temperature' }, t('normalize.temperature'), ' ', slider, ' ', h('bdi', { dir: 'ltr' }, 'T = ', temperatureValue)),
      flow.element, flowNote,
      h('div', { class: 'formula' }, tex('w_j = \\frac{e^{s_j / T}}{\\sum_i e^{s_i / T}}', { display: true })), worked,
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
        choice.querySelector('[data-stated-note]').textContent = t('normalize.statedNote', { token: ctx.tokens[0], normalizer: t(NORMALIZER_KEY[state.normalize]) });
        const soft = results.normalizers.softmax;
        const sum = results.normalizers.sum;
        if (soft.error) flow.fail(soft.error);
        else {
          const rows = [{ label: t('normalize.rowScores'), values: soft.scores[0] }, { label: t('normalize.rowPowers'), values: soft.exponentials[0] },
            { label: t('normalize.rowSoftmax', { temperature: fmt(state.temperature, 2) }), values: soft.weights[0] }];
          if (!sum.error) rows.push({ label: t('normalize.rowSum'), values: sum.weights[0] });
          const outside = (r, i) => r === 3 && (rows[3].values[i] < 0 || rows[3].values[i] > 1);
          flow.set(rows, { cellClass: (r, i) => `token-${i} ${outside(r, i) ? 'bad' : ''}` });
        }
        replace(flowNote, soft.error ? '' : [rich('normalize.flowSoftmax', { total: num(results.exponentialSum, { 'data-exponential-sum': '' }) }), ' '],
        sum.error ? rich('normalize.flowNoSum', { reason: sum.error })
          : results.scoreSum === null ? '' : rich(results.scoreSum < 0 ? 'normalize.flowSumNegative' : 'normalize.flowSum', { total: num(results.scoreSum, { 'data-score-sum': '' }) }));
        if (soft.error) replace(worked, problem(soft.error));
        else replace(worked, softmaxWorked(ctx.tokens, soft, state.temperature));
        const notes = [];
        if (!sum.error && results.scoreSum < 0) notes.push(reversed(ctx.tokens, soft.scores[0], sum.weights[0], results.scoreSum));
        if (sum.error) {
          notes.push(rich('normalize.sumFails', { reason: sum.error }));
        } else if (sum.weights[0].some((w) => w < 0 || w > 1)) {
          const bad = sum.weights[0].map((w, j) => [w, j]).filter(([w]) => w < 0 || w > 1);
          notes.push(rich('normalize.outside', { weights: list(bad.map(([w, j]) => t('normalize.aWeightOf', { token: ctx.tokens[j], weight: fmt(w) }))) }));
        }
        replace(warnings, notes.map((n) => h('p', { class: 'problem', 'data-claim': 'divide-by-sum-warning' }, n)));
      },
    };
  },
};
