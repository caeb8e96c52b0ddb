// One exercise embedded with its widget (embed.html#widget=scores&exercise=b-wins, or the
// custom element's exercise="…" attribute), or an author's own challenge written as data
// (challenge='{"id":…}'). A challenge's other cells are read-only there and the tables it hides
// are not shown. A written challenge that does not read is reported where it would be, and not run.
import { h } from './dom.js';
import { readChallenge } from './exercises/vocabulary.js';
import { Progress } from './exercises/progress.js';
import { exercisesPanel } from './widgets/exercises-panel.js';
import { browserStorage } from './exercises-page.js';
import { readCatalog } from './exercises/read-catalog.js';
import { t } from './i18n/core.js';

// id: a catalog exercise's id (or null); written: an author's challenge as JSON text (or null).
// -> { exercise } | { error }
function chosen(id, written) {
  if (written !== null) {
    let data;
    try {
      data = JSON.parse(written);
    } catch {
      return { error: 'its text is not JSON data' };
    }
    const { value, error } = readChallenge(data);
    return error ? { error } : { exercise: value };
  }
  const exercise = Object.values(readCatalog()).flat().find((e) => e.id === id);
  return exercise ? { exercise } : { error: t('errors.noExercise', { id: id.slice(0, 40) }) };
}

// Mounts the exercise after `root` (the widget's container); onResult(message) hears each new
// result. Returns false when there is none to mount (neither id nor written given).
export function mountExercise({ controller, root, id, written, notify, onResult }) {
  if (!id && written === null) return false;
  const slot = h('div', { class: 'exercises-slot' });
  root.after(slot);
  const { exercise, error } = chosen(id, written);
  if (error) {
    slot.append(h('p', { class: 'problem', role: 'status', 'data-exercise-error': '' }, t('errors.challengeCannotRun', { reason: error })));
    notify(t('errors.challenge', { reason: error }));
    return true;
  }
  if (exercise.kind === 'challenge') {
    const free = (input) => exercise.cells.some((c) => c.field === input.dataset.field && `${c.row},${c.col}` === input.dataset.cell);
    for (const input of root.querySelectorAll('input[data-field][data-cell]')) input.readOnly ||= !free(input);
    for (const field of exercise.hide) {
      for (const input of root.querySelectorAll(`input[data-field="${field}"]`)) input.closest('.matrix-editor').classList.add('hidden-by-challenge');
    }
  }
  const progress = new Progress(browserStorage());
  controller.mount(exercisesPanel('exercise', [exercise], { progress, onResult, open: true, linkable: false }), slot);
  return true;
}
