// attentionGradients and selfAttention: hand-derived values and finite differences through
// the JS API itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, near } from './engine.mjs';

const engine = await load();
const ex = engine.workedExample();
// target [0, 1, 0]: the hand derivation's (the page's default target is another)
const a = { queries: [ex.queries[0]], keys: ex.keys, values: ex.values, target: [[0, 1, 0]] };

test('divide-by-sum gradients match the hand derivation (tests/engine/unit-attention.cpp)', () => {
  const g = engine.attentionGradients({ ...a, normalize: 'sum' });
  assert.equal(g.loss, 53 / 128);
  near(g.grad.output, [0.5, 0.125, 0.75], 1e-15, 'output');
  near(g.grad.weights, [1.25, -0.25, 1.375], 1e-15, 'weights');
  near(g.grad.scores, [19 / 512, -77 / 512, 27 / 512], 1e-15, 'scores');
  near(g.grad.queries, [-174 / 512, 85 / 512, -4 / 512], 1e-15, 'queries');
  near(g.grad.keys, [19, -77, 27].map((s) => [1, 2, -1].map((q) => (s * q) / 512)), 1e-15, 'keys');
});

test('hard attention: zero gradient to scores, queries and keys', () => {
  const g = engine.attentionGradients({ ...a, normalize: 'hard' });
  for (const name of ['scores', 'queries', 'keys']) assert.ok(g.grad[name].flat().every((x) => x === 0), name);
  assert.deepEqual(g.grad.values, [[0, 0, 0], [0, 0, 0], [1, 0, 1]]);
});

test('softmax: every key and value gets a non-zero gradient', () => {
  const g = engine.attentionGradients({ ...a, normalize: 'softmax' });
  for (const row of [...g.grad.keys, ...g.grad.values]) assert.ok(row.some((x) => x !== 0));
});

// Central differences of selfAttention's loss, computed through the public API.
function numericGradient(args, name) {
  const h = 1e-6;
  return args[name].map((row, r) => row.map((_, c) => {
    const shifted = (delta) => {
      const copy = structuredClone(args);
      copy[name][r][c] += delta;
      return engine.selfAttention(copy).loss;
    };
    return (shifted(h) - shifted(-h)) / (2 * h);
  }));
}

// A matrix product written out here, independent of the engine's kernel.
const product = (a, b) => a.map((row) => b[0].map((_, j) => row.reduce((sum, x, k) => sum + x * b[k][j], 0)));

test('selfAttention gradients equal finite differences, for each normaliser and causal', () => {
  const args = {
    embeddings: [[0.3, -1.2, 0.5, 0.1], [1.1, 0.4, -0.7, 0.2], [-0.5, 0.9, 0.8, -0.3]],
    wq: [[0.2, -0.4], [0.7, 0.1], [-0.3, 0.5], [0.6, 0.2]],
    wk: [[-0.1, 0.3], [0.4, -0.6], [0.2, 0.8], [-0.5, 0.1]],
    wv: [[0.5, 0.1, -0.2], [-0.3, 0.4, 0.6], [0.2, -0.7, 0.3], [0.1, 0.2, -0.4]],
    target: [[0, 1, 0], [1, 0, 0], [0, 0, 1]],
  };
  for (const normalize of ['softmax', 'scaled-softmax', 'sum']) {
    for (const causal of [false, true]) {
      const withOptions = { ...args, normalize, causal, temperature: 1.3 };
      const g = engine.selfAttention(withOptions);
      near(g.queries, product(args.embeddings, args.wq), 1e-15, 'Q = X·Wq');
      for (const name of ['embeddings', 'wq', 'wk', 'wv']) {
        near(g.grad[name], numericGradient(withOptions, name), 1e-6, `${normalize} causal=${causal} ${name}`, { relative: true });
      }
    }
  }
});

test('selfAttention without a target gives values only; Q = X·Wq', () => {
  const r = engine.selfAttention({ embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv });
  assert.deepEqual(r.queries, ex.queries);
  assert.equal(r.loss, undefined);
  assert.equal(r.grad, undefined);
  assert.deepEqual(r.scores[0], [1, 2, 5]);
});

test('selfAttention with a focus token: A alone is the query; W gradients reach only its row', () => {
  const r = engine.selfAttention({ embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv, normalize: 'sum', focus: 0, target: a.target });
  assert.deepEqual(r.scores, [[1, 2, 5]]);
  assert.equal(r.loss, 53 / 128);
  near(r.grad.wq, [[-174 / 512, 85 / 512, -4 / 512], [0, 0, 0], [0, 0, 0]], 1e-15, 'wq');
  assert.throws(() => engine.selfAttention({ embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv, focus: 3 }), /there is no token 4 to focus on: there are 3 tokens/);
});

test('descend: one SGD step moves the chosen inputs by -lr * gradient and lowers the loss', () => {
  const args = { embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv, focus: 0, target: ex.target };
  const before = engine.selfAttention(args);
  const after = engine.descend({ ...args, learn: ['wq', 'wv'], learningRate: 0.1 });
  assert.equal(after.lossBefore, before.loss);
  near(after.wq, ex.wq.map((row, r) => row.map((x, c) => x - 0.1 * before.grad.wq[r][c])), 1e-15, 'wq stepped');
  assert.deepEqual(after.wk, ex.wk, 'wk not chosen, unchanged');
  assert.ok(engine.selfAttention({ ...args, ...after }).loss < before.loss);
  assert.throws(() => engine.descend({ ...args, learn: ['bias'], learningRate: 0.1 }), /'bias' cannot be learned \(choose from embeddings, wq, wk, wv\)/);
});

test('weightedSum: the stated weights 0.1, 0.4, 0.5 give [0.2, 1.3, 0.6]', () => {
  near(engine.weightedSum({ weights: ex.statedWeights, values: ex.values }).output, [[0.2, 1.3, 0.6]], 1e-12, 'stated output');
});
