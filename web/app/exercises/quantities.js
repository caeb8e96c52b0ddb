// The quantities an exercise can ask about, each computed by the engine from a page state, with
// the sentence that explains its value in the reader's words (built from the engine's numbers).
// No DOM. Every quantity is about the worked example's tokens; `by` is the token whose query is
// used (A unless said), `of` a token whose key, score or weight is meant, `entry` 1 to 3.
//
//   QUANTITIES[name] = { params: { key: required? }, kind: 'number' | 'token' | 'entry',
//                        value(env, p) -> number | index, gap?(env, p, want) -> > 0 while not the top,
//                        explain(env, p) -> sentence }
// env = { engine, example, state, memo: Map } (memo: engine results shared within one state).
import { fmt } from '../dom.js';
import { FOCUS, NORMALIZER_NAME, combine, inputs, learningArgs } from '../compute.js';

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

const vec = (xs) => `[${xs.map((x) => fmt(x)).join(', ')}]`;
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
        ? `${t}’s vector is one-hot, so multiplying it by Wq picks out row ${p.by + 1} of Wq: ${t}’s query is ${vec(a.queries[p.by])}, and entry ${p.entry + 1} is ${fmt(a.queries[p.by][p.entry])}.`
        : `${t}’s query is ${t}’s vector ${vec(inputs(env.state).embeddings[p.by])} times Wq: ${vec(a.queries[p.by])}, so entry ${p.entry + 1} is ${fmt(a.queries[p.by][p.entry])}.`;
    },
  },
  score: {
    params: { by: false, of: true }, kind: 'number',
    value: (env, p) => attention(env, { normalize: 'softmax' }).scores[p.by][p.of],
    explain(env, p) {
      const a = attention(env, { normalize: 'softmax' });
      const { b, j } = named(env, p);
      const s = a.scores[p.by][p.of];
      return `${b}’s query ${vec(a.queries[p.by])} · ${j}’s key ${vec(a.keys[p.of])} = ${fmt(s)}: `
        + (s > 0 ? 'positive, so the two point roughly the same way.' : s < 0 ? 'negative, so the two point roughly opposite ways.' : 'zero, so the two are at right angles.');
    },
  },
  weight: {
    params: { by: false, of: true, normalize: false, causal: false }, kind: 'number',
    value: (env, p) => attention(env, { normalize: norm(p, env), causal: Boolean(p.causal) }).weights[p.by][p.of],
    explain(env, p) {
      const w = attention(env, { normalize: norm(p, env), causal: Boolean(p.causal) }).weights[p.by];
      const { b, j } = named(env, p);
      const masked = p.causal ? ` With the causal mask ${b} sees only ${tokens(env).slice(0, p.by + 1).join(' and ')}, so its whole unit of attention is shared among ${p.by ? 'them' : 'itself alone'}.` : '';
      return `${b}’s weights with ${NORMALIZER_NAME[norm(p, env)]}${p.causal ? ' and the causal mask' : ''} are ${vec(w)}; its weight on ${j} is ${fmt(w[p.of])}.${masked}`;
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
      return `${t[p.by]}’s scores are ${vec(a.scores[p.by])}; ${NORMALIZER_NAME[norm(p, env)]} turns them into the weights ${vec(w)}, `
        + `so ${t[top]} gets the most (${fmt(w[top])})${norm(p, env) === 'sum' ? '' : ': the largest score always gets the largest weight'}.`;
    },
  },
  'weight-sum': {
    params: { by: false, normalize: false }, kind: 'number',
    value: (env, p) => combine(env.engine, [1, 1, 1], attention(env, { normalize: norm(p, env) }).weights[p.by]),
    explain(env, p) {
      const w = attention(env, { normalize: norm(p, env) }).weights[p.by];
      return `${w.map((x) => fmt(x)).join(' + ')} = ${fmt(QUANTITIES['weight-sum'].value(env, p))}: ${NORMALIZER_NAME[norm(p, env)]} always shares out exactly one unit of attention, whatever the scores.`;
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
      return `At T = ${fmt(env.state.temperature)} the largest softmax weight is ${fmt(at(env.state.temperature))}; at T = ${fmt(p.temperature)} it is ${fmt(at(p.temperature))}. `
        + 'Dividing the scores by a small T stretches the gaps between them, so the top score takes nearly everything (unless the top scores tie).';
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
      return `A’s softmax weights are ${vec(w)} and the explanation’s are ${vec(env.example.statedWeights[0])}; the largest difference is ${fmt(QUANTITIES['stated-gap'].value(env))}.`;
    },
  },
  'top-output': {
    params: {}, kind: 'entry',
    value: (env) => argmax(attention(env).output[FOCUS]),
    explain(env) {
      const a = attention(env), o = a.output[FOCUS], t = tokens(env);
      return `A’s output is ${a.weights[FOCUS].map((w, j) => `${fmt(w)} × ${t[j]}’s value ${vec(a.values[j])}`).join(' + ')} = ${vec(o)}; entry ${argmax(o) + 1} is the largest.`;
    },
  },
  loss: {
    params: {}, kind: 'number',
    value: (env) => learning(env).loss,
    explain: (env) => `A’s output is ${vec(learning(env).output[0])} and the target is ${vec(env.state.target[0])}, so the loss is ${fmt(learning(env).loss)}.`,
  },
  // how one step of gradient descent moves A's score for a token: minus its gradient
  'score-move': {
    params: { of: true }, kind: 'number',
    value: (env, p) => combine(env.engine, [-1], [learning(env).grad.scores[0][p.of]]),
    explain(env, p) {
      const L = learning(env), g = L.grad.scores[0][p.of], j = tokens(env)[p.of];
      return `The gradient of ${j}’s score is ${fmt(g, 5)}: raising the score would ${g > 0 ? 'raise' : g < 0 ? 'lower' : 'not change'} the loss, `
        + `so gradient descent moves it ${g > 0 ? 'down' : g < 0 ? 'up' : 'nowhere'}. (A’s output is ${vec(L.output[0])}, the target ${vec(env.state.target[0])}.)`;
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
      return `One step moves ${t}’s vector from ${vec(inputs(env.state).embeddings[p.token])} to ${vec(next.embeddings[p.token])}: `
        + `entry ${p.entry + 1} goes ${d > 0 ? 'up' : d < 0 ? 'down' : 'nowhere'} (${fmt(d, 5)}), against its gradient ${fmt(learning(env).grad.embeddings[p.token][p.entry], 5)}.`;
    },
  },
  // after `steps` steps of descent on Wq and Wk: A's score (or weight) for a token, minus before
  'learned-score-change': learnedChange('scores', 'score for'),
  'learned-weight-change': learnedChange('weights', 'weight on'),
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

function learnedSentence(env, p, key, words) {
  const n = norm(p, env), { before, after } = learned(env, n, p.steps), j = tokens(env)[p.of];
  return `After ${p.steps} steps of gradient descent on Wq and Wk with ${NORMALIZER_NAME[n]}, A’s ${words} ${j} went from ${fmt(before[key][0][p.of])} to ${fmt(after[key][0][p.of])}. `
    + (n === 'hard'
      ? `Hard attention only picks the top score, and a small change to a score does not change the pick, so the largest gradient reaching Wq or Wk is ${fmt(lookGradient(env, 'hard'))}: nothing tells them which way to move.`
      : `The largest gradient reaching Wq or Wk was ${fmt(lookGradient(env, n), 5)} at the start: the target says only what A’s output should be, and where A looks follows from it.`);
}
