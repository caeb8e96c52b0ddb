// Step 4: normalize (“normalise” in the page's prose). The same scores turned into weights by
// divide-by-sum, softmax and scaled softmax; softmax worked on the reader's scores; a temperature
// slider; what divide-by-sum does with negative or cancelling scores. A figure draws the scores
// becoming weights, both ways (softmax through its exponentials), so the bars move with the
// temperature.
import { fmt, h, num, replace } from '../dom.js';
import { tex } from '../math.js';
import { FIELDS } from '../state.js';
import { Bars } from '../widgets/bars.js';
import { Strips } from '../widgets/strips.js';
import { problem, resetButton } from './common.js';
import { NORMALIZER_NAME } from '../compute.js';

// One weight of softmax worked on the reader's scores: the largest, e^(s/T) over the sum.
function softmaxWorked(t, soft, temperature) {
  const s = soft.scores[0], w = soft.weights[0];
  const j = w.indexOf(Math.max(...w));
  const power = (x) => (temperature === 1 ? `e^{${fmt(x)}}` : `e^{${fmt(x)}/${fmt(temperature)}}`);
  return ['In words (w is a weight, s a score, Σ means “add up over every token”): ',
    'raise e (about 2.718) to the power of each score, then divide each result by their total. ',
    'The results are all positive and add up to one, and a larger score always gets a larger weight. ',
    `Here ${t[j]}’s weight is `, tex(`\\frac{${power(s[j])}}{${s.map(power).join(' + ')}}`), ' = ', num(w[j]), '.'];
}

// Divide-by-sum with a negative total: each weight is the score over a negative number, so the
// lowest score gets the largest weight.
function reversed(t, scores, weights, total) {
  const low = scores.indexOf(Math.min(...scores));
  return ['A’s scores add up to a negative number (', num(total), '), and dividing by it turns their order around: ',
    `${t[low]} has the lowest score (`, num(scores[low]), ') yet gets the most weight (', num(weights[low]), '). ',
    'Softmax always gives the highest score the most weight.'];
}

const SHOWN = [
  ['sum', 'divide by the sum (the explanation’s shortcut)'],
  ['softmax', 'softmax'],
  ['scaled-softmax', 'softmax of scores / √d'],
];

export default {
  name: 'normalize',
  title: 'normalize.title',   // catalogue key: the title an embed shows
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
      }), ' the explanation’s 0.1, 0.4, 0.5 ', h('span', { class: 'note', 'data-stated-note': '' })));
    const worked = h('p', { class: 'worked', 'data-claim': 'softmax-worked' });
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
    const flow = new Strips({ name: 'normalise', title: 'scores become weights: softmax against divide-by-sum (each row to its own scale)', columns: ctx.tokens, perRow: true });
    const flowNote = h('p', { class: 'figure-sentence' });
    const element = h('div', {},
      h('div', { class: 'row-of-bars' }, SHOWN.map(([n]) => bars[n].element), statedBars.element),
      h('label', { class: 'slider', 'data-control': 'temperature' }, 'temperature ', slider, ' T = ', temperatureValue),
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
        choice.querySelector('[data-stated-note]').textContent = `(A’s alone: steps 6, 7 and 9 then use ${NORMALIZER_NAME[state.normalize]})`;
        const soft = results.normalizers.softmax;
        const sum = results.normalizers.sum;
        if (soft.error) flow.fail(soft.error);
        else {
          const rows = [{ label: 'scores', values: soft.scores[0] }, { label: 'e^((s−top)/T)', values: soft.exponentials[0] },
            { label: `softmax, T=${fmt(state.temperature, 2)}`, values: soft.weights[0] }];
          if (!sum.error) rows.push({ label: 'or: ÷ by sum', values: sum.weights[0] });
          const outside = (r, i) => r === 3 && (rows[3].values[i] < 0 || rows[3].values[i] > 1);
          flow.set(rows, { cellClass: (r, i) => `token-${i} ${outside(r, i) ? 'bad' : ''}` });
        }
        replace(flowNote, soft.error ? '' : ['Softmax, the second and third rows: take the largest score (“top”) off every score, divide by T and raise e to that power. ',
          'The top score’s power is e⁰ = 1 and every other lies between 0 and 1. Then each is divided by their total, ', num(results.exponentialSum, { 'data-exponential-sum': '' }), '. ',
          'This is the formula below: every power of e here is the formula’s e^(s/T) divided by the same number, e^(top/T), which cancels when you divide by the total; it only keeps the powers small. '],
        sum.error ? `Divide-by-sum has no row: ${sum.error}.`
          : results.scoreSum === null ? '' : ['Divide-by-sum (last row) divides each score by their total, ', num(results.scoreSum, { 'data-score-sum': '' }),
            results.scoreSum < 0 ? ': a negative total turns the order around (red bars leave 0…1).' : '; softmax makes every number positive first.']);
        if (soft.error) replace(worked, problem(soft.error));
        else replace(worked, softmaxWorked(ctx.tokens, soft, state.temperature));
        const notes = [];
        if (!sum.error && results.scoreSum < 0) notes.push(reversed(ctx.tokens, soft.scores[0], sum.weights[0], results.scoreSum));
        if (sum.error) {
          notes.push(`Divide-by-sum fails on these scores: ${sum.error}. Softmax still works, whatever the scores.`);
        } else if (sum.weights[0].some((w) => w < 0 || w > 1)) {
          const bad = sum.weights[0].map((w, j) => [w, j]).filter(([w]) => w < 0 || w > 1);
          notes.push(`Divide-by-sum gives ${bad.map(([w, j]) => `${ctx.tokens[j]} a weight of ${fmt(w)}`).join(' and ')}: `
            + 'with a negative score the “weights” leave 0…1, so the output is no longer a blend of the values. '
            + 'Softmax keeps every weight positive.');
        }
        replace(warnings, notes.map((n) => h('p', { class: 'problem', 'data-claim': 'divide-by-sum-warning' }, n)));
      },
    };
  },
};
