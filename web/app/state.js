// The page's whole editable state: one object, described by a property table and mirrored in
// the URL hash so that a link reproduces the view.
// Defaults come from the engine's worked example, never from constants typed here.

import { CODES, PRERENDERED } from './i18n/languages.js';
import { list, readable, t } from './i18n/core.js';
import { fmt } from './text.js';

const LIMIT = 1e6;                   // the largest magnitude a cell accepts
const MAX_HASH = 4000;               // longer hashes are not parsed at all

// A number's text -> { value } or { error } (the message its box shows). −0 reads as 0, so a
// number always writes back as the text it was read from.
function readNumber(text) {
  const trimmed = readable(String(text).trim()).replace(/\u2212/g, '-');
  if (trimmed === '') return { error: t('state.empty') };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
    if (/^[-+]?infinity$/i.test(trimmed)) return { error: t('state.infinity') };
    return { error: t('state.notANumber', { text: trimmed.slice(0, 12) }) };
  }
  const value = Number(trimmed) + 0;
  return Number.isFinite(value) ? { value } : { error: t('state.notFinite') };
}

// A matrix cell's text -> { value } or { error }: a number within ±LIMIT.
export function parseCell(text) {
  const read = readNumber(text);
  if (Math.abs(read.value) > LIMIT) return { error: t('state.tooLarge', { limit: LIMIT.toExponential(0).replace('e+', 'e') }) };
  return read;
}

// The kinds of field. Each gives parse(text) -> { value } | { error }, the one reader of the
// field's text for the URL, every input, select, checkbox, attribute and embed setting, and
// format(value) -> text, its inverse.
const ok = (value) => ({ value });
const bad = (error) => ({ error });

function choice(values) {
  return { kind: 'enum', values, parse: (text) => (values.includes(text) ? ok(text) : bad(t('state.notOneOfChoice', { values: values.join(', ') }))), format: String };
}

const flag = {
  kind: 'boolean',
  parse: (text) => (text === '1' ? ok(true) : text === '0' ? ok(false) : bad(t('state.expectedFlag'))),
  format: (v) => (v ? '1' : '0'),
};

// min…max inclusive; integer: whole numbers only; digits: kept to that many significant digits
// (a slider's noise is not a setting); values: the only numbers allowed.
function number({ min, max, integer = false, digits = 0, values = null }) {
  return {
    kind: integer ? 'integer' : 'number', min, max, values,
    parse(text) {
      const { value: read, error } = readNumber(text);
      if (error) return bad(error);
      const value = digits ? Number(read.toPrecision(digits)) : read;
      if (integer && !Number.isInteger(value)) return bad(t('state.notWhole', { value: fmt(value, 12) }));
      if (values && !values.includes(value)) return bad(t('state.notOneOf', { value: fmt(value, 12), values: values.map((v) => fmt(v)).join(', ') }));
      if (value < min) return bad(t('state.below', { value: fmt(value, 12), min: fmt(min, 12) }));
      if (value > max) return bad(t('state.above', { value: fmt(value, 12), max: fmt(max, 12) }));
      return ok(value);
    },
    format: String,
  };
}

function matrix(rows, cols) {
  return {
    kind: 'matrix', rows, cols,
    parse(text) {
      const cells = text.split(';').map((row) => row.split(','));
      if (cells.length !== rows || cells.some((r) => r.length !== cols)) return bad(t('state.expectedMatrix', { rows, cols }));
      const value = [];
      for (const [r, row] of cells.entries()) {
        value.push([]);
        for (const [c, cell] of row.entries()) {
          const { value: x, error } = parseCell(cell);
          if (error) return bad(t('state.cell', { row: r + 1, entry: c + 1, reason: error }));
          value[r].push(x);
        }
      }
      return ok(value);
    },
    format: (v) => v.map((row) => row.join(',')).join(';'),
  };
}

// Leading and trailing spaces are not part of a sentence.
function text(maxLength) {
  return {
    kind: 'text', maxLength,
    parse: (text) => (text.trim().length > maxLength ? bad(t('state.tooLong', { count: maxLength })) : ok(text.trim())),
    format: String,
  };
}

// An exercise's id (exercises/vocabulary.js), or '' for none.
const exerciseId = {
  kind: 'text', maxLength: 40,
  parse: (text) => (text === '' || /^[a-z0-9][a-z0-9-]{0,39}$/.test(text) ? ok(text) : bad(t('state.exerciseId'))),
  format: String,
};

function set(values) {
  return {
    kind: 'set', values,
    parse(text) {
      const items = text === '' ? [] : text.split(',');
      if (!items.every((x) => values.includes(x)) || new Set(items).size !== items.length) return bad(t('state.expectedSome', { values: values.join(', ') }));
      return ok(values.filter((v) => items.includes(v)));
    },
    format: (v) => v.join(','),
  };
}

// The training demo's comparison run: null, or { setting, value, step } written
// "rate:0.05@200": the setting changed (rate, seed, d, heads, attention; see training/fork.js),
// its value, read by that field's own parser, and the step it forks from.
export const FORK_FIELDS = { rate: 'demoLearningRate', seed: 'demoSeed', d: 'demoD', heads: 'demoHeads', attention: 'demoAttention' };
const fork = {
  kind: 'fork',
  parse(text) {
    if (text === '') return ok(null);
    const parts = /^(\w+):([^@]*)@(\d{1,6})$/.exec(text);
    if (!parts || !Object.hasOwn(FORK_FIELDS, parts[1])) return bad(t('state.expectedFork', { settings: Object.keys(FORK_FIELDS).join(', ') }));
    const { value, error } = FIELDS[FORK_FIELDS[parts[1]]].parse(parts[2]);
    if (error) return bad(`${parts[1]}: ${error}`);
    const step = Number(parts[3]);
    if (step > FIELDS.demoStep.max) return bad(t('state.stepAbove', { step, max: FIELDS.demoStep.max }));
    return ok({ setting: parts[1], value, step });
  },
  format: (v) => (v ? `${v.setting}:${FIELDS[FORK_FIELDS[v.setting]].format(v.value)}@${v.step}` : ''),
};

// label: the catalogue key of how a notice names the field to the reader.
const field = (label, spec) => ({ label, ...spec });
export const FIELDS = {
  mode: field('state.mode', choice(['direct', 'projected'])),   // type q, k, v directly, or X·W
  embeddings: field('state.embeddings', matrix(3, 3)),               // used when mode = projected
  wq: field('state.wq', matrix(3, 3)),                             // in direct mode row i of W is token i's q / k / v
  wk: field('state.wk', matrix(3, 3)),
  wv: field('state.wv', matrix(3, 3)),
  normalize: field('state.normalize', choice(['sum', 'softmax', 'scaled-softmax'])),
  stated: field('state.stated', flag),                // section 5 uses the weights 0.1, 0.4, 0.5
  temperature: field('state.temperature', number({ min: 0.05, max: 20, digits: 3 })),
  causal: field('state.causal', flag),
  target: field('state.target', matrix(1, 3)),                          // what A's output should have been
  learningRate: field('state.learningRate', number({ min: 0.001, max: 5 })),
  learn: field('state.learn', set(['wq', 'wk', 'wv'])),
  embeddingRate: field('state.embeddingRate', number({ min: 0.001, max: 5 })),
  epsilon: field('state.epsilon', number({ min: 1e-8, max: 1 })),
  // The live training demo (step 10): config, seed, how far to train and how far it got.
  demoLearningRate: field('state.demoLearningRate', number({ min: 1e-5, max: 1000 })),
  demoHeads: field('state.demoHeads', number({ min: 1, max: 4, integer: true })),
  demoD: field('state.demoD', number({ min: 8, max: 32, integer: true, values: [8, 12, 16, 24, 32] })),
  demoSeed: field('state.demoSeed', number({ min: 0, max: 2 ** 31, integer: true })),
  demoMlp: field('state.demoMlp', flag),
  demoBig: field('state.demoBig', flag),   // BIG_MODEL in training/run.js
  demoAttention: field('state.demoAttention', flag),
  demoSteps: field('state.demoSteps', number({ min: 1, max: 100000, integer: true })),
  demoStep: field('state.demoStep', number({ min: 0, max: 100000, integer: true })),
  demoView: field('state.demoView', number({ min: -1, max: 100000, integer: true })),   // the scrubber; −1: the newest
  demoFork: field('state.demoFork', fork),
  demoPace: field('state.demoPace', number({ min: 0, max: 120, integer: true, values: [0, 10, 30, 120] })),   // steps/s; 0: as fast as it goes
  demoText: field('state.demoText', text(200)),
  exercise: field('state.exercise', exerciseId),   // the exercise a link opens
  lang: field('state.lang', choice(CODES)),   // the page's language (i18n/languages.js); boot.js reads it from the link
};

// One field's text -> { value } | { error }; unknown fields are errors.
export function parseField(key, text) {
  if (!Object.hasOwn(FIELDS, key)) return bad(t('state.unknown', { key: String(key).slice(0, 20) }));
  return FIELDS[key].parse(String(text));
}

// What each kind of field holds, named in the reader's language (for state.wrongKind).
const KIND_NAMES = {
  enum: 'state.kindEnum', boolean: 'state.kindBoolean', integer: 'state.kindInteger', number: 'state.kindNumber',
  matrix: 'state.kindMatrix', text: 'state.kindText', set: 'state.kindSet', fork: 'state.kindFork',
};

// Why a value cannot be carried by a link (its text would not read back as the same text), or
// null when it can. The controller refuses a patch that fails this, so the page never writes a
// state it cannot read back.
export function unreadable(key, value) {
  if (!Object.hasOwn(FIELDS, key)) return t('state.unknown', { key: String(key).slice(0, 20) });
  let text;
  try {
    text = FIELDS[key].format(value);
  } catch {
    return t('state.wrongKind', { setting: t(FIELDS[key].label), kind: t(KIND_NAMES[FIELDS[key].kind]) });
  }
  const { value: back, error } = FIELDS[key].parse(text);
  if (error) return t('state.settingError', { setting: t(FIELDS[key].label), reason: error });
  return FIELDS[key].format(back) === text ? null : t('state.notReadBack', { setting: t(FIELDS[key].label), text });
}

// A test sentence up to and including "bank": the training demo asks what comes next.
export function demoSentence(sentence) {
  const words = sentence.split(' ');
  const bank = words.indexOf('bank');
  return (bank >= 0 ? words.slice(0, bank + 1) : words).join(' ');
}

// The defaults, all from the engine: its worked example (one source with the native tests) and
// its default model config and corpus for the training demo.
export function defaults(example, model, sentence) {
  return {
    mode: 'direct',
    embeddings: example.embeddings,
    wq: example.wq,
    wk: example.wk,
    wv: example.wv,
    normalize: example.normalize,
    stated: false,
    temperature: example.temperature,
    causal: false,
    target: example.target,
    learningRate: example.learningRate,
    learn: ['wq', 'wk', 'wv'],
    embeddingRate: example.embeddingRate,
    epsilon: example.nudge,
    demoLearningRate: model.learningRate,
    demoHeads: model.heads,
    demoD: model.d,
    demoSeed: model.seed,
    demoMlp: model.mlp,
    demoBig: false,
    demoAttention: model.attention,
    demoSteps: 600,
    demoStep: 0,
    demoView: -1,
    demoFork: null,
    demoPace: 30,   // the climb to 95 % bank accuracy (about 130 steps) takes several seconds: slow enough to watch
    demoText: sentence,
    exercise: '',
    lang: PRERENDERED,
  };
}

// state -> "mode=projected&wq=1,2,-1;…" holding only what differs from the defaults.
export function encode(state, base) {
  const params = new URLSearchParams();
  for (const [key, spec] of Object.entries(FIELDS)) {
    const text = spec.format(state[key]);
    if (text !== spec.format(base[key])) params.set(key, text);
  }
  return params.toString();
}

// hash -> { state } or { state, error }. Every setting that reads is used; each one that does
// not (unknown, malformed, out of range) keeps its value in base, and error says in one line
// which were dropped and why: "dropped demoLearningRate, the training learning rate (0.000001
// is below 0.00001, the smallest allowed); kept every other setting". A hash too long to be a
// link this page wrote is not read at all.
export function decode(hash, base) {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const state = structuredClone(base);
  if (text === '') return { state };
  if (text.length > MAX_HASH) return { state, error: t('state.hashTooLong', { count: text.length }) };
  const dropped = new Map();   // one reason per setting, so the notice stays one line
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === 'widget') continue;   // embed.html's choice of widget
    const { value: read, error } = parseField(key, value);
    if (!error) state[key] = read;
    else if (!Object.hasOwn(FIELDS, key)) dropped.set('unknown', `${dropped.has('unknown') ? `${dropped.get('unknown')}, ` : ''}${error}`.slice(0, 80));
    else dropped.set(key, t('state.droppedOne', { key, setting: t(FIELDS[key].label), reason: error }));
  }
  return dropped.size ? { state, error: t('state.dropped', { settings: [...dropped.values()].join('; ') }) } : { state };
}
