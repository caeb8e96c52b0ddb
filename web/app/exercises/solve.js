// "Show me": finds cell values that reach a challenge's goal, with the engine. Gradient descent
// on the cells the challenge unlocks: the slope of the goal's gap is measured by nudging each
// cell and asking the engine again (as step 7's nudge does), a step goes downhill and is kept
// only if the gap shrank. Where no nudge of any unlocked cell changes the quantity at all, no
// edit of these cells can reach the goal, and the answer says so. No DOM.
import { FIELDS } from '../state.js';
import { cellValues, check, explain, withCells } from './vocabulary.js';
import { t } from '../i18n/core.js';

const MAX_STEPS = 200;
const NUDGE = 1e-4;
const PROBES = [0.5, 2, -0.5, -2];   // larger moves tried where the slope is flat

// How far past the threshold the solver aims, so the goal still holds once the numbers are rounded.
const margin = ({ goal }) => (goal.compare === 'is' ? 0.1 : Math.max(0.2 * Math.abs(goal.want), 0.005));

// A cell value as the page can hold it: 4 decimals, the temperature within its field's range.
export function settle(cell, x) {
  if (cell.field !== 'temperature') return Number(x.toFixed(4));
  const { min, max, parse } = FIELDS.temperature;
  return parse(String(Math.min(max, Math.max(min, x)))).value;
}

// makeEnv(state) -> env for vocabulary.check; returns { path: [state…] (each step's state, the
// last one reaching the goal), done, impossible (a sentence: why no edit can do it) | stuck }.
export function solve(makeEnv, challenge, start) {
  const { cells } = challenge;
  const aim = margin(challenge);
  const objective = (xs) => {
    const env = makeEnv(withCells(start, cells, xs));
    const result = check(env, challenge);
    return { f: result.gap + aim, done: result.done, env };
  };
  let x = cellValues(start, cells);
  let here = objective(x);
  const path = [];
  let rate = 0.5;
  for (let step = 0; step < MAX_STEPS && !(here.done && here.f <= 0); step++) {
    const slope = x.map((xi, i) => {
      const h = NUDGE * Math.max(1, Math.abs(xi));
      const there = objective(x.map((v, k) => (k === i ? v + h : v)));
      return Number.isFinite(there.f) && Number.isFinite(here.f) ? (there.f - here.f) / h : 0;
    });
    const length = Math.hypot(...slope);
    let next = null;
    if (length === 0) {
      // flat: try larger moves of each cell; if none changes the quantity, nothing can
      const tries = cells.flatMap((_, i) => PROBES.map((d) => x.map((v, k) => (k === i ? settle(cells[k], v + d) : v))));
      const best = tries.map((xs) => ({ xs, ...objective(xs) })).sort((a, b) => a.f - b.f)[0];
      if (!(best.f < here.f)) {
        const same = tries.every((xs) => objective(xs).f === here.f);
        return same ? { path, done: false, impossible: impossible(here.env, challenge) } : { path, done: false, stuck: true };
      }
      next = best;
    } else {
      for (; rate >= 1e-4; rate /= 2) {
        const xs = x.map((v, i) => settle(cells[i], v - (rate * slope[i]) / length));
        const there = objective(xs);
        if (there.f < here.f) {
          next = { xs, ...there };
          rate = Math.min(rate * 1.5, 2);
          break;
        }
      }
      if (!next) return { path, done: here.done, stuck: !here.done };
    }
    x = next.xs;
    here = next;
    path.push(withCells(start, cells, x));
  }
  if (here.done && path.length) {
    const round = tidy(objective, cells, x);
    if (round.some((v, i) => v !== x[i])) path.push(withCells(start, cells, round));
  }
  return { path, done: here.done, stuck: !here.done };
}

// The answer in round numbers where they still reach the goal (−1.5 rather than −1.2347, which a
// reader would take for a number that matters): each cell in turn, the coarsest of a whole
// number, a half, a tenth and a hundredth that still does.
function tidy(objective, cells, x) {
  const out = [...x];
  for (let i = 0; i < out.length; i++) {
    for (const unit of [1, 0.5, 0.1, 0.01]) {
      const xs = out.map((v, k) => (k === i ? settle(cells[k], Math.round(v / unit) * unit) : v));
      if (objective(xs).done) {
        out[i] = xs[i];
        break;
      }
    }
  }
  return out;
}

function impossible(env, challenge) {
  return `${t('exercises.impossible')} ${explain(env, challenge.goal)}`;
}
