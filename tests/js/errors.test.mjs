// Every bad input throws an Error saying what is wrong, and the engine still answers after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './engine.mjs';

const engine = await load();
const ex = engine.workedExample();
const good = { queries: [ex.queries[0]], keys: ex.keys, values: ex.values };
const expected = engine.attend(good);

function rejects(call, pattern) {
  assert.throws(call, (e) => e instanceof Error && pattern.test(e.message), String(pattern));
  assert.deepEqual(engine.attend(good), expected, 'a correct call afterwards still gives the right answer');
}

test('wrong shapes', () => {
  rejects(() => engine.attend({ ...good, queries: [[1, 2]] }), /^attend: keys has 3 columns but queries has 2$/);
  rejects(() => engine.attend({ ...good, values: [[1, 0, 1]] }), /^attend: values has 1 rows but keys has 3$/);
  rejects(() => engine.attentionGradients({ ...good, target: [[1, 2]] }), /target is 1x2 but the output is 1x3/);
  rejects(() => engine.selfAttention({ embeddings: ex.embeddings, wq: [[1]], wk: ex.wk, wv: ex.wv }), /wq has 1 rows but embeddings has 3 columns/);
});

test('ragged rows, NaN, Infinity, strings', () => {
  rejects(() => engine.attend({ ...good, keys: [[3, -1, 0], [3, -1], [0, 1, -3]] }), /keys row 1 has 2 numbers but row 0 has 3/);
  rejects(() => engine.attend({ ...good, queries: [[1, NaN, -1]] }), /queries\[0\]\[1\] is NaN, not a finite number/);
  rejects(() => engine.attend({ ...good, values: [[1, 0, Infinity], [-1, 2, 0], [1, 1, 1]] }), /values\[0\]\[2\] is Infinity/);
  rejects(() => engine.attend({ ...good, queries: [['1', 2, -1]] }), /queries\[0\]\[0\] is the string "1", not a finite number/);
  rejects(() => engine.attend({ ...good, keys: 'keys' }), /keys must be an array of rows/);
});

test('missing fields and non-objects', () => {
  rejects(() => engine.attend({ queries: good.queries, keys: good.keys }), /^attend: values is missing$/);
  rejects(() => engine.attend(), /attend: expected an options object, got undefined/);
  rejects(() => engine.attend(null), /got null/);
  rejects(() => engine.attend({ ...good, queries: [] }), /queries is empty/);
  rejects(() => engine.attentionGradients(good), /attentionGradients: target is missing/);
});

test('unknown normaliser, bad temperature, bad causal', () => {
  rejects(() => engine.attend({ ...good, normalize: 'sparsemax' }), /unknown normalize the string "sparsemax" \(expected softmax, scaled-softmax, sum, hard\)/);
  rejects(() => engine.attend({ ...good, temperature: 0 }), /temperature must be a finite number > 0, got 0/);
  rejects(() => engine.attend({ ...good, causal: 'yes' }), /causal must be true or false/);
});

test('errors from inside the engine arrive as Errors with their message', () => {
  // divide-by-sum of scores summing to zero is only detectable in C++
  rejects(() => engine.attend({ queries: [[1, 1, 1]], keys: [[1, 0, 0], [0, -1, 0], [0, 0, 0]], values: ex.values, normalize: 'sum' }),
    /^divide-by-sum: row 0 of scores \(1x3\) sums to zero, so its weights are undefined$/);
  rejects(() => engine.createModel({ d: 6, heads: 4 }), /^model config: d = 6 is not divisible by heads = 4$/);
  rejects(() => engine.createModel({ colour: 'red' }), /unknown config field "colour"/);
  rejects(() => engine.loadModel('{"format": 1'), /^load model: not valid JSON/);
});

test('a disposed model says so', () => {
  const m = engine.createModel();
  m.dispose();
  rejects(() => m.train(1), /^train: this model was disposed$/);
});
