// Property-based: every public JS function, called with random and hostile arguments, either
// returns finite numbers or throws an Error with a message; a correct call afterwards still
// gives the right answer, and no prototype gets polluted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from './engine.mjs';

const engine = await load();
const ex = engine.workedExample();
const RUNS = 500;

const number = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0), fc.integer());
const matrix = fc.oneof(
  fc.array(fc.array(number, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),   // ragged or not
  fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 })),
  fc.constant(Array.from({ length: 5000 }, () => [1])),   // huge
  fc.constant(ex.keys),
);
const hostile = fc.oneof(
  fc.anything(),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "queries": [[1]]}')),
  fc.constant({ constructor: { prototype: { polluted: 1 } } }),
  fc.string(),
  matrix,
);
const attentionArgs = fc.record({
  queries: fc.oneof(matrix, hostile), keys: fc.oneof(matrix, hostile), values: fc.oneof(matrix, hostile),
  normalize: fc.oneof(fc.constantFrom('softmax', 'scaled-softmax', 'sum', 'hard'), hostile),
  temperature: fc.oneof(number, hostile), causal: fc.oneof(fc.boolean(), hostile),
  target: fc.oneof(matrix, hostile), focus: fc.oneof(fc.integer({ min: -1, max: 4 }), hostile),
  embeddings: fc.oneof(matrix, hostile), wq: fc.oneof(matrix, hostile), wk: fc.oneof(matrix, hostile), wv: fc.oneof(matrix, hostile),
  learn: fc.oneof(fc.subarray(['embeddings', 'wq', 'wk', 'wv']), hostile), learningRate: fc.oneof(number, hostile),
  weights: fc.oneof(matrix, hostile),
}, { requiredKeys: [] });

// Well-formed calls with extreme finite entries: random shapes rarely agree, so without these the
// engine would seldom compute anything, and its overflow checks would go unexercised.
const finite = fc.oneof(fc.constantFrom(1e308, -1e308, 1e200, -1e154, 5e-324, 0), fc.double({ min: -10, max: 10, noNaN: true }));
const sized = (rows, cols) => fc.array(fc.array(finite, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const size = fc.integer({ min: 1, max: 3 });
const shaped = fc.record({ m: size, n: size, d: size, dv: size, focus: fc.integer({ min: -1, max: 2 }) })
  .chain(({ m, n, d, dv, focus }) => fc.record({
    queries: sized(m, d), keys: sized(n, d), values: sized(n, dv), weights: sized(m, n),
    embeddings: sized(n, d), wq: sized(d, d), wk: sized(d, d), wv: sized(d, dv),
    focus: fc.constant(Math.min(focus, n - 1)),
    // attend's target is (m x dv); self-attention's is (1 x dv) with a focus token, else (n x dv)
    target: fc.oneof(sized(m, dv), sized(Math.min(focus, n - 1) >= 0 ? 1 : n, dv)),
    normalize: fc.constantFrom('softmax', 'scaled-softmax', 'sum', 'hard'), causal: fc.constant(false),
    learn: fc.subarray(['embeddings', 'wq', 'wk', 'wv'], { minLength: 1 }),
    learningRate: fc.oneof(fc.constantFrom(1e308, 1e150), fc.double({ min: 1e-3, max: 10, noNaN: true })),
  }));

function allFinite(value, seen = new Set()) {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object' || seen.has(value)) return true;
  seen.add(value);
  return Object.values(value).every((v) => allFinite(v, seen));
}

// Returns finite numbers or throws an Error with a message; the engine answers correctly after.
// The finiteness check stays outside the try: inside, its AssertionError (an Error with a
// message) would be taken for the engine's clear error, and the property could never fail.
function wellBehaved(call) {
  let result;
  try {
    result = call();
  } catch (error) {
    assert.ok(error instanceof Error, `threw a non-Error: ${String(error)}`);
    assert.ok(error.message.length > 0, 'an Error without a message');
    result = null;
  }
  assert.ok(allFinite(result), `a non-finite number came back: ${JSON.stringify(result)?.slice(0, 200)}`);
  assert.deepEqual(engine.attend({ queries: [ex.queries[0]], keys: ex.keys, values: ex.values }).scores, [[1, 2, 5]]);
  assert.equal(({}).polluted, undefined, 'Object.prototype was polluted');
}

test('inputs that overflow a double give a clear Error, not Infinity', () => {
  assert.throws(() => engine.weightedSum({ weights: [[1e308, 1e308]], values: [[1e308], [1e308]] }),
    { name: 'Error', message: /^weighted sum: the output \(1x1\) has a non-finite value at row 0, column 0/ });
  assert.throws(() => engine.attentionGradients({ queries: [[1]], keys: [[1]], values: [[1]], target: [[1e308]] }),
    { name: 'Error', message: 'learning: the loss overflows (the output is too far from the target); bring the target closer' });
  assert.throws(() => engine.descend({ ...ex, target: [[0, 100, 0]], learn: ['wv'], learningRate: 1e308, focus: 0 }),
    { name: 'Error', message: 'learning: the step overflows (learning rate 1e+308 times the gradient exceeds 1.8e308); take a smaller learning rate' });
});

for (const name of ['attend', 'attentionGradients', 'selfAttention', 'descend', 'weightedSum']) {
  test(`${name} with random and hostile arguments`, () => {
    fc.assert(fc.property(fc.oneof(attentionArgs, hostile, shaped), (args) => wellBehaved(() => engine[name](args))), { numRuns: RUNS });
  });
}

test('createModel and loadModel with random and hostile arguments', () => {
  const config = fc.record({
    d: fc.oneof(fc.integer({ min: -2, max: 40 }), hostile), heads: fc.oneof(fc.integer({ min: 0, max: 5 }), hostile),
    mlp: fc.oneof(fc.boolean(), hostile), learningRate: fc.oneof(number, hostile), seed: fc.oneof(fc.nat(), hostile),
  }, { requiredKeys: [] });
  fc.assert(fc.property(fc.oneof(config, hostile), (c) => wellBehaved(() => {
    const model = engine.createModel(c);
    model.dispose();
    return null;
  })), { numRuns: RUNS });
  const saved = engine.createModel().toJSON();
  const corrupt = fc.oneof(hostile, fc.jsonValue(), fc.record({ parameters: hostile, config: hostile, vocabulary: hostile }),
    fc.constant({ ...saved, parameters: { ...saved.parameters, unembedding: { rows: 1e9, cols: 1e9, data: [] } } }),
    fc.string().map((s) => JSON.stringify(saved).slice(0, s.length * 97)));
  fc.assert(fc.property(corrupt, (json) => wellBehaved(() => engine.loadModel(json).dispose())), { numRuns: RUNS });
});

test("a model's methods with random and hostile arguments", () => {
  const model = engine.createModel();
  const calls = [
    (x) => model.train(x), (x) => model.predict(x, 3), (x) => model.predict('the river bank', x), (x) => model.attention(x),
    (x) => model.loss(x), (x) => model.setLearningRate(x),
  ];
  const small = fc.oneof(fc.integer({ min: -3, max: 3 }), hostile);
  fc.assert(fc.property(fc.nat(calls.length - 1), small, (i, x) => wellBehaved(() => calls[i](x))), { numRuns: RUNS });
  model.dispose();
  const fresh = engine.createModel();   // the engine still trains, whatever the hostile calls did to that model
  assert.equal(fresh.train(50).losses.length, 50);
  fresh.dispose();
});
