// Printing. Any print first draws the figures still waiting for their section to be seen; the
// page's print stylesheet (styles.css, @media print) then gives one step per page without controls.
// "Print a worksheet" prints instead the worksheet (worksheet.js, loaded when asked), with the
// chosen steps' results left blank and an answer key at the end. The options are made when the
// disclosure is first opened: they list the steps that have a program (numpy-steps.js), which the
// page's first load does not carry.
import { h } from '../dom.js';
import { drawPending } from '../widgets/when-seen.js';
import { worksheetQuestions } from '../exercises/worksheet-questions.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

export function mountPrinting(controller) {
  addEventListener('beforeprint', drawPending);
  addEventListener('afterprint', () => {
    document.body.classList.remove('printing-worksheet');
    document.getElementById('worksheet')?.remove();
  });
  const options = document.getElementById('print-options');
  if (!options) return;
  const fill = () => {
    options.removeEventListener('toggle', fill);
    import('../code/numpy-steps.js').then(({ STEP_NUMBERS }) => options.append(...printOptions(controller, STEP_NUMBERS)),
      () => options.append(h('p', { class: 'problem' }, t('print.loadFailed'))));
  };
  options.addEventListener('toggle', fill);
}

// The disclosure's contents (its summary is in the page's HTML, so the page does not move when
// they are made): the steps to leave blank and the button.
function printOptions(controller, STEPS) {
  const boxes = STEPS.map((step) => h('input', { type: 'checkbox', 'data-blank-step': step, checked: step > 1 }));
  const status = h('span', { class: 'hint', role: 'status' });
  const print = async () => {
    const { buildWorksheet } = await import('./worksheet.js');
    const section = (step) => document.querySelector(`main > section:nth-of-type(${step})`);
    const titles = Object.fromEntries(STEPS.map((step) => [step, section(step).querySelector('h2').textContent.replace(/^\s*\d+\s*/, '')]));
    const blank = new Set(boxes.filter((b) => b.checked).map((b) => Number(b.dataset.blankStep)));
    document.getElementById('worksheet')?.remove();
    const { engine, example } = controller;
    // each step's predictions become questions with space to answer, answered in the key
    const questions = (step, state) => worksheetQuestions(engine, example, section(step).id, state);
    document.body.append(buildWorksheet({ engine, example, state: controller.current, titles, blank, questions }));
    document.body.classList.add('printing-worksheet');
    status.textContent = t('print.ready');
    window.print();
  };
  return [
    h('p', { class: 'note' }, rich('print.about')),
    h('fieldset', {}, h('legend', {}, t('print.blankLegend')),
      boxes.map((box, i) => h('label', { class: 'blank-choice' }, box, ' ', t('print.step', { step: STEPS[i] })))),
    h('p', {}, h('button', { type: 'button', 'data-print-worksheet': '', onclick: print }, t('print.print')), ' ', status)];
}
