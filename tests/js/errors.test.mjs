// Every bad input throws an Error saying what is wrong, and the engine still answers after it. The
// messages about meaning (shapes, ranges, names) are the engine's own, word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './engine.mjs';
import { ENGINE_ERRORS } from '../../web/app/i18n/families.js';

const engine = await load();
const ex = engine.workedExample();
const good = { queries: [ex.queries[0]], keys: ex.keys, values: ex.values };
const expected = engine.attend(good);

function rejects(call, pattern) {
  assert.throws(call, (e) => e instanceof Error && pattern.test(e.message), String(pattern));
  assert.deepEqual(engine.attend(good), expected, 'a correct call afterwards still gives the right answer');
}

const exactly = (message) => new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test('wrong shapes: the engine says what does not fit', () => {
  rejects(() => engine.attend({ ...good, queries: [[1, 2]] }),
    exactly('attention: each query has 2 numbers but each key has 3; a query and a key need the same length to be multiplied'));
  rejects(() => engine.attend({ ...good, values: [[1, 0, 1]] }), exactly('attention: there are 3 keys but 1 values; every key needs its value'));
  rejects(() => engine.attentionGradients({ ...good, target: [[1, 2]] }), exactly("learning: the target (1x2) must have the output's shape (1x3)"));
  rejects(() => engine.selfAttention({ embeddings: ex.embeddings, wq: [[1]], wk: ex.wk, wv: ex.wv }),
    exactly('self-attention: each token has 3 numbers but wq has 1 rows; a token times a matrix needs one row per number'));
  rejects(() => engine.weightedSum({ weights: [[0.5, 0.5]], values: ex.values }),
    exactly('weighted sum: the weights (1x2) need one row of values per weight, got values (3x3)'));
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

test('unknown normaliser, bad temperature, bad causal, bad focus', () => {
  rejects(() => engine.attend({ ...good, normalize: 'sparsemax' }),
    exactly("attention: there is no normaliser called 'sparsemax' (choose softmax, scaled-softmax, sum or hard)"));
  rejects(() => engine.attend({ ...good, temperature: 0 }), exactly('attention: the temperature must be a number above 0, got 0'));
  rejects(() => engine.attend({ ...good, temperature: '1' }), exactly('attend: temperature must be a number, got the string "1"'));
  rejects(() => engine.attend({ ...good, causal: 'yes' }), exactly('attend: causal must be a boolean, got the string "yes"'));
  const self = { embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv };
  rejects(() => engine.selfAttention({ ...self, focus: 3 }), exactly('self-attention: there is no token 4 to focus on: there are 3 tokens'));
  rejects(() => engine.selfAttention({ ...self, focus: 0.5 }), exactly('selfAttention: focus must be a token index (an integer >= 0)'));
});

test('learning: what may change, and by how much, is the engine\'s to say', () => {
  const args = { embeddings: ex.embeddings, wq: ex.wq, wk: ex.wk, wv: ex.wv, focus: 0, target: ex.target };
  rejects(() => engine.descend({ ...args, learn: ['bias'], learningRate: 0.1 }),
    exactly("learning: 'bias' cannot be learned (choose from embeddings, wq, wk, wv)"));
  rejects(() => engine.descend({ ...args, learn: [], learningRate: 0.1 }),
    exactly('learning: a step needs at least one of embeddings, wq, wk, wv to change'));
  rejects(() => engine.descend({ ...args, learn: ['wq'], learningRate: -1 }),
    exactly('optimizer: the learning rate must be a number above 0, got -1'));
  const { target, ...untargeted } = args;
  assert.ok(target);
  rejects(() => engine.descend({ ...untargeted, learn: ['wq'], learningRate: 0.1 }), exactly('learning: a step needs a target to learn towards'));
});

test('size limits: one home in the engine, the same on both sides', () => {
  const { maxSide, maxEntries, maxText } = engine.limits;
  assert.deepEqual([maxSide, maxEntries, maxText], [4096, 1 << 20, 10000]);
  assert.deepEqual(engine.limits.normalizers, ['softmax', 'scaled-softmax', 'sum', 'hard']);
  rejects(() => engine.attend({ ...good, keys: Array.from({ length: maxSide + 1 }, () => [1, 0, 0]) }),
    exactly(`attend: keys is too large (${maxSide + 1}x3); at most ${maxSide} rows or columns and ${maxEntries} entries are allowed`));
  const model = engine.createModel();
  rejects(() => model.predict('bank '.repeat(maxText)), exactly(`predict: the text has more than ${2 * maxText} characters; at most ${maxText} are allowed`));
  // 6,000 two-unit characters: 12,000 UTF-16 units but 6,000 characters, accepted by both sides
  assert.ok(Array.isArray(model.predict('\u{1F3E6}'.repeat(6000))));
  model.dispose();
});

test('errors from inside the engine arrive as Errors with their message', () => {
  // divide-by-sum of scores summing to zero is only detectable in C++
  rejects(() => engine.attend({ queries: [[1, 1, 1]], keys: [[1, 0, 0], [0, -1, 0], [0, 0, 0]], values: ex.values, normalize: 'sum' }),
    exactly('attention: the scores of query 1 add up to 0, so they cannot be divided by their sum'));
  rejects(() => engine.attend({ queries: [[1, 1, 1]], keys: [[1, 0, 0], [0, -1, 0], [0, 0, 0]], values: ex.values, normalize: 'sum', tokens: ['A'] }),
    exactly('attention: the scores of A add up to 0, so they cannot be divided by their sum'));
  // error.reason: the same sentence without the operation's name, which is what the page shows
  assert.throws(() => engine.attend({ queries: [[1, 1, 1]], keys: [[1, 0, 0], [0, -1, 0], [0, 0, 0]], values: ex.values, normalize: 'sum', tokens: ['A'] }),
    (e) => e.reason === 'the scores of A add up to 0, so they cannot be divided by their sum');
  rejects(() => engine.createModel({ d: 6, heads: 4 }), exactly('model config: d = 6 is not divisible by heads = 4'));
  rejects(() => engine.createModel({ colour: 'red' }), /unknown config field "colour"/);
  rejects(() => engine.loadModel('{"format": 1'), /^load model: not valid JSON/);
});

test('a disposed model says so', () => {
  const m = engine.createModel();
  m.dispose();
  rejects(() => m.train(1), /^train: this model was disposed$/);
});

test('an error a reader can cause carries a code and the values its sentence names: every code the page words (i18n/families.js)', () => {
  const caught = (call) => {
    try {
      call();
    } catch (e) {
      return { code: e.code, params: { ...e.params } };
    }
    throw new Error('no error');
  };
  const seen = [
    // scores [1, −1, 0] add up to 0; scores of 1e308 twice add up past a double
    caught(() => engine.attend({ queries: [[1, 1, 1]], keys: [[1, 0, 0], [0, -1, 0], [0, 0, 0]], values: ex.values, normalize: 'sum', tokens: ['A'] })),
    caught(() => engine.attend({ queries: [[1e308]], keys: [[1], [1]], values: [[1], [1]], normalize: 'sum', tokens: ['B'] })),
    caught(() => engine.attend({ queries: [[1e200]], keys: [[1e200]], values: [[1]] })),
    // divide-by-sum of scores (2, −1) weighs by (2, −1): the values' blend can overflow
    caught(() => engine.attend({ queries: [[1]], keys: [[2], [-1]], values: [[1e308], [-1e308]], normalize: 'sum' })),
    caught(() => engine.attentionGradients({ queries: [[1]], keys: [[1]], values: [[1]], target: [[1e308]] })),
    caught(() => engine.descend({ ...ex, target: [[0, 100, 0]], learn: ['wv'], learningRate: 1e308, focus: 0 })),
  ];
  // training that diverges: a learning rate of 50 after 100 good steps, and one of 1e300 from the start
  const diverging = (learningRate, before) => {
    const model = engine.createModel({ learningRate: before ? 0.02 : learningRate });
    try {
      if (before) model.train(before);
      model.setLearningRate(learningRate);
      return caught(() => model.train(100));
    } finally {
      model.dispose();
    }
  };
  const exploded = diverging(50, 100), overflowed = diverging(1e300, 0);
  assert.deepEqual(seen, [
    { code: 'scores-sum-zero', params: { query: 'A' } },
    { code: 'scores-sum-overflow', params: { query: 'B' } },
    { code: 'score-overflow', params: {} },
    { code: 'output-overflow', params: {} },
    { code: 'loss-overflow', params: {} },
    { code: 'step-overflow', params: { rate: '1e+308' } },
  ]);
  assert.equal(exploded.code, 'loss-diverged');
  assert.deepEqual(Object.keys(exploded.params), ['step', 'loss', 'chance', 'rate', 'kept']);
  assert.equal(exploded.params.rate, '50');
  assert.equal(Number(exploded.params.step), Number(exploded.params.kept) + 1);
  assert.equal(overflowed.code, 'loss-not-finite');
  // every code the page words is one the engine gives; a parameter that stops being finite after
  // a step whose loss was finite (parameter-not-finite) Adam's bounded steps do not reach from here
  assert.deepEqual([...seen.map((s) => s.code), exploded.code, overflowed.code, 'parameter-not-finite'], ENGINE_ERRORS);
  // an error only a program can cause has none: its message is for the programmer
  assert.throws(() => engine.createModel({ d: 6, heads: 4 }), (e) => e.code === undefined && e.reason === 'd = 6 is not divisible by heads = 4');
});
