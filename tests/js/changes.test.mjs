// What the live region says after an edit (web/app/changes.js): at most two numbers, the ones
// that moved most against the largest number of their kind, in the page's words; nothing when
// nothing moved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { biggestChanges, changesSentence } from '../../web/app/changes.js';
import { useEnglish } from './catalogues.mjs';

await useEnglish();

const T = ['A', 'B', 'C'];
// compute()'s results, reduced to the numbers changes.js reads.
const results = ({ scores = [1, 2, 5], weights = [0.05, 0.05, 0.9], output = [1, 1, 1], loss = 2 } = {}) => ({
  normalizers: { softmax: { scores: [scores] } },
  chosen: { weights: [weights], output: [output] },
  all: { weights: [weights, [0.3, 0.3, 0.4], [0.2, 0.3, 0.5]] },
  learning: { loss },
});

test('a weight that doubles is named before a score that moved more units but less of its scale', () => {
  // B's weight moves 0.05 of the largest weight's 0.9; C's score 0.2 of the largest score's 5.2
  const changes = biggestChanges(results(), results({ scores: [1, 2, 5.2], weights: [0.05, 0.1, 0.87] }), T);
  assert.deepEqual(changes, [{ label: 'A’s weight on B', from: 0.05, to: 0.1 }, { label: 'A’s score for C', from: 5, to: 5.2 }]);
  assert.equal(changesSentence(changes), 'A’s weight on B: 0.05 → 0.1; A’s score for C: 5 → 5.2.');
});

test('at most two numbers, and nothing to say when nothing moved', () => {
  assert.equal(biggestChanges(results(), results({ scores: [3, 4, 7], output: [2, 0, 5], loss: 9 }), T).length, 2);
  assert.deepEqual(biggestChanges(results(), results(), T), []);
  assert.equal(changesSentence([]), '');
});

test('a part the engine refused (no weights) is left out, not read as a change', () => {
  const refused = { ...results(), chosen: { error: 'the scores of A add up to 0' } };
  const changes = biggestChanges(results(), refused, T);
  assert.ok(changes.every((c) => !c.label.startsWith('A’s weight') && !c.label.startsWith('A’s output')), JSON.stringify(changes));
});
