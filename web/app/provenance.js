// Where one gradient in A's computation graph comes from (step 7): the chain-rule paths from
// the loss, each an upstream gradient times a local derivative, and their sum beside the
// engine's gradient; for the numbers the reader types, the nudge check too. No DOM here, and
// every product and sum is the engine's (combine), so the page does no arithmetic of its own.
import { combine, learningArgs } from './compute.js';
import { WEIGHT } from './sections/common.js';
import { t as tr } from './i18n/core.js';

// The local derivative ∂w_i/∂s_j of each normaliser, from the weights the engine gave.
function weightByScore(engine, state, L, i, j, sum) {
  const w = L.weights[0], delta = i === j ? 1 : 0;
  if (state.normalize === 'hard') return 0;   // a small change in a score never changes the pick
  if (state.normalize === 'sum') return combine(engine, [1 / sum], [combine(engine, [1, -1], [delta, w[i]])]);
  const divisor = state.temperature * (state.normalize === 'scaled-softmax' ? Math.sqrt(L.keys[0].length) : 1);
  return combine(engine, [w[i] / divisor], [combine(engine, [1, -1], [delta, w[j]])]);
}

// One entry's gradient: paths [{ upstream: [name, gradient], local: [name, value] }] and their
// products and sum, by the engine.
function entry(engine, name, engineGrad, paths) {
  const products = paths.map((p) => combine(engine, [p.upstream[1]], [p.local[1]]));
  return { name, engineGrad, paths: paths.map((p, k) => ({ ...p, product: products[k] })), total: combine(engine, products.map(() => 1), products) };
}

// The loss change per unit of a small nudge to one number the reader types (direct mode: the
// rows of Wq, Wk and Wv are the tokens' q, k and v), or null when it is not one of them.
// before: the loss as it is (the engine's, from L).
function nudged(engine, state, t, before, kind, token, d) {
  if (state.mode !== 'direct' || !kind) return null;
  const w = WEIGHT[kind], eps = state.epsilon;
  const moved = state[w].map((row, r) => row.map((x, c) => (r === token && c === d ? x + eps : x)));
  const after = engine.selfAttention(learningArgs({ ...state, [w]: moved }, t)).loss;
  return combine(engine, [1 / eps, -1 / eps], [after, before]);
}

// id: a node of the graph ('q', 'k1', 's2', 'w0', 'v1', 'out', 'loss'); t: token names;
// L: the engine's selfAttention result with gradients; focus: A's index. → { entries }
export function provenance(engine, state, L, t, focus, id) {
  const [kind, j] = [id.replace(/\d+$/, ''), Number(id.match(/\d+$/)?.[0])];
  const n = t.length, dv = L.output[0].length;
  const out = (d) => [tr('chain.gradOutput', { entry: d + 1 }), L.grad.output[0][d]];
  const score = (i) => [tr('chain.gradScore', { pair: `${t[focus]}·${t[i]}` }), L.grad.scores[0][i]];
  const entries = [];
  if (kind === 'loss') entries.push(entry(engine, 'L', 1, [{ upstream: [tr('chain.start'), 1], local: ['∂L/∂L', 1] }]));
  if (kind === 'out') {
    for (let d = 0; d < dv; d++) {
      entries.push(entry(engine, tr('chain.output', { entry: d + 1 }), L.grad.output[0][d], [{ upstream: ['∂L/∂L', 1], local: [tr('chain.outputMinusTarget', { entry: d + 1 }), combine(engine, [1, -1], [L.output[0][d], state.target[0][d]])] }]));
    }
  }
  if (kind === 'w') {
    entries.push(entry(engine, tr('gradients.weightNode', { token: t[j] }), L.grad.weights[0][j],
      L.values[j].map((v, d) => ({ upstream: out(d), local: [tr('chain.valueEntry', { token: t[j], entry: d + 1 }), v] }))));
  }
  if (kind === 'v') {
    for (let d = 0; d < dv; d++) {
      entries.push({ ...entry(engine, tr('chain.valueEntry', { token: t[j], entry: d + 1 }), L.grad.values[j][d], [{ upstream: out(d), local: [tr('gradients.weightNode', { token: t[j] }), L.weights[0][j]] }]), nudge: nudged(engine, state, t, L.loss, 'v', j, d) });
    }
  }
  if (kind === 's') {
    const sum = state.normalize === 'sum' ? combine(engine, L.scores[0].map(() => 1), L.scores[0]) : null;
    entries.push(entry(engine, tr('gradients.scoreNode', { pair: `${t[focus]}·${t[j]}` }), L.grad.scores[0][j],
      t.map((name, i) => ({ upstream: [tr('chain.gradWeight', { token: name }), L.grad.weights[0][i]], local: [tr('chain.weightByScore', { token: name, pair: `${t[focus]}·${t[j]}` }), weightByScore(engine, state, L, i, j, sum)] }))));
  }
  if (kind === 'q') {
    L.queries[focus].forEach((_, d) => entries.push({
      ...entry(engine, tr('chain.queryEntry', { token: t[focus], entry: d + 1 }), L.grad.queries[focus][d],
        Array.from({ length: n }, (__, i) => ({ upstream: score(i), local: [tr('chain.keyEntry', { token: t[i], entry: d + 1 }), L.keys[i][d]] }))),
      nudge: nudged(engine, state, t, L.loss, 'q', focus, d),
    }));
  }
  if (kind === 'k') {
    L.keys[j].forEach((_, d) => entries.push({
      ...entry(engine, tr('chain.keyEntry', { token: t[j], entry: d + 1 }), L.grad.keys[j][d], [{ upstream: score(j), local: [tr('chain.queryEntry', { token: t[focus], entry: d + 1 }), L.queries[focus][d]] }]),
      nudge: nudged(engine, state, t, L.loss, 'k', j, d),
    }));
  }
  return entries;
}
