// The model through the JS API: training reaches the bank bar, predictions, attention maps,
// embeddings, toJSON/loadModel round trip. (Parity with the native engine: native-parity.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './engine.mjs';

const engine = await load();
const model = engine.createModel();
const trained = model.train(400);

test('training reaches >= 95% bank accuracy on the test split', () => {
  assert.equal(trained.step, 400);
  assert.equal(trained.losses.length, 400);
  assert.ok(trained.losses.at(-1) < trained.losses[0]);
  const e = model.evaluate();
  assert.ok(e.bankAccuracy >= 0.95, `bank accuracy ${e.bankAccuracy}`);
  assert.ok(e.headFindsContext[0] >= 0.8, `head finds context ${e.headFindsContext[0]}`);
});

test('predict and attention', () => {
  const [first] = model.predict('we saw the river near the bank', 3);
  assert.equal(first.word, 'grass');
  const map = model.attention('we saw the river near the bank');
  assert.deepEqual(map.tokens, ['<bos>', 'we', 'saw', 'the', 'river', 'near', 'the', 'bank']);
  const bankRow = map.layers[0].heads[0][7];
  assert.equal(bankRow.indexOf(Math.max(...bankRow)), 4, 'bank attends most to river');
  assert.deepEqual(model.attention('the zebra').known, [true, true, false]);
});

test('embeddings: the token embedding itself, and a centred projection onto two orthogonal directions', () => {
  const e = model.embeddings();
  const { rows, cols, data } = model.toJSON().parameters.token_embedding;
  assert.equal(e.words.length, rows);
  assert.deepEqual(e.vectors.flat(), data);
  assert.equal(e.vectors[0].length, cols);
  assert.ok(e.words.includes('bank'));
  // PCA: the points are centred, the two components uncorrelated, the first the wider one
  const column = (c) => e.projected.map((p) => p[c]);
  const dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);
  const [x, y] = [column(0), column(1)];
  const scale = dot(x, x);
  assert.equal(e.projected.length, rows);
  assert.ok(Math.abs(x.reduce((s, v) => s + v, 0)) < 1e-9 * Math.sqrt(scale));
  assert.ok(Math.abs(y.reduce((s, v) => s + v, 0)) < 1e-9 * Math.sqrt(scale));
  assert.ok(Math.abs(dot(x, y)) < 1e-9 * scale);
  assert.ok(dot(x, x) >= dot(y, y) && dot(y, y) > 0);
});

test('toJSON -> loadModel reproduces predictions and the step', () => {
  const json = JSON.parse(JSON.stringify(model));   // toJSON is what JSON.stringify uses
  const copy = engine.loadModel(json);
  assert.equal(copy.info().step, 400);
  assert.deepEqual(copy.predict('they found the cash at the bank'), model.predict('they found the cash at the bank'));
  copy.dispose();
});

test('weights -> setWeights: a fresh model of the same config then measures exactly as the trained one; a wrong snapshot is refused', () => {
  const snapshot = model.weights();
  assert.ok(snapshot instanceof Float64Array);
  const copy = engine.createModel();
  try {
    assert.notDeepEqual(copy.evaluate(), model.evaluate(), 'an untrained model measures otherwise');
    copy.setWeights(snapshot);
    assert.deepEqual(copy.evaluate(), model.evaluate());
    assert.deepEqual(copy.attention('we saw the river near the bank'), model.attention('we saw the river near the bank'));
    assert.deepEqual(copy.embeddings(), model.embeddings());
    const taken = copy.weights();
    copy.train(1);
    assert.deepEqual(taken, snapshot, 'a snapshot does not follow later training');
    assert.notDeepEqual(copy.weights(), snapshot);
    const before = copy.evaluate();
    assert.throws(() => copy.setWeights(snapshot.subarray(1)), /^Error: set weights: this model has \d+ parameters, got \d+$/);
    assert.throws(() => copy.setWeights([...snapshot]), /setWeights: expected a Float64Array, got an array/);
    assert.deepEqual(copy.evaluate(), before, 'a refused snapshot changes nothing');
  } finally {
    copy.dispose();
  }
});

test('config and learning rate', () => {
  const m = engine.createModel({ d: 8, heads: 2, mlp: true, layerNorm: true, seed: 3 });
  assert.deepEqual({ ...m.info().config }, { d: 8, heads: 2, layers: 1, context: 16, mlp: true, layerNorm: true, attention: true, batch: 16, learningRate: 0.02, seed: 3 });
  m.setLearningRate(0.005);
  assert.equal(m.info().config.learningRate, 0.005);
  assert.throws(() => m.setLearningRate(-1), /the learning rate must be a number above 0, got -1/);
  m.dispose();
});

test('loss on given sentences: lower after training, and the same from a saved and reloaded copy', () => {
  const fresh = engine.createModel();
  const sentences = engine.corpus().test.slice(0, 20);
  const before = fresh.loss(sentences);
  assert.ok(before > 3, `an untrained model is near chance: ${before}`);
  assert.ok(model.loss(sentences) < before);
  const copy = engine.loadModel(model.toJSON());
  assert.equal(copy.loss(sentences), model.loss(sentences));
  copy.dispose();
  assert.throws(() => model.loss([]), /loss: expected 1 to 4096 sentences/);
  assert.throws(() => model.loss([42]), /loss: sentence 0: text must be a string/);
  fresh.dispose();
});
