// The exercises on the page: each step's exercises in a collapsed panel under its widget, mounted
// with the step, and the reader's progress (kept in this browser only) at the top with a reset.
import { h } from './dom.js';
import { readCatalog } from './exercises/read-catalog.js';
import { Progress, progressCounts, progressText } from './exercises/progress.js';
import { exercisesPanel } from './widgets/exercises-panel.js';

// localStorage, or null where the browser refuses it (storage turned off)
export function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// The progress line in the page's header, which the build writes with nothing done yet
// (scripts/lib/prerender.mjs), so the page does not move when this runs: its counts follow the
// reader's progress, and its button resets it (and redraws the cards, whose states come from it).
function followProgress(progress, steps, redraw) {
  const line = document.getElementById('exercise-progress');
  if (!line) return;
  const text = line.querySelector('[data-progress]');
  const draw = () => {
    const counts = progressCounts(steps, progress);
    text.dataset.answered = String(counts.answered);
    text.dataset.done = String(counts.done);
    text.textContent = progressText(counts);
  };
  line.querySelector('.reset-progress').addEventListener('click', () => { progress.reset(); redraw(); });
  progress.listeners.add(draw);
  draw();
}

// The page's exercises: the progress line followed, and for each step's section a collapsed panel
// placed under its widget: exercisesOf(section, container) → the [panel, slot] entries for
// Controller.attach (none for a step without exercises).
export function pageExercises(controller) {
  const steps = readCatalog();
  const progress = new Progress(browserStorage());
  followProgress(progress, steps, () => controller.render());
  return (section, container) => {
    if (!steps[section.name]) return [];
    const slot = h('div', { class: 'exercises-slot' });
    container.after(slot);
    return [[exercisesPanel(section.name, steps[section.name], { progress }), slot]];
  };
}
