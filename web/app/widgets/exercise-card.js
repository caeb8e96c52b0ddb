// One exercise as the reader sees it: a prediction (commit an answer, then the engine's answer
// and why, recomputed on every edit) or a challenge (a goal checked live, a hint, a "show me"
// that walks the unlocked cells to the goal, and a link). The element carries
// data-exercise="predict|challenge", data-exercise-id and data-state="open|answered|done".
import { h, replace } from '../dom.js';
import { capital, fmt } from '../text.js';
import { ANSWERS, answer, cellValues, check, correct, environment, explain, standing, withCells } from '../exercises/vocabulary.js';
import { settle, solve } from '../exercises/solve.js';
import { readable, t } from '../i18n/core.js';
import { rich } from '../i18n/render.js';

const REDUCED_MOTION = matchMedia('(prefers-reduced-motion: reduce)');
const FRAME_MS = 90;       // one frame of the "show me" walk
const FRAMES_PER_STEP = 4; // frames drawn between two of the solver's steps

// An answer as the page shows it: a number in the language's conventions, an option by its name.
const OPTION = { up: 'exercises.up', down: 'exercises.down', 'no change': 'exercises.noChange', positive: 'exercises.positive', negative: 'exercises.negative', zero: 'exercises.zero' };
const optionName = (o) => (OPTION[o] ? t(OPTION[o]) : /^[123]$/.test(o) ? t('widgets.entry', { entry: o }) : o);
const shown = (x) => (typeof x === 'number' ? fmt(x) : optionName(x));
const shownGiven = (given) => (Number.isFinite(Number(given)) && !/^[123]$/.test(given) ? fmt(Number(given)) : optionName(given));

// The fields a solver's state changes (the challenge's cells, and the mode for token vectors).
function patchFrom(state, cells) {
  const keys = new Set(cells.map((c) => c.field));
  if (keys.has('embeddings')) keys.add('mode');
  return Object.fromEntries([...keys].map((k) => [k, state[k]]));
}

// A frame between two states: each unlocked cell a fraction t of the way in a straight line.
function between(from, to, cells, t) {
  const [a, b] = [cellValues(from, cells), cellValues(to, cells)];
  return patchFrom(withCells(to, cells, a.map((x, i) => settle(cells[i], x + (b[i] - x) * t))), cells);
}

export class ExerciseCard {
  // exercise: read by vocabulary.js; ctx: the controller's context; progress: a Progress;
  // onResult({ exercise, kind, result, correct? }) when a result is new; link: the href of a
  // link to this exercise (null: none)
  constructor({ exercise, ctx, progress, onResult = () => {}, link = null }) {
    this.exercise = exercise;
    this.ctx = ctx;
    this.progress = progress;
    this.onResult = onResult;
    const predict = exercise.kind === 'predict';
    // the state recorded so far, there from the start (a course page may read it before the panel opens)
    const saved = progress.get(exercise.id);
    const state = saved === 'done' ? 'done' : saved && predict ? 'answered' : 'open';
    this.element = h('div', {
      class: 'exercise', id: `exercise-${exercise.id}`, 'data-exercise': exercise.kind, 'data-exercise-id': exercise.id, 'data-state': state,
    }, h('p', { class: 'exercise-question' }, h('strong', { class: 'exercise-kind' }, t(predict ? 'exercises.predict' : 'exercises.challenge'), ' '),
      predict ? exercise.question : exercise.title));
    if (predict) this.#prediction();
    else this.#challenge(link);
  }

  #record(result, extra = {}) {
    if (this.progress.record(this.exercise.id, result)) this.onResult({ exercise: this.exercise.id, kind: this.exercise.kind, result, ...extra });
  }

  #env(state = this.ctx.state()) {
    return environment(this.ctx.engine, this.ctx.example, state);
  }

  #prediction() {
    const { exercise } = this;
    this.given = null;
    this.reveal = h('div', { class: 'exercise-reveal', role: 'status', 'aria-live': 'polite' });
    const commit = (given) => {
      this.given = given;
      const right = answer(this.#env(), exercise);
      this.#record('answered', right.error ? {} : { correct: correct(exercise, given, right) });
      this.render(this.ctx.state());
    };
    const options = ANSWERS[exercise.as];
    let choices;
    if (options) {
      choices = h('div', { class: 'exercise-options', role: 'group', 'aria-label': t('exercises.yourAnswer') },
        options.map((o) => h('button', { type: 'button', 'data-answer': o, onclick: () => commit(o) }, optionName(o))));
    } else {
      const box = h('input', { type: 'text', inputmode: 'decimal', size: '6', autocomplete: 'off', 'aria-label': t('exercises.yourNumber') });
      const message = h('span', { class: 'cell-message', role: 'status' });
      const read = () => {
        const text = readable(box.value.trim()).replace(/\u2212/g, '-');
        if (text === '' || !Number.isFinite(Number(text))) replace(message, t('exercises.typeNumber'));
        else {
          replace(message);
          commit(text);
        }
      };
      box.addEventListener('keydown', (e) => { if (e.key === 'Enter') read(); });
      choices = h('div', { class: 'exercise-options' }, box, ' ', h('button', { type: 'button', 'data-answer': '', onclick: read }, t('exercises.check')), ' ', message);
    }
    this.element.append(choices, this.reveal);
  }

  #challenge(link) {
    this.status = h('p', { class: 'exercise-status', role: 'status', 'aria-live': 'polite' });
    this.hint = h('p', { class: 'exercise-hint note', hidden: true }, this.exercise.hint);
    this.solution = h('p', { class: 'exercise-solution', role: 'status', 'aria-live': 'polite' });
    this.showMe = h('button', { type: 'button', class: 'show-me', 'data-control': 'show-me', onclick: () => this.#showMe() }, t('exercises.showMe'));
    this.element.append(this.status, h('p', { class: 'exercise-actions' },
      this.exercise.hint ? h('button', { type: 'button', class: 'exercise-hint-button', 'data-control': 'hint', onclick: () => { this.hint.hidden = false; } }, t('exercises.hint')) : null, ' ',
      this.showMe, ' ',
      link ? h('a', { class: 'exercise-link', href: link }, t('exercises.link')) : null),
    this.hint, this.solution);
  }

  // Gradient descent with the engine from the current numbers; the cells walk there frame by
  // frame (at once when the reader prefers less motion).
  #showMe() {
    const start = this.ctx.state();
    const result = solve((state) => this.#env(state), this.exercise, start);
    if (result.impossible) {
      replace(this.solution, result.impossible);
      this.solution.dataset.result = 'impossible';
      return;
    }
    if (!result.done) {
      replace(this.solution, t('exercises.stuck'));
      this.solution.dataset.result = 'stuck';
      return;
    }
    const steps = result.path.length;
    if (steps === 0) {
      replace(this.solution, t('exercises.alreadyDone'));
      this.solution.dataset.result = 'solved';
      return;
    }
    const frames = REDUCED_MOTION.matches ? [patchFrom(result.path.at(-1), this.exercise.cells)]
      : result.path.flatMap((to, i) => Array.from({ length: FRAMES_PER_STEP }, (_, f) => between(i ? result.path[i - 1] : start, to, this.exercise.cells, (f + 1) / FRAMES_PER_STEP)));
    frames[frames.length - 1] = patchFrom(result.path.at(-1), this.exercise.cells);   // the solver's own last numbers
    this.showMe.disabled = true;
    this.solution.dataset.result = 'walking';
    replace(this.solution, t('exercises.walking', { count: steps }));
    const next = () => {
      const refused = this.ctx.update(frames.shift());
      if (refused || frames.length === 0) {
        this.showMe.disabled = false;
        this.solution.dataset.result = refused ? 'refused' : 'solved';
        if (refused) replace(this.solution, t('exercises.stopped', { reason: refused }));
        return;
      }
      setTimeout(next, FRAME_MS);
    };
    next();
  }

  // Redraws from the state: a prediction's answer and a challenge's status, from the engine.
  render(state) {
    const env = this.#env(state);
    const saved = this.progress.get(this.exercise.id);
    if (this.exercise.kind === 'predict') {
      if (!saved) {   // not answered yet, or the progress was reset
        this.given = null;
        this.element.dataset.state = 'open';
        for (const b of this.element.querySelectorAll('button[data-answer]')) b.removeAttribute('aria-pressed');
        replace(this.reveal);
        return;
      }
      this.element.dataset.state = 'answered';
      const right = answer(env, this.exercise);
      if (right.error) {
        replace(this.reveal, h('p', { class: 'problem' }, t('exercises.noAnswer', { reason: right.error })));
        return;
      }
      const ok = this.given === null ? null : correct(this.exercise, this.given, right);
      for (const b of this.element.querySelectorAll('button[data-answer]')) b.setAttribute('aria-pressed', String(b.dataset.answer === this.given));
      replace(this.reveal,
        h('p', {},
          this.given === null ? null : [rich('exercises.youSaid', { given: shownGiven(this.given),
            verdict: h('strong', { class: ok ? 'right' : 'wrong', 'data-correct': String(ok) }, t(ok ? 'exercises.right' : 'exercises.notQuite')) }), ' '],
          rich('exercises.engineAnswer', { answer: h('strong', { 'data-engine-answer': String(right.value) }, shown(right.value)) })),
        h('p', { class: 'exercise-why' }, right.text));
      return;
    }
    const result = check(env, this.exercise);
    if (result.done) this.#record('done');
    this.element.dataset.state = this.progress.get(this.exercise.id) === 'done' ? 'done' : 'open';
    this.status.dataset.done = String(result.done);
    // why it holds once it does; before that only where it stands (a reason would give the
    // step's prediction away)
    replace(this.status, result.error ? t('exercises.notYetBecause', { reason: capital(result.error) })
      : result.done ? [h('strong', {}, t('exercises.done')), ' ', explain(env, this.exercise.goal)]
        : [h('strong', {}, t('exercises.notYet')), ' ', standing(this.exercise, result)]);
  }
}
