// The URL-state decoder (web/app/state.js) with random and hostile hashes: it never throws, keeps
// every setting it can read and drops each one it cannot (with a message naming it); encode and
// decode round-trip every valid state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from './engine.mjs';
import { FIELDS, decode, defaults, encode, parseField, unreadable } from '../../web/app/state.js';
import { useEnglish } from './catalogues.mjs';

await useEnglish();

const engine = await load();
const base = defaults(engine.workedExample(), engine.modelDefaults(), 'the river bank');

function valid(key, value) {
  const spec = FIELDS[key];
  switch (spec.kind) {
    case 'matrix': return Array.isArray(value) && value.length === spec.rows && value.every((r) => r.length === spec.cols && r.every(Number.isFinite));
    case 'enum': return spec.values.includes(value);
    case 'boolean': return typeof value === 'boolean';
    case 'set': return Array.isArray(value) && value.every((v) => spec.values.includes(v));
    case 'text': return typeof value === 'string' && value.length <= spec.maxLength;
    case 'fork': return value === null || !spec.parse(spec.format(value)).error;
    default: return Number.isFinite(value) && value >= spec.min && value <= spec.max;
  }
}

test('any hash: no throw; the state is valid; each field is its default or read from the hash; drops are named', () => {
  const keys = fc.constantFrom(...Object.keys(FIELDS), 'widget', '__proto__', 'constructor', 'x');
  const pairs = fc.array(fc.tuple(keys, fc.oneof(fc.string(), fc.constantFrom('1,2,-1;0,1,1;1,0,0', 'NaN', 'Infinity', '1e999', '0', '1'))), { maxLength: 6 });
  const hash = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), pairs.map((p) => `#${new URLSearchParams(p).toString()}`),
    fc.constant(`#${'x'.repeat(1 << 20)}`), fc.constant('#<img src=x onerror=alert(1)>'));
  fc.assert(fc.property(hash, (h) => {
    const { state, error } = decode(h, base);
    const given = new URLSearchParams(h.replace(/^#/, ''));
    const tooLong = h.replace(/^#/, '').length > 4000;   // state.js reads no hash longer than this
    for (const key of Object.keys(FIELDS)) {
      assert.ok(valid(key, state[key]), `${key}: ${JSON.stringify(state[key])}`);
      const read = given.getAll(key).map((t) => parseField(key, t)).filter((r) => !r.error).map((r) => r.value);
      if (tooLong || read.length === 0) assert.deepEqual(state[key], base[key], key);
      else assert.deepEqual(state[key], read.at(-1), key);
      if (!tooLong && given.getAll(key).some((t) => parseField(key, t).error)) assert.match(error, new RegExp(`dropped .*${key}, the`));
    }
    assert.deepEqual(Object.keys(state).sort(), Object.keys(base).sort());
    assert.equal(({}).polluted, undefined);
  }), { numRuns: 2000 });
});

test('one bad field in a link drops only that field, and the message names it and says why', () => {
  const { state, error } = decode('#wq=7,0,0;0,1,0;0,0,1&demoLearningRate=0.000001&causal=1', base);
  assert.deepEqual(state.wq, [[7, 0, 0], [0, 1, 0], [0, 0, 1]]);
  assert.equal(state.causal, true);
  assert.equal(state.demoLearningRate, base.demoLearningRate);
  assert.equal(error, 'dropped demoLearningRate, the training learning rate (0.000001 is below 0.00001, the smallest allowed); kept every other setting');
});

test('a truncated link keeps every whole field before the cut', () => {
  const full = encode({ ...base, wk: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], causal: true, target: [[1, 0.5, 2]] }, base);
  const { state, error } = decode(`#${full.slice(0, full.indexOf('target=') + 12)}`, base);
  assert.deepEqual(state.wk, [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  assert.equal(state.causal, true);
  assert.deepEqual(state.target, base.target);
  assert.equal(error, 'dropped target, the target (expected 1x3 numbers); kept every other setting');
});

test('every field: the defaults read back; the reader normalises what it keeps (−0, rounding, spaces)', () => {
  for (const key of Object.keys(FIELDS)) assert.equal(unreadable(key, base[key]), null, key);
  assert.deepEqual(parseField('temperature', '1.23456'), { value: 1.23 });
  assert.ok(Object.is(parseField('wk', '-0,0,0;0,0,0;0,0,0').value[0][0], 0));
  assert.deepEqual(parseField('demoText', '  the river bank '), { value: 'the river bank' });
  assert.match(parseField('demoD', '10').error, /not one of 8, 12, 16, 24, 32/);
  assert.match(parseField('demoSeed', '1.5').error, /not a whole number/);
  assert.deepEqual(parseField('demoSeed', '1e3'), { value: 1000 });
  assert.deepEqual(parseField('demoSeed', String(2 ** 31)), { value: 2 ** 31 });   // past a cell's ±1e6: a seed is no cell
  assert.match(unreadable('wq', [[2e6, 0, 0], [0, 0, 0], [0, 0, 0]]), /queries: row 1, entry 1: too large/);
  assert.match(unreadable('temperature', 1.2345), /would not read back the same/);
  assert.match(unreadable('nonsense', 1), /unknown setting/);
  assert.match(unreadable('wq', 5), /queries: not a matrix of numbers/, 'the kind named in words, from the catalogue');
});

test('encode then decode gives the same state back', () => {
  const cell = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
  const m3 = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 });
  const state = fc.record({
    mode: fc.constantFrom('direct', 'projected'), wk: m3, embeddings: m3, causal: fc.boolean(),
    normalize: fc.constantFrom('sum', 'softmax', 'scaled-softmax'), target: fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 1 }),
    demoHeads: fc.integer({ min: 1, max: 4 }), demoText: fc.string({ maxLength: 200 }).map((t) => t.trim()),
  }).map((s) => ({ ...base, ...s }));
  fc.assert(fc.property(state, (s) => {
    const { state: back, error } = decode(`#${encode(s, base)}`, base);
    assert.equal(error, undefined);
    assert.deepEqual(back, s);
  }), { numRuns: 500 });
});
