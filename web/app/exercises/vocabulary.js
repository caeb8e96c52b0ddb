// The exercise vocabulary: how a prediction or a challenge is written as data (plain JSON, never
// code), read and checked against the engine's numbers. No DOM.
//
// A challenge:  { "id": "b-wins", "title": "Make B win A's attention", "hint": "…",
//                 "goal": { "quantity": "top", "by": "A", "is": "B" },   // or "above": 0.5 / "below": 0.5
//                 "cells": ["wk.B"],                                      // what may change
//                 "hide": ["wv"] }                                        // tables an embed does not show
// A prediction: { "id": "…", "question": "…", "answer": { "quantity": "weight-sum" }, "as": "number" }
// Quantities and their parameters are in quantities.js; README.md lists them.
import { fmt } from '../text.js';
import { FIELDS } from '../state.js';
import { QUANTITIES } from './quantities.js';
import { FOCUS, reason } from '../compute.js';
import { t } from '../i18n/core.js';

export const TOKENS = ['A', 'B', 'C'];
const NORMALIZERS = ['sum', 'softmax', 'scaled-softmax', 'hard'];
const MATRICES = ['wq', 'wk', 'wv', 'embeddings', 'target'];
export const ANSWERS = {   // how a prediction is answered: its options (null: a number is typed)
  number: null,
  token: TOKENS,
  entry: ['1', '2', '3'],
  direction: ['up', 'down', 'no change'],
  sign: ['positive', 'negative', 'zero'],
};
const MAX_TEXT = 300;

class Invalid extends Error {}
const fail = (message) => { throw new Invalid(message); };
const quote = (x) => (typeof x === 'string' ? `“${x.slice(0, 20)}”` : JSON.stringify(x)?.slice(0, 20) ?? String(x));
const oneOf = (what, x, list) => (list.includes(x) ? x : fail(`${what}: ${quote(x)} is not one of ${list.join(', ')}`));

function only(what, object, keys) {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) fail(`${what}: expected an object`);
  const extra = Object.keys(object).filter((k) => !keys.includes(k));
  if (extra.length) fail(`${what}: unknown ${quote(extra[0])} (expected ${keys.join(', ')})`);
  return object;
}

function words(what, x, required = true) {
  if (x === undefined && !required) return '';
  if (typeof x !== 'string' || x.trim() === '' || x.length > MAX_TEXT) fail(`${what}: expected text of 1 to ${MAX_TEXT} characters`);
  return x.trim();
}

function finite(what, x) {
  return typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= 1e6 ? x : fail(`${what}: expected a number, got ${quote(x)}`);
}

// One parameter's written value -> what the quantity computes with (tokens and entries as indexes).
const READ = {
  by: (x) => TOKENS.indexOf(oneOf('by', x, TOKENS)),
  of: (x) => TOKENS.indexOf(oneOf('of', x, TOKENS)),
  token: (x) => TOKENS.indexOf(oneOf('token', x, TOKENS)),
  entry: (x) => oneOf('entry', x, [1, 2, 3]) - 1,
  normalize: (x) => oneOf('normalize', x, NORMALIZERS),
  causal: (x) => (typeof x === 'boolean' ? x : fail('causal: expected true or false')),
  steps: (x) => (Number.isInteger(x) && x >= 1 && x <= 100 ? x : fail(`steps: expected a whole number from 1 to 100, got ${quote(x)}`)),
  temperature(x) {
    const { value, error } = FIELDS.temperature.parse(String(finite('temperature', x)));
    return error ? fail(`temperature: ${error}`) : value;
  },
};

// { quantity, ...params } -> { quantity, params } (params read), or throws Invalid.
function readQuantity(what, written, extraKeys) {
  const name = oneOf(`${what}.quantity`, written?.quantity, Object.keys(QUANTITIES));
  const spec = QUANTITIES[name];
  only(what, written, ['quantity', ...Object.keys(spec.params), ...extraKeys]);
  const params = { by: FOCUS };
  for (const [key, required] of Object.entries(spec.params)) {
    if (written[key] === undefined) {
      if (required) fail(`${what}: ${name} needs ${key}`);
    } else params[key] = READ[key](written[key]);
  }
  return { quantity: name, params };
}

// "wk" (every cell), "wk.B" (B's row), "wk.B.2" (one entry), "target.A.1", "temperature" ->
// [{ field, row, col }] (row and col null for a number).
function readCell(text) {
  if (text === 'temperature') return [{ field: 'temperature', row: null, col: null }];
  const [field, row, entry, ...rest] = String(text).split('.');
  if (!MATRICES.includes(field) || rest.length) fail(`cells: ${quote(text)} is not a cell (write e.g. “wk.B.2”, “wk.B”, “target” or “temperature”)`);
  const rows = field === 'target' ? ['A'] : TOKENS;
  const rs = row === undefined ? rows.map((_, r) => r) : [rows.indexOf(oneOf(`cells: ${text}`, row, rows))];
  const cs = entry === undefined ? [0, 1, 2] : [READ.entry(Number(entry))];
  return rs.flatMap((r) => cs.map((c) => ({ field, row: r, col: c })));
}

function readId(id) {
  if (typeof id !== 'string' || id === '' || FIELDS.exercise.parse(id).error) fail('id: expected lower-case letters, digits and dashes (at most 40)');
}

function wrap(parse) {
  return (data) => {
    try {
      return { value: parse(data) };
    } catch (error) {
      if (error instanceof Invalid) return { error: error.message };
      throw error;
    }
  };
}

// A written challenge -> { value: challenge } or { error } (a sentence: what is wrong, where).
export const readChallenge = wrap((data) => {
  only('challenge', data, ['id', 'title', 'hint', 'goal', 'cells', 'hide']);
  readId(data.id);
  const compares = ['above', 'below', 'is'].filter((k) => data.goal?.[k] !== undefined);
  if (compares.length !== 1) fail('goal: give exactly one of above, below or is');
  const [compare] = compares;
  const goal = readQuantity('goal', data.goal, [compare]);
  const kind = QUANTITIES[goal.quantity].kind;
  let want;
  if (compare === 'is') {
    if (kind === 'number') fail(`goal: ${goal.quantity} is a number: compare it with above or below`);
    want = kind === 'token' ? READ.token(data.goal.is) : READ.entry(data.goal.is);
  } else {
    if (kind !== 'number') fail(`goal: ${goal.quantity} is a ${kind}: compare it with is`);
    want = finite(`goal.${compare}`, data.goal[compare]);
  }
  if (!Array.isArray(data.cells) || data.cells.length === 0 || data.cells.length > 12) fail('cells: expected a list of 1 to 12 cells');
  const cells = data.cells.flatMap(readCell);
  const keys = new Set(cells.map((c) => `${c.field}.${c.row}.${c.col}`));
  if (keys.size !== cells.length) fail('cells: a cell is listed twice');
  const hide = data.hide ?? [];
  if (!Array.isArray(hide)) fail('hide: expected a list of tables (wq, wk, wv, embeddings, target)');
  hide.forEach((x) => oneOf('hide', x, MATRICES));
  if (cells.some((c) => hide.includes(c.field))) fail('hide: a table the challenge unlocks cannot be hidden');
  return {
    id: data.id, kind: 'challenge', title: words('title', data.title), hint: words('hint', data.hint, false),
    goal: { ...goal, compare, want }, cells, hide,
  };
});

// A written prediction -> { value: prediction } or { error }.
export const readPrediction = wrap((data) => {
  only('prediction', data, ['id', 'question', 'answer', 'as', 'tolerance']);
  readId(data.id);
  const as = oneOf('as', data.as, Object.keys(ANSWERS));
  const answer = readQuantity('answer', data.answer, []);
  const kind = QUANTITIES[answer.quantity].kind;
  if ((kind === 'number') !== ['number', 'direction', 'sign'].includes(as) || (kind !== 'number' && as !== kind)) {
    fail(`as: ${answer.quantity} is a ${kind} and cannot be answered as ${as}`);
  }
  const tolerance = data.tolerance === undefined ? 0.01 : finite('tolerance', data.tolerance);
  return { id: data.id, kind: 'predict', question: words('question', data.question), answer, as, tolerance };
});

// Either kind, told apart by its goal.
export const readExercise = (data) => (data?.goal === undefined ? readPrediction(data) : readChallenge(data));

// The engine's answer to a quantity, or { error } (the engine's reason) when it has none.
export function evaluate(env, { quantity, params }) {
  try {
    return { value: QUANTITIES[quantity].value(env, params) };
  } catch (error) {
    return { error: reason(error) };
  }
}

export function explain(env, { quantity, params }) {
  return QUANTITIES[quantity].explain(env, params);
}

// A challenge's goal on a state: { done, value } or { done: false, error }; `gap` measures how far
// it is from done (> 0 while not done), for the solver.
export function check(env, challenge) {
  const { goal } = challenge;
  const read = evaluate(env, goal);
  if (read.error) return { done: false, error: read.error, gap: Infinity };
  const x = read.value;
  const gap = goal.compare === 'above' ? goal.want - x
    : goal.compare === 'below' ? x - goal.want
      : QUANTITIES[goal.quantity].gap?.(env, goal.params, goal.want) ?? (x === goal.want ? -1 : 1);
  const done = goal.compare === 'is' ? x === goal.want && gap < 0 : gap < 0;
  return { done, value: x, gap };
}

// A prediction's right answer on a state: { value (an option, or the number), number, text }.
export function answer(env, prediction) {
  const read = evaluate(env, prediction.answer);
  if (read.error) return { error: read.error };
  const x = read.value;
  const options = ANSWERS[prediction.as];
  const value = prediction.as === 'number' ? x
    : ['direction', 'sign'].includes(prediction.as) ? options[x > 0 ? 0 : x < 0 ? 1 : 2]   // up / positive, down / negative, neither
      : options[x];
  return { value, number: x, text: explain(env, prediction.answer) };
}

// Whether a reader's answer (an option, or typed text read as a number) is right.
export function correct(prediction, given, right) {
  if (prediction.as !== 'number') return given === right.value;
  return Math.abs(Number(given) - right.value) <= prediction.tolerance;
}

// Where a challenge stands, in one short sentence that gives nothing away ("Now 0.2; the goal:
// below 0", "Now C comes first; the goal: B first"). result: check()'s answer.
export function standing({ goal }, result) {
  const kind = QUANTITIES[goal.quantity].kind;
  const label = (x) => (kind === 'token' ? TOKENS[x] : kind === 'entry' ? t('widgets.entry', { entry: x + 1 }) : fmt(x));
  if (goal.compare === 'is') {
    const tie = result.value === goal.want && !result.done;
    return t(tie ? 'exercises.standingTie' : 'exercises.standingFirst', { now: label(result.value), goal: label(goal.want) });
  }
  return t(goal.compare === 'above' ? 'exercises.standingAbove' : 'exercises.standingBelow', { now: label(result.value), goal: label(goal.want) });
}

// The state after setting cells: the values in order of `cells`; editing a token vector makes the
// page compute q, k and v from the tokens (as step 1 does).
export function withCells(state, cells, values) {
  const next = { ...state };
  cells.forEach((cell, i) => {
    if (cell.row === null) next[cell.field] = values[i];
    else {
      if (next[cell.field] === state[cell.field]) next[cell.field] = state[cell.field].map((row) => [...row]);
      next[cell.field][cell.row][cell.col] = values[i];
    }
  });
  if (cells.some((c) => c.field === 'embeddings')) next.mode = 'projected';
  return next;
}

export function cellValues(state, cells) {
  return cells.map((c) => (c.row === null ? state[c.field] : state[c.field][c.row][c.col]));
}

// What quantities are computed from: the engine, its worked example and one page state.
export function environment(engine, example, state) {
  return { engine, example, state, memo: new Map() };
}
