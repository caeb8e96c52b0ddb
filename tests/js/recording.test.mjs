// The training demo's recording, without the engine: the measuring schedule depends on the step
// alone; a 100,000-step run keeps a bounded set of snapshots; each embedding frame is turned onto
// the one before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVALUATE_EVERY, MAX_EVALUATIONS, MAX_SNAPSHOTS, isEvaluationStep, isSnapshotStep, nextEvaluation } from '../../web/engine/recording.js';
import { Recorder } from '../../web/app/training/recorder.js';
import { align } from '../../web/app/training/align.js';

// What the training loop records at a step: an evaluation, and at a snapshot step the views.
const record = (step) => ({
  step,
  evaluation: { loss: 1, bankAccuracy: 0, bankCount: 1, headFindsContext: [0] },
  ...(isSnapshotStep(step) ? { attention: null, predictions: null, embeddings: { words: ['a', 'b'], projected: [[1, 0], [0, 1]] } } : {}),
});

test('a 100,000-step run: evaluations where nextEvaluation says, snapshots bounded and evenly spaced', () => {
  const recorder = new Recorder();
  const steps = [0];
  while (steps.at(-1) < 100000) steps.push(nextEvaluation(steps.at(-1)));
  for (const step of steps) {
    assert.ok(isEvaluationStep(step), `${step} is an evaluation step`);
    recorder.add([record(step)]);
    assert.ok(recorder.snapshots.size <= MAX_SNAPSHOTS + 1, `${recorder.snapshots.size} snapshots at step ${step}`);
  }
  assert.deepEqual(steps.slice(0, 61), Array.from({ length: 61 }, (_, i) => i * EVALUATE_EVERY), 'every 10 steps at first');
  assert.ok(steps.length <= 3 * MAX_EVALUATIONS, `${steps.length} evaluations`);
  const kept = recorder.steps();
  const gaps = new Set(kept.slice(1).map((s, i) => s - kept[i]));
  assert.equal(gaps.size, 1, `evenly spaced: ${[...gaps]}`);
  assert.ok(kept.length >= MAX_SNAPSHOTS / 2, `${kept.length} snapshots kept`);
  assert.equal(recorder.snapshot(12345).step, kept.filter((s) => s <= 12345).at(-1), 'the nearest recorded step at or before');
});

test('each embedding frame is turned or mirrored onto the one before it', () => {
  const before = [[1, 0], [0, 2], [-1, -1], [3, 1]];
  const turned = (t) => before.map(([x, y]) => [x * Math.cos(t) - y * Math.sin(t), x * Math.sin(t) + y * Math.cos(t)]);
  for (const frame of [turned(0.7), turned(-2), before.map(([x, y]) => [x, -y]), turned(3).map(([x, y]) => [-x, y])]) {
    align(frame, before).flat().forEach((v, i) => assert.ok(Math.abs(v - before.flat()[i]) < 1e-12, `entry ${i}: ${v}`));
  }
  assert.deepEqual(align(before, null), before, 'the first frame stays as it is');
});
