// The exercises on the page, loaded after the walkthrough is ready: each step's exercises in a
// collapsed panel under its widget, and the reader's progress (kept in this browser only) at the
// top with a reset.
import { h, replace } from './dom.js';
import { CATALOG } from './exercises/catalog.js';
import { readExercise } from './exercises/vocabulary.js';
import { Progress } from './exercises/progress.js';
import { exercisesPanel } from './widgets/exercises-panel.js';

// The catalog read by the vocabulary (tests/js/exercises.test.mjs reads every entry).
export function catalog() {
  return Object.fromEntries(Object.entries(CATALOG).map(([step, list]) => [step, list.map((d) => readExercise(d).value)]));
}

// localStorage, or null where the browser refuses it (storage turned off)
export function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function progressBar(progress, steps, redraw) {
  const all = Object.values(steps).flat();
  const ids = (kind) => all.filter((e) => e.kind === kind).map((e) => e.id);
  const text = h('span', { 'data-progress': '' });
  const bar = h('p', { class: 'exercise-progress' }, text, ' ',
    h('button', { type: 'button', class: 'reset-progress', onclick: () => { progress.reset(); redraw(); } }, 'Reset progress'));
  const draw = () => {
    const [p, c] = [ids('predict'), ids('challenge')];
    text.dataset.answered = String(progress.count(p));
    text.dataset.done = String(progress.count(c));
    replace(text, `Your exercises (kept in this browser only): ${progress.count(p)} of ${p.length} predictions answered, ${progress.count(c)} of ${c.length} challenges done.`);
  };
  progress.listeners.add(draw);
  draw();
  return bar;
}

export function mountExercises(controller) {
  const steps = catalog();
  const progress = new Progress(browserStorage());
  for (const [step, exercises] of Object.entries(steps)) {
    const widget = document.querySelector(`[data-widget="${step}"]`);
    if (!widget) continue;
    const container = h('div', { class: 'exercises-slot' });
    widget.after(container);
    controller.mount(exercisesPanel(step, exercises, { progress }), container);
  }
  // a reset of the progress redraws the cards (their states come from it)
  document.querySelector('.page-actions')?.after(progressBar(progress, steps, () => controller.render()));
  controller.render();
  document.body.dataset.exercises = 'ready';
}
