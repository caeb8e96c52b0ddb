// The URL-state decoder (web/app/state.js) with random and hostile hashes: it never throws, and
// either understands a hash whole or falls back to the defaults with a message; encode and
// decode round-trip every valid state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from './engine.mjs';
import { FIELDS, decode, defaults, encode } from '../../web/app/state.js';

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
    default: return Number.isFinite(value) && value >= spec.min && value <= spec.max;
  }
}

test('any hash: no throw; the state is valid; unreadable hashes give exactly the defaults', () => {
  const keys = fc.constantFrom(...Object.keys(FIELDS), 'widget', '__proto__', 'constructor', 'x');
  const pairs = fc.array(fc.tuple(keys, fc.oneof(fc.string(), fc.constantFrom('1,2,-1;0,1,1;1,0,0', 'NaN', 'Infinity', '1e999', '0', '1'))), { maxLength: 6 });
  const hash = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), pairs.map((p) => `#${new URLSearchParams(p).toString()}`),
    fc.constant(`#${'x'.repeat(1 << 20)}`), fc.constant('#<img src=x onerror=alert(1)>'));
  fc.assert(fc.property(hash, (h) => {
    const { state, error } = decode(h, base);
    for (const key of Object.keys(FIELDS)) assert.ok(valid(key, state[key]), `${key}: ${JSON.stringify(state[key])}`);
    if (error) assert.deepEqual(state, base);
    assert.equal(({}).polluted, undefined);
  }), { numRuns: 2000 });
});

test('encode then decode gives the same state back', () => {
  const cell = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
  const m3 = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 });
  const state = fc.record({
    mode: fc.constantFrom('direct', 'projected'), wk: m3, embeddings: m3, causal: fc.boolean(),
    normalize: fc.constantFrom('sum', 'softmax', 'scaled-softmax'), target: fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 1 }),
    demoHeads: fc.integer({ min: 1, max: 4 }), demoText: fc.string({ maxLength: 200 }),
  }).map((s) => ({ ...base, ...s }));
  fc.assert(fc.property(state, (s) => {
    const { state: back, error } = decode(`#${encode(s, base)}`, base);
    assert.equal(error, undefined);
    assert.deepEqual(back, s);
  }), { numRuns: 500 });
});
