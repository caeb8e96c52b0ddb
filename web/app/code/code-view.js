// "Show the code" under each step: a disclosure holding the step's NumPy program for the numbers on
// the page now (steps 1–9), or under step 10 a script that trains the demo's model with NumPy, with
// Copy (and Download) buttons. The programs come from numpy-steps.js and numpy-training.js, loaded
// the first time a view opens, so the page's first load does not carry them.
import { download, h } from '../dom.js';
import { config } from '../training/run.js';
import { t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

// The training script for a state: a fresh model of the demo's config, made by the engine (its
// initial weights are the script's), and the corpus' training sentences.
function trainingText(engine, { trainingScript }, state) {
  const model = engine.createModel({ ...config(state), learningRate: state.demoLearningRate });
  try {
    return trainingScript(model.toJSON(), engine.corpus().train, state.demoSteps);
  } finally {
    model.dispose();
  }
}

function codeView(ctx, step) {
  const training = step === 10;
  const code = h('code', { translate: 'no' });   // the program and its comments stay English, like the code
  const pre = h('pre', { class: 'code', tabindex: '0', dir: 'ltr', lang: 'en', 'aria-label': t('code.label', { step }) }, code);
  const status = h('span', { class: 'hint', role: 'status' });
  let text = '', made = null, asked = 0;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = t('code.copied');
    } catch {
      getSelection().selectAllChildren(code);   // no clipboard here (a file:// page, a denied permission)
      status.textContent = t('code.notCopied');
    }
  };
  const element = h('details', { class: 'code-view', 'data-code-step': step },
    h('summary', {}, t(training ? 'code.showTraining' : 'code.show')),
    h('p', { class: 'note' }, rich(training ? 'code.aboutTraining' : 'code.aboutStep')),
    h('p', { class: 'code-actions' },
      h('button', { type: 'button', onclick: copy }, t('code.copy')), ' ',
      training ? h('button', { type: 'button', onclick: () => download('train.py', text, 'text/x-python') }, t('code.download')) : null, ' ',
      status),
    pre);
  // The program for the state now, while the view is open (the training script is remade only when
  // its config changes, not on every training step).
  const fill = async () => {
    if (!element.open) return;
    const ticket = ++asked;
    const state = ctx.state();
    const key = training ? JSON.stringify([config(state), state.demoLearningRate, state.demoSteps]) : null;
    if (training && key === made) return;
    const generator = await (training ? import('./numpy-training.js') : import('./numpy-steps.js'));
    if (ticket !== asked) return;   // a newer state arrived while the module loaded
    const next = training ? trainingText(ctx.engine, generator, state) : generator.stepCode(step, state, ctx.example);
    made = key;
    if (next !== text) {
      text = next;
      code.textContent = text;
      status.textContent = '';
    }
    element.dataset.ready = '';
  };
  element.addEventListener('toggle', fill);
  return { element, render: fill };
}

// The code view of step `step` (its section's widget in `container`), placed after the widget:
// [section, holder], for the controller to mount with the step's own widget and redraw with the page.
export function codeViewEntry(section, step, container) {
  const holder = h('div');
  container.after(holder);
  return [{ name: `${section.name}-code`, fields: [], create: (ctx) => codeView(ctx, step) }, holder];
}
