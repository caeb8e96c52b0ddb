// The training demo's loss curve stays bounded over a long run and keeps the engine's own losses
// at evenly spaced steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Curve } from '../../web/app/training/curve.js';

const loss = (step) => 1 / step;   // stands in for the engine's loss at a step

test('every step while the points fit', () => {
  const curve = new Curve(8);
  for (let step = 1; step <= 8; step++) curve.push(step, loss(step));
  assert.deepEqual(curve.points, [1, 2, 3, 4, 5, 6, 7, 8].map((s) => [s, loss(s)]));
});

test('100,000 steps keep at most the limit, evenly spaced, each the loss of its step', () => {
  const curve = new Curve(2048);
  for (let step = 1; step <= 100_000; step++) curve.push(step, loss(step));
  const steps = curve.points.map(([x]) => x);
  assert.ok(steps.length <= 2048 && steps.length > 1024, `${steps.length} points`);
  const gap = steps[1] - steps[0];
  assert.equal(gap, 64);
  steps.forEach((x, i) => assert.equal(x, gap * (i + 1)));
  assert.equal(steps.at(-1), 100_000 - (100_000 % gap));
  for (const [x, y] of curve.points) assert.equal(y, loss(x));
});

test('after a divergence is undone the points past the step are gone, and the curve goes on', () => {
  const curve = new Curve(4);
  for (let step = 1; step <= 10; step++) curve.push(step, loss(step));
  assert.deepEqual(curve.points.map(([x]) => x), [4, 8]);
  curve.truncate(6);
  assert.deepEqual(curve.points.map(([x]) => x), [4]);
  for (let step = 7; step <= 12; step++) curve.push(step, loss(step));
  assert.deepEqual(curve.points.map(([x]) => x), [4, 8, 12]);
});
