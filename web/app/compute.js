// Everything the walkthrough shows, computed by the engine from the page state. No DOM here:
// sections only draw what this returns. An engine error in one part is kept as that part's
// `error` (its message for the reader) and does not stop the other parts.
import { identity } from './dom.js';

export const FOCUS = 0;   // token A is "the token being worked on"
const NORMALIZERS = ['sum', 'softmax', 'scaled-softmax', 'hard'];

function attempt(f) {
  try {
    return f();
  } catch (error) {
    return { error: error.message };
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

export function learningArgs(state, normalize = state.normalize) {
  return { ...inputs(state), normalize, temperature: state.temperature, focus: FOCUS, target: state.target };
}

// Σ coefficients[i]·numbers[i], by the engine (the page does no arithmetic of its own on results).
export function combine(engine, coefficients, numbers) {
  return engine.weightedSum({ weights: [coefficients], values: numbers.map((x) => [x]) }).output[0][0];
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
  // Each value scaled by its weight: the rows of diag(weights)·V, summed by the engine as output.
  const parts = chosen.weights
    ? engine.weightedSum({ weights: chosen.weights[0].map((w, j) => chosen.weights[0].map((_, k) => (j === k ? w : 0))), values }).output
    : null;

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
    learning: attempt(() => engine.selfAttention({ ...learningArgs(state), tokens: example.tokens })),
    hard: attempt(() => engine.selfAttention({ ...learningArgs(state, 'hard'), tokens: example.tokens })),
    soft: attempt(() => engine.selfAttention({ ...learningArgs(state, 'softmax'), tokens: example.tokens })),
  };
}
