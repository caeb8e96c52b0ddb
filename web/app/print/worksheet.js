// The printable worksheet: one sheet per step (1–9) with its title, its formula, the numbers it
// starts from and the numbers it finds, each either written in or left as empty boxes for a
// student to fill; then an answer key with every number found. The numbers are compute()'s, read
// through numpy-steps.js (the module that knows what each step computes), so the worksheet, the
// page and the code agree. Built only when the reader asks to print it.
import { compute } from '../compute.js';
import { h } from '../dom.js';
import { fmt } from '../text.js';
import { STEP_NUMBERS, stepFormula, stepNumbers } from '../code/numpy-steps.js';
import { tex } from '../math.js';
import { t } from '../i18n/core.js';

const rows = (x) => (Array.isArray(x) ? (Array.isArray(x[0]) ? x : [x]) : [[x]]);

// A named number, vector or matrix as a small table; blank: boxes instead of the numbers.
function table(name, value, blank = false) {
  return h('table', { class: `worksheet-numbers${blank ? ' blank' : ''}`, 'data-name': name, dir: 'ltr' },
    h('caption', {}, name),
    h('tbody', {}, rows(value).map((r) => h('tr', {}, r.map((x) => h('td', blank ? {} : { 'data-value': String(x) }, blank ? '' : fmt(x)))))));
}

const tables = (numbers, blank) => h('div', { class: 'worksheet-tables' }, Object.entries(numbers).map(([name, value]) => table(name, value, blank)));

// engine, example, state: the page's; titles[step]: the step's title as the page heads it;
// blank: the steps whose results are left for the student; questions(step, state) -> [{ question,
// answer }]: more questions for a step (the page passes its predictions), each given a space to
// answer in and its answer in the key.
export function buildWorksheet({ engine, example, state, titles, blank, questions = () => [] }) {
  const results = compute(engine, example, state);
  const sheets = [], key = [];
  for (const step of STEP_NUMBERS) {
    const numbers = stepNumbers(step, results, { engine, example, state });
    const heading = t('print.heading', { step, title: titles[step] });
    if (numbers.error) {
      sheets.push(h('article', { class: 'worksheet-sheet', 'data-sheet': step }, h('h2', {}, heading), h('p', {}, t('print.noNumbers', { reason: numbers.error }))));
      continue;
    }
    const { given, found, using } = numbers;
    const asked = questions(step, state);
    const open = blank.has(step);
    sheets.push(h('article', { class: 'worksheet-sheet', 'data-sheet': step },
      h('h2', {}, heading),
      h('div', { class: 'worksheet-formula' }, tex(stepFormula(step), { display: true })),
      using ? h('p', {}, t('print.weights', { using })) : null,
      Object.keys(given).length ? [h('h3', {}, t('print.given')), tables(given, false)] : null,
      h('h3', {}, t(open ? 'print.workOut' : 'print.results')),
      tables(found, open),
      asked.map(({ question }) => h('div', { class: 'worksheet-question' }, h('p', {}, question), h('div', { class: 'answer-space' })))));
    key.push(h('section', { class: 'worksheet-key-step' }, h('h3', {}, heading), tables(found, false),
      asked.map(({ question, answer }) => h('p', {}, h('strong', {}, question), ' ', h('span', { 'data-answer': '' }, answer)))));
  }
  return h('div', { id: 'worksheet', class: 'worksheet' }, sheets,
    h('article', { class: 'worksheet-sheet worksheet-key', 'data-sheet': 'key' }, h('h2', {}, t('print.key')), key));
}
