// The page's whole editable state: one object, described by a property table and mirrored in
// the URL hash (as tensorflow/playground's state.ts) so that a link reproduces the view.
// Defaults come from the engine's worked example, never from constants typed here.

export const LIMIT = 1e6;            // the largest magnitude a cell accepts
const MAX_HASH = 4000;               // longer hashes are not parsed at all

const matrix = (rows, cols) => ({ kind: 'matrix', rows, cols });
export const FIELDS = {
  mode: { kind: 'enum', values: ['direct', 'projected'] },   // type q, k, v directly, or X·W
  embeddings: matrix(3, 3),          // token vectors A, B, C (used when mode = projected)
  wq: matrix(3, 3),                  // in direct mode row i of W is token i's q / k / v
  wk: matrix(3, 3),
  wv: matrix(3, 3),
  normalize: { kind: 'enum', values: ['sum', 'softmax', 'scaled-softmax'] },
  stated: { kind: 'boolean' },       // section 5 uses the explanation's weights 0.1, 0.4, 0.5
  temperature: { kind: 'number', min: 0.05, max: 20 },
  causal: { kind: 'boolean' },
  target: matrix(1, 3),              // what A's output should have been
  learningRate: { kind: 'number', min: 0.001, max: 5 },
  learn: { kind: 'set', values: ['wq', 'wk', 'wv'] },
  embeddingRate: { kind: 'number', min: 0.001, max: 5 },   // step size for the token vectors (step 9)
  epsilon: { kind: 'number', min: 1e-8, max: 1 },
  // The live training demo (step 10): config, seed, how far to train and how far it got.
  demoLearningRate: { kind: 'number', min: 1e-5, max: 1000 },
  demoHeads: { kind: 'integer', min: 1, max: 4 },
  demoD: { kind: 'integer', min: 4, max: 64 },
  demoSeed: { kind: 'integer', min: 0, max: 2 ** 31 },
  demoMlp: { kind: 'boolean' },
  demoBig: { kind: 'boolean' },      // the bigger model: BIG_MODEL in sections/training.js
  demoAttention: { kind: 'boolean' },
  demoSteps: { kind: 'integer', min: 1, max: 100000 },
  demoStep: { kind: 'integer', min: 0, max: 100000 },
  demoText: { kind: 'text', maxLength: 200 },
};

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
    demoText: sentence,
  };
}

// A cell's text -> { value } or { error } (the message the cell shows).
export function parseCell(text) {
  const trimmed = String(text).trim().replace(/\u2212/g, '-');
  if (trimmed === '') return { error: 'empty: type a number' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
    if (/^[-+]?infinity$/i.test(trimmed)) return { error: 'infinity is not allowed: type a finite number' };
    return { error: `“${trimmed.slice(0, 12)}” is not a number` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'too large: not a finite number' };
  if (Math.abs(value) > LIMIT) return { error: `too large: keep it within ±${LIMIT.toExponential(0).replace('e+', 'e')}` };
  return { value };
}

function encodeValue(spec, value) {
  switch (spec.kind) {
    case 'matrix': return value.map((row) => row.join(',')).join(';');
    case 'set': return value.join(',');
    case 'boolean': return value ? '1' : '0';
    default: return String(value);
  }
}

function decodeValue(key, spec, text) {
  const fail = (why) => { throw new Error(`${key}: ${why}`); };
  switch (spec.kind) {
    case 'enum':
      if (!spec.values.includes(text)) fail('unknown choice');
      return text;
    case 'boolean':
      if (text !== '0' && text !== '1') fail('expected 0 or 1');
      return text === '1';
    case 'number':
    case 'integer': {
      const { value, error } = parseCell(text);
      if (error) fail(error);
      if (value < spec.min || value > spec.max) fail(`outside ${spec.min}…${spec.max}`);
      if (spec.kind === 'integer' && !Number.isInteger(value)) fail('expected a whole number');
      return value;
    }
    case 'text':
      if (text.length > spec.maxLength) fail('too long');
      return text;
    case 'set': {
      const items = text === '' ? [] : text.split(',');
      if (!items.every((x) => spec.values.includes(x)) || new Set(items).size !== items.length) fail('unknown entry');
      return spec.values.filter((v) => items.includes(v));
    }
    case 'matrix': {
      const rows = text.split(';').map((row) => row.split(','));
      if (rows.length !== spec.rows || rows.some((r) => r.length !== spec.cols)) fail(`expected ${spec.rows}x${spec.cols} numbers`);
      return rows.map((row) => row.map((cell) => {
        const { value, error } = parseCell(cell);
        if (error) fail(error);
        return value;
      }));
    }
    default:
      return fail('unknown field');
  }
}

// state -> "mode=projected&wq=1,2,-1;…" holding only what differs from the defaults.
export function encode(state, base) {
  const params = new URLSearchParams();
  for (const [key, spec] of Object.entries(FIELDS)) {
    const text = encodeValue(spec, state[key]);
    if (text !== encodeValue(spec, base[key])) params.set(key, text);
  }
  return params.toString();
}

// hash -> { state } or { state: defaults, error } when any part cannot be read ("could not be
// read (wk: …)"): settings are either understood whole or not used at all. Unknown keys are
// errors too.
export function decode(hash, base) {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { state: structuredClone(base) };
  if (text.length > MAX_HASH) return { state: structuredClone(base), error: `are too long (${text.length} characters)` };
  try {
    const state = structuredClone(base);
    for (const [key, value] of new URLSearchParams(text)) {
      if (key === 'widget') continue;   // embed.html's choice of widget
      if (!Object.hasOwn(FIELDS, key)) throw new Error(`unknown setting “${key.slice(0, 20)}”`);
      state[key] = decodeValue(key, FIELDS[key], value);
    }
    return { state };
  } catch (error) {
    return { state: structuredClone(base), error: `could not be read (${error.message})` };
  }
}
