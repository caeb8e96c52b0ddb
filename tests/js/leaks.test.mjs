// No leak: heap use is flat over many calls once warmed up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './engine.mjs';

const engine = await load();
const ex = engine.workedExample();
const args = { queries: ex.queries, keys: ex.keys, values: ex.values, target: ex.values, causal: true };

test('10,000 attentionGradients calls leave the heap where it was after the first 100', () => {
  for (let i = 0; i < 100; i++) engine.attentionGradients(args);
  const before = engine.memory();
  for (let i = 0; i < 10000; i++) engine.attentionGradients(args);
  const after = engine.memory();
  assert.equal(after.heapUsed, before.heapUsed);
  assert.equal(after.heapSize, before.heapSize);
});

test('2,000 training steps leave the heap where it was after the first 100', () => {
  const model = engine.createModel();
  model.train(100);
  const before = engine.memory();
  for (let i = 0; i < 20; i++) model.train(100);
  const after = engine.memory();
  assert.equal(after.heapUsed, before.heapUsed);
  assert.equal(after.heapSize, before.heapSize);
  model.dispose();
  assert.equal(engine.memory().liveModels, 0);
});

test('failing calls leak nothing either', () => {
  const bad = { ...args, normalize: 'sum', queries: [[1, 1, 1]], keys: [[1, 0, 0], [0, -1, 0], [0, 0, 0]], target: [[0, 0, 0]] };
  for (let i = 0; i < 100; i++) assert.throws(() => engine.attentionGradients(bad));
  const before = engine.memory().heapUsed;
  for (let i = 0; i < 2000; i++) assert.throws(() => engine.attentionGradients(bad));
  assert.equal(engine.memory().heapUsed, before);
});
