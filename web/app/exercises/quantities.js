// The quantities an exercise can ask about, each computed by the engine from a page state, with
// the sentence that explains its value in the reader's words (built from the engine's numbers).
// No DOM. Every quantity is about the worked example's tokens; `by` is the token whose query is
// used (A unless said), `of` a token whose key, score or weight is meant, `entry` 1 to 3.
//
//   QUANTITIES[name] = { params: { key: required? }, kind: 'number' | 'token' | 'entry',
//                        value(env, p) -> number | index, gap?(env, p, want) -> > 0 while not the top,
//                        explain(env, p) -> sentence }
// env = { engine, example, state, memo: Map } (memo: engine results shared within one state).
import { fmt, vectorText as vec } from '../text.js';
import { FOCUS, NORMALIZER_KEY, combine, inputs, learningArgs } from '../compute.js';
import { list, t as tr } from '../i18n/core.js';

const memo = (env, key, f) => {
  if (!env.memo.has(key)) env.memo.set(key, f());
  return env.memo.get(key);
};
const tokens = (env) => env.example.tokens;

// Self-attention of every token (scores, weights, output) under a normaliser: the engine's
// answer, or the engine's error thrown for the caller.
function attention(env, { normalize = env.state.normalize, temperature = env.state.temperature, causal = false } = {}) {
  return memo(env, `att:${normalize}:${temperature}:${causal}`, () => env.engine.selfAttention({
    ...inputs(env.state), normalize, temperature, causal, tokens: tokens(env),
  }));
}

const learning = (env, normalize = env.state.normalize) => memo(env, `learn:${normalize}`,
  () => env.engine.selfAttention(learningArgs(env.state, tokens(env), normalize)));

// A's query and key matrices after `steps` steps of gradient descent on Wq and Wk (the page's
// learning rate), and the learning results before and after.
function learned(env, normalize, steps) {
  return memo(env, `learned:${normalize}:${steps}`, () => {
    let state = env.state;
    for (let i = 0; i < steps; i++) {
      const next = env.engine.descend({ ...learningArgs(state, tokens(env), normalize), learn: ['wq', 'wk'], learningRate: state.learningRate });
      state = { ...state, wq: next.wq, wk: next.wk };
    }
    return { before: learning(env, normalize), after: env.engine.selfAttention(learningArgs(state, tokens(env), normalize)) };
  });
}

const embeddingStep = (env) => memo(env, 'embedding-step',
  () => env.engine.descend({ ...learningArgs(env.state, tokens(env)), learn: ['embeddings'], learningRate: env.state.embeddingRate }));

const normalizer = (p, env) => tr(NORMALIZER_KEY[norm(p, env)]);
const move = (d) => tr(d > 0 ? 'gradients.up' : d < 0 ? 'gradients.down' : 'gradients.nowhere');
const argmax = (xs) => xs.indexOf(Math.max(...xs));
const others = (xs, j) => xs.filter((_, k) => k !== j);
const norm = (p, env) => p.normalize ?? env.state.normalize;
const change = (env, after, before) => combine(env.engine, [1, -1], [after, before]);
const named = (env, p) => ({ b: tokens(env)[p.by], j: tokens(env)[p.of] });

export const QUANTITIES = {
  query: {
    params: { by: false, entry: true }, kind: 'number',
    value: (env, p) => attention(env, { normalize: 'softmax' }).queries[p.by][p.entry],
    explain(env, p) {
      const a = attention(env, { normalize: 'softmax' });
      const t = tokens(env)[p.by];
      return env.state.mode === 'direct'
        ? tr('quantities.queryOneHot', { token: t, row: p.by + 1, query: vec(a.queries[p.by]), entry: p.entry + 1, value: fmt(a.queries[p.by][p.entry]) })
        : tr('quantities.query', { token: t, vector: vec(inputs(env.state).embeddings[p.by]), query: vec(a.queries[p.by]), entry: p.entry + 1, value: fmt(a.queries[p.by][p.entry]) });
    },
  },
  score: {
    params: { by: false, of: true }, kind: 'number',
    value: (env, p) => attention(env, { normalize: 'softmax' }).scores[p.by][p.of],
    explain(env, p) {
      const a = attention(env, { normalize: 'softmax' });
      const { b, j } = named(env, p);
      const s = a.scores[p.by][p.of];
      return tr(s > 0 ? 'quantities.scorePositive' : s < 0 ? 'quantities.scoreNegative' : 'quantities.scoreZero',
        { token: b, query: vec(a.queries[p.by]), other: j, key: vec(a.keys[p.of]), score: fmt(s) });
    },
  },
  weight: {
    params: { by: false, of: true, normalize: false, causal: false }, kind: 'number',
    value: (env, p) => attention(env, { normalize: norm(p, env), causal: Boolean(p.causal) }).weights[p.by][p.of],
    explain(env, p) {
      const w = attention(env, { normalize: norm(p, env), causal: Boolean(p.causal) }).weights[p.by];
      const { b, j } = named(env, p);
      const masked = !p.causal ? '' : p.by ? ` ${tr('quantities.maskedMany', { token: b, tokens: list(tokens(env).slice(0, p.by + 1)) })}` : ` ${tr('quantities.maskedAlone', { token: b })}`;
      return tr(p.causal ? 'quantities.weightsCausal' : 'quantities.weights', { token: b, normalizer: normalizer(p, env), weights: vec(w), other: j, weight: fmt(w[p.of]) }) + masked;
    },
  },
  top: {
    params: { by: false, normalize: false }, kind: 'token',
    value: (env, p) => argmax(attention(env, { normalize: norm(p, env) }).weights[p.by]),
    // how far `want` is from having the largest weight (softmax keeps the scores' order, so its
    // scores are compared: their gaps do not fade as one weight nears 1)
    gap(env, p, want) {
      const a = attention(env, { normalize: norm(p, env) });
      const row = (norm(p, env) === 'sum' ? a.weights : a.scores)[p.by];
      return Math.max(...others(row, want)) - row[want];
    },
    explain(env, p) {
      const a = attention(env, { normalize: norm(p, env) });
      const w = a.weights[p.by], top = argmax(w), t = tokens(env);
      return tr(norm(p, env) === 'sum' ? 'quantities.topSum' : 'quantities.top',
        { token: t[p.by], scores: vec(a.scores[p.by]), normalizer: normalizer(p, env), weights: vec(w), top: t[top], weight: fmt(w[top]) });
    },
  },
  'weight-sum': {
    params: { by: false, normalize: false }, kind: 'number',
    value: (env, p) => combine(env.engine, [1, 1, 1], attention(env, { normalize: norm(p, env) }).weights[p.by]),
    explain(env, p) {
      const w = attention(env, { normalize: norm(p, env) }).weights[p.by];
      return tr('quantities.weightSum', { sum: w.map((x) => fmt(x)).join(' + '), total: fmt(QUANTITIES['weight-sum'].value(env, p)), normalizer: normalizer(p, env) });
    },
  },
  // the largest weight at a temperature minus the largest weight now
  'cooled-top-weight': {
    params: { by: false, temperature: true }, kind: 'number',
    value(env, p) {
      const at = (temperature) => Math.max(...attention(env, { normalize: 'softmax', temperature }).weights[p.by]);
      return change(env, at(p.temperature), at(env.state.temperature));
    },
    explain(env, p) {
      const at = (temperature) => Math.max(...attention(env, { normalize: 'softmax', temperature }).weights[p.by]);
      return tr('quantities.cooled', { now: fmt(env.state.temperature), weightNow: fmt(at(env.state.temperature)), cold: fmt(p.temperature), weightCold: fmt(at(p.temperature)) });
    },
  },
  // how far A's softmax weights are from the explanation's 0.1, 0.4, 0.5 (the largest gap)
  'stated-gap': {
    params: {}, kind: 'number',
    value(env) {
      const w = attention(env, { normalize: 'softmax' }).weights[FOCUS];
      return Math.max(...w.map((x, j) => Math.abs(change(env, x, env.example.statedWeights[0][j]))));
    },
    explain(env) {
      const w = attention(env, { normalize: 'softmax' }).weights[FOCUS];
      return tr('quantities.statedGap', { token: tokens(env)[FOCUS], weights: vec(w), stated: vec(env.example.statedWeights[0]), gap: fmt(QUANTITIES['stated-gap'].value(env)) });
    },
  },
  'top-output': {
    params: {}, kind: 'entry',
    value: (env) => argmax(attention(env).output[FOCUS]),
    explain(env) {
      const a = attention(env), o = a.output[FOCUS], t = tokens(env);
      return tr('quantities.topOutput', { token: t[FOCUS], sum: a.weights[FOCUS].map((w, j) => tr('quantities.timesValue', { weight: fmt(w), token: t[j], value: vec(a.values[j]) })).join(' + '),
        output: vec(o), entry: argmax(o) + 1 });
    },
  },
  loss: {
    params: {}, kind: 'number',
    value: (env) => learning(env).loss,
    explain: (env) => tr('quantities.loss', { token: tokens(env)[FOCUS], output: vec(learning(env).output[0]), target: vec(env.state.target[0]), loss: fmt(learning(env).loss) }),
  },
  // how one step of gradient descent moves A's score for a token: minus its gradient
  'score-move': {
    params: { of: true }, kind: 'number',
    value: (env, p) => combine(env.engine, [-1], [learning(env).grad.scores[0][p.of]]),
    explain(env, p) {
      const L = learning(env), g = L.grad.scores[0][p.of], j = tokens(env)[p.of];
      return tr(g > 0 ? 'quantities.scoreMoveDown' : g < 0 ? 'quantities.scoreMoveUp' : 'quantities.scoreMoveNone',
        { token: j, gradient: fmt(g, 5), focus: tokens(env)[FOCUS], output: vec(L.output[0]), target: vec(env.state.target[0]) });
    },
  },
  // how one step on the token vectors (step 9's learning rate) moves one entry of a token's vector
  'embedding-move': {
    params: { token: true, entry: true }, kind: 'number',
    value(env, p) {
      return change(env, embeddingStep(env).embeddings[p.token][p.entry], inputs(env.state).embeddings[p.token][p.entry]);
    },
    explain(env, p) {
      const next = embeddingStep(env);
      const t = tokens(env)[p.token], d = QUANTITIES['embedding-move'].value(env, p);
      return tr('quantities.embeddingMove', { token: t, from: vec(inputs(env.state).embeddings[p.token]), to: vec(next.embeddings[p.token]),
        entry: p.entry + 1, way: move(d), change: fmt(d, 5), gradient: fmt(learning(env).grad.embeddings[p.token][p.entry], 5) });
    },
  },
  // after `steps` steps of descent on Wq and Wk: A's score (or weight) for a token, minus before
  'learned-score-change': learnedChange('scores', 'quantities.learnedScore'),
  'learned-weight-change': learnedChange('weights', 'quantities.learnedWeight'),
};

// The largest gradient that reaches Wq or Wk (what moves "where to look") under a normaliser.
export function lookGradient(env, normalize) {
  const g = learning(env, normalize).grad;
  return Math.max(...[...g.wq, ...g.wk].flat().map(Math.abs));
}

function learnedChange(key, words) {
  return {
    params: { of: true, normalize: false, steps: true }, kind: 'number',
    value(env, p) {
      const { before, after } = learned(env, norm(p, env), p.steps);
      return change(env, after[key][0][p.of], before[key][0][p.of]);
    },
    explain: (env, p) => learnedSentence(env, p, key, words),
  };
}

// words: the catalogue key of the sentence ("After 30 steps … A’s score for B went from …").
function learnedSentence(env, p, key, words) {
  const n = norm(p, env), { before, after } = learned(env, n, p.steps), j = tokens(env)[p.of], a = tokens(env)[FOCUS];
  return `${tr(words, { steps: p.steps, normalizer: tr(NORMALIZER_KEY[n]), token: a, other: j, from: fmt(before[key][0][p.of]), to: fmt(after[key][0][p.of]) })} `
    + (n === 'hard'
      ? tr('quantities.hardStuck', { gradient: fmt(lookGradient(env, 'hard')) })
      : tr('quantities.learnedFrom', { gradient: fmt(lookGradient(env, n), 5), token: a }));
}
