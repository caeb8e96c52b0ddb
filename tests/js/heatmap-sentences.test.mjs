// What a screen reader is told of a heatmap row (web/app/widgets/heatmap.js): the largest weights
// first, and a word that appears twice in the sentence named with its place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attendsSentence, distinct } from '../../web/app/widgets/heatmap.js';
import { useEnglish } from './catalogues.mjs';

await useEnglish();

test('a repeated word is told apart by its place; a single one keeps its name', () => {
  assert.deepEqual(distinct(['the', 'bank', 'of', 'the', 'river']), ['the (word 1)', 'bank', 'of', 'the (word 4)', 'river']);
  assert.deepEqual(distinct(['A', 'B', 'C']), ['A', 'B', 'C']);
});

test('a row names its three largest weights, largest first, and leaves the masked ones out', () => {
  const cols = distinct(['the', 'bank', 'the', 'river']);
  assert.equal(attendsSentence('bank', [0.1, 0.2, 0.3, 0.4], cols), 'bank attends 40% to river, 30% to the (word 3), 20% to bank, and less to 1 other.');
  assert.equal(attendsSentence('the (word 1)', [1, 0, 0, 0], cols, (c) => c > 0), 'the (word 1) attends 100% to the (word 1).');
});
