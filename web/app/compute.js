// Everything the walkthrough shows, computed by the engine from the page state. No DOM here:
// sections only draw what this returns. An engine error in one part is kept as that part's
// `error` (its message in the reader's words) and does not stop the other parts.
import { fmt } from './text.js';
import { t, template } from './i18n/core.js';

export const FOCUS = 0;   // token A is "the token being worked on"
const NORMALIZERS = ['sum', 'softmax', 'scaled-softmax', 'hard'];
// What each way of normalising is called in the code's comments (English, like the code) …
export const NORMALIZER_NAME = { sum: 'divide-by-sum', softmax: 'softmax', 'scaled-softmax': 'softmax of the scores / √d', hard: 'hard attention' };
// … and its catalogue key, for the text.
export const NORMALIZER_KEY = { sum: 'widgets.normalizer.sum', softmax: 'widgets.normalizer.softmax', 'scaled-softmax': 'widgets.normalizer.scaled', hard: 'widgets.normalizer.hard' };

// What the reader is told of an engine error. One a reader can cause has a code and its sentence
// in the catalogue (engine.<code>, the codes listed in i18n/families.js), its numbers written the
// language's way; any other is the engine's own sentence ("the scores of A add up to 0, …"),
// without the name of the operation that a JS caller's message starts with (also where no
// catalogue is loaded, as in Node).
const NUMBER = /^-?[0-9.]+(e[-+]?[0-9]+)?$/;
export function reason(error) {
  const key = `engine.${error.code}`;
  if (!error.code || template(key) === key) return error.reason ?? error.message;   // no catalogue (Node), or no words for it
  const params = Object.fromEntries(Object.entries(error.params).map(([name, value]) => [name, NUMBER.test(value) ? fmt(Number(value)) : value]));
  return t(key, params);
}

function identity(n) {
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
}

function attempt(f) {
  try {
    return f();
  } catch (error) {
    return { error: reason(error) };
  }
}

// The inputs of self-attention for a state: in direct mode the tokens are one-hot, so row i of
// each W is token i's query, key or value exactly as the reader typed it.
export function inputs(state) {
  return {
    embeddings: state.mode === 'direct' ? identity(state.wq.length) : state.embeddings,
    wq: state.wq,
    wk: state.wk,
    wv: state.wv,
  };
}

// Steps 7-9's learning problem; `tokens` name the queries in the engine's messages ("A").
export function learningArgs(state, tokens, normalize = state.normalize) {
  return { ...inputs(state), normalize, temperature: state.temperature, focus: FOCUS, target: state.target, tokens };
}

// Σ coefficients[i]·numbers[i], by the engine (the page does no arithmetic of its own on results).
export function combine(engine, coefficients, numbers) {
  return engine.weightedSum({ weights: [coefficients], values: numbers.map((x) => [x]) }).output[0][0];
}

// The rows of diag(coefficients)·rows: row j is coefficients[j] times rows[j], by the engine.
function scaledRows(engine, coefficients, rows) {
  return engine.weightedSum({ weights: coefficients.map((w, j) => coefficients.map((_, k) => (j === k ? w : 0))), values: rows }).output;
}

export function compute(engine, example, state) {
  const base = { ...inputs(state), tokens: example.tokens };   // the engine's messages then say "A", not "query 1"
  const { queries, keys, values } = engine.selfAttention(base);
  const all = attempt(() => engine.selfAttention({ ...base, normalize: state.normalize, temperature: state.temperature, causal: state.causal }));
  const query = [queries[FOCUS]];

  const normalizers = {};
  for (const normalize of NORMALIZERS) {
    normalizers[normalize] = attempt(() => engine.attend({ queries: query, keys, values, normalize, temperature: state.temperature, tokens: [example.tokens[FOCUS]] }));
  }
  const stated = { weights: example.statedWeights, output: engine.weightedSum({ weights: example.statedWeights, values }).output };
  const chosen = state.stated ? stated : normalizers[state.normalize];
  // Each value scaled by its weight (summed by the engine as the output).
  const parts = chosen.weights ? scaledRows(engine, chosen.weights[0], values) : null;
  // The products in each of A's dot products: products[j][i] = q_i · (key j)_i.
  const products = keys.map((k) => scaledRows(engine, query[0], k.map((x) => [x])).map((row) => row[0]));

  return {
    embeddings: base.embeddings,
    queries,
    keys,
    values,
    all,
    normalizers,
    stated,
    chosen,
    parts,
    products,
    // the sum of A's scores (what divide-by-sum divides by), when it has one
    scoreSum: normalizers.softmax.scores ? combine(engine, keys.map(() => 1), normalizers.softmax.scores[0]) : null,
    // the total of A's softmax exponentials (what softmax divides by)
    exponentialSum: normalizers.softmax.exponentials ? combine(engine, keys.map(() => 1), normalizers.softmax.exponentials[0]) : null,
    learning: attempt(() => engine.selfAttention(learningArgs(state, example.tokens))),
    hard: attempt(() => engine.selfAttention(learningArgs(state, example.tokens, 'hard'))),
    soft: attempt(() => engine.selfAttention(learningArgs(state, example.tokens, 'softmax'))),
    scaled: attempt(() => engine.selfAttention(learningArgs(state, example.tokens, 'scaled-softmax'))),
    // where one step of descent on the token vectors would take them (step 9 draws the move)
    embeddingStep: attempt(() => engine.descend({ ...learningArgs(state, example.tokens), learn: ['embeddings'], learningRate: state.embeddingRate })),
  };
}
