// attend() on the worked example: every normaliser, temperature, causal masks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, near } from './engine.mjs';

const engine = await load();
const ex = engine.workedExample();
const a = { queries: [ex.queries[0]], keys: ex.keys, values: ex.values };

test('the worked example comes from the engine', () => {
  assert.deepEqual(ex.tokens, ['A', 'B', 'C']);
  assert.deepEqual(ex.queries[0], [1, 2, -1]);
  assert.deepEqual(ex.statedScores, [[1, 4, 5]]);
});

test('scores are [1, 2, 5] whatever the normaliser', () => {
  for (const normalize of ['softmax', 'scaled-softmax', 'sum', 'hard']) {
    assert.deepEqual(engine.attend({ ...a, normalize }).scores, [[1, 2, 5]]);
  }
});

test('each normaliser gives the walkthrough weights and outputs', () => {
  const sum = engine.attend({ ...a, normalize: 'sum' });
  near(sum.weights, [0.125, 0.25, 0.625], 1e-12, 'sum weights');
  near(sum.output, [0.5, 1.125, 0.75], 1e-12, 'sum output');
  const soft = engine.attend({ ...a, normalize: 'softmax' });
  near(soft.weights, [0.01715, 0.04661, 0.93624], 1e-5, 'softmax weights');
  near(soft.output, [0.90677, 1.02946, 0.95339], 1e-5, 'softmax output');
  const scaled = engine.attend({ ...a, normalize: 'scaled-softmax' });
  near(scaled.weights, [0.07782, 0.13863, 0.78355], 1e-5, 'scaled weights');
  near(scaled.output, [0.72275, 1.06080, 0.86137], 1e-5, 'scaled output');
  const hard = engine.attend({ ...a, normalize: 'hard' });
  assert.deepEqual(hard.weights, [[0, 0, 1]]);
  assert.deepEqual(hard.output, [[1, 1, 1]]);
});

test('a softmax returns its exponentials e^((s − largest)/T); the other normalisers none', () => {
  const { exponentials, weights } = engine.attend({ ...a, temperature: 2 });
  near(exponentials, [Math.exp(-2), Math.exp(-1.5), 1], 1e-15, 'exponentials at T = 2');
  const total = exponentials[0].reduce((s, x) => s + x, 0);
  assert.deepEqual(weights[0], exponentials[0].map((x) => x / total));
  near(engine.attend({ ...a, normalize: 'scaled-softmax' }).exponentials, [Math.exp(-4 / Math.sqrt(3)), Math.exp(-3 / Math.sqrt(3)), 1], 1e-15, 'scaled');
  assert.equal(engine.attend({ ...a, normalize: 'sum' }).exponentials, undefined);
  assert.equal(engine.attend({ ...a, normalize: 'hard' }).exponentials, undefined);
});

test('softmax is the default; temperature divides the scores', () => {
  assert.deepEqual(engine.attend(a).weights, engine.attend({ ...a, normalize: 'softmax' }).weights);
  const hot = engine.attend({ ...a, temperature: 1e6 }).weights[0];
  near(hot, [1 / 3, 1 / 3, 1 / 3], 1e-5, 'very high temperature is uniform');
});

test('causal mask: token i attends to tokens 0..i only', () => {
  const all = { queries: ex.queries, keys: ex.keys, values: ex.values, causal: true };
  const { weights } = engine.attend(all);
  assert.deepEqual(weights[0], [1, 0, 0]);
  assert.equal(weights[1][2], 0);
  assert.ok(weights[2].every((w) => w > 0));
  near(weights.map((r) => r.reduce((s, x) => s + x, 0)), [1, 1, 1], 1e-12, 'rows sum to one');
});
