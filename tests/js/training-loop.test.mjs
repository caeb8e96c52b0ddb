// The training loop's run state (web/engine/training-loop.js) with a stand-in model: pause then
// start within one slice leaves exactly one loop stepping the model, and the rate a command
// carries is the one the model trains with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEvaluator, remoteEvaluator } from '../../web/engine/evaluation.js';
import { createTrainingLoop } from '../../web/engine/training-loop.js';

const SLOW_MS = 15;   // longer than the loop's slice, so every slice is exactly one train() call

// A model whose train() takes SLOW_MS and records which turn of the test's ticker it ran in.
function standIn(calls, clock) {
  const model = {
    step: 0,
    rates: [],
    train(n) {
      const end = performance.now() + SLOW_MS;
      while (performance.now() < end) { /* a slow step */ }
      this.step += n;
      calls.push(clock.turn);
      return { losses: Array(n).fill(1), accuracies: Array(n).fill(0), step: this.step };
    },
    setLearningRate(lr) { this.rates.push(lr); },
    info: () => ({ step: model.step, vocabulary: [], config: {} }),
    attention: () => null,
    predict: () => [],
    embeddings: () => ({ words: [], projected: [] }),
    evaluate: () => null,
    dispose() {},
  };
  return { createModel: () => model, model };
}

// Turns of the event loop, counted by a chain of zero-delay timers queued alongside the loop's.
async function turns(clock, count) {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock.turn++;
  }
}

test('pause then start within one slice: one loop steps the model, one slice per turn', async () => {
  const calls = [], clock = { turn: 0 }, messages = [];
  const engine = standIn(calls, clock);
  const handle = createTrainingLoop(Promise.resolve(engine), (m) => messages.push(m));
  await handle({ type: 'create', config: {} });
  await handle({ type: 'start', learningRate: 0.5 });
  await turns(clock, 3);
  // The race: both commands arrive while the loop sleeps between two slices. (The new loop
  // runs its first slice at once, so the turn of the restart itself is not counted.)
  const restarted = clock.turn;
  await Promise.all([handle({ type: 'pause' }), handle({ type: 'start', learningRate: 0.25 })]);
  await turns(clock, 12);
  await handle({ type: 'pause' });
  const perTurn = new Map();
  for (const turn of calls.filter((t) => t > restarted)) perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
  assert.ok(perTurn.size >= 8, `the restarted loop kept stepping (${perTurn.size} turns)`);
  assert.deepEqual([...new Set(perTurn.values())], [1], `slices per turn after the restart: ${[...perTurn.values()]}`);
  assert.deepEqual(messages.filter((m) => m.type === 'paused').map((m) => m.reason), ['paused', 'paused']);
  assert.deepEqual(engine.model.rates, [0.5, 0.25]);
});

test('start and step carry the page’s learning rate; a bad one is an error message, not a crash', async () => {
  const calls = [], clock = { turn: 0 }, messages = [];
  const engine = standIn(calls, clock);
  engine.model.setLearningRate = function (lr) {
    if (!(lr > 0)) throw new Error(`setLearningRate: learning rate must be a finite number > 0, got ${lr}`);
    this.rates.push(lr);
  };
  const handle = createTrainingLoop(Promise.resolve(engine), (m) => messages.push(m));
  await handle({ type: 'create', config: {} });
  await handle({ type: 'step', count: 2, learningRate: 0.01 });
  await handle({ type: 'step', count: 1, learningRate: -1 });
  assert.deepEqual(engine.model.rates, [0.01]);
  assert.equal(engine.model.step, 2);
  assert.match(messages.at(-1).message, /learning rate must be a finite number > 0/);
});

// A run that reaches the step it was started for says so (the page words it from its catalogue).
test('a run that reaches its goal stops with reason "reached", at that step', async () => {
  const { load } = await import('./engine.mjs');
  let stopped;
  const done = new Promise((resolve) => { stopped = resolve; });
  const handle = createTrainingLoop(load(), (m) => { if (m.type === 'paused') stopped(m); });
  await handle({ type: 'create', config: {}, pace: 0 });
  await handle({ type: 'start', untilStep: 7 });
  const m = await done;
  assert.deepEqual([m.reason, m.step], ['reached', 7]);
});

// The real engine: a run at a pace, one as fast as it goes and a one-call replay (a link's)
// measure the test set at the same steps and get the same numbers.
test('evaluations fall on the same steps with the same numbers at any pace, and in a replay', async () => {
  const { load } = await import('./engine.mjs');
  const { EVALUATE_EVERY } = await import('../../web/engine/recording.js');
  const run = async (commands, evaluator = null) => {
    const records = [];
    let done;
    const finished = new Promise((resolve) => { done = resolve; });
    const handle = createTrainingLoop(load(), (m) => {
      if (m.type === 'progress') records.push(...m.records);
      if (m.type === 'paused' || (m.type === 'progress' && !m.running && m.step === 60)) done();
      if (m.type === 'error') throw new Error(m.message);
    }, evaluator);
    for (const c of commands) await handle(c);
    await finished;
    return records.map(({ step, evaluation, embeddings }) => ({ step, evaluation, embeddings }));
  };
  const create = { type: 'create', config: {}, text: 'the boy saw the river bank' };
  const fast = await run([{ ...create, pace: 0 }, { type: 'start', untilStep: 60 }]);
  const paced = await run([{ ...create, pace: 240 }, { type: 'start', untilStep: 60 }]);
  const replayed = await run([create, { type: 'step', count: 60 }]);
  assert.deepEqual(fast.map((r) => r.step), Array.from({ length: 60 / EVALUATE_EVERY + 1 }, (_, i) => i * EVALUATE_EVERY));
  assert.deepEqual(paced, fast);
  assert.deepEqual(replayed, fast);
  // evaluated elsewhere (as on the page's second worker) from snapshots of the weights, with
  // training running ahead of it: the same records
  assert.deepEqual(await run([{ ...create, pace: 0 }, { type: 'start', untilStep: 60 }], createEvaluator(load())), fast);
  assert.deepEqual(await run([create, { type: 'step', count: 60 }], createEvaluator(load())), fast);
  // and should the second worker fail (here after the model and the first snapshot were sent),
  // the trainer's own engine evaluates the unanswered snapshots and the rest: the same records
  const failing = Object.assign(new EventTarget(), {
    sent: 0,
    postMessage() { if (++this.sent === 2) setTimeout(() => this.dispatchEvent(new Event('error'))); },
  });
  assert.deepEqual(await run([{ ...create, pace: 0 }, { type: 'start', untilStep: 60 }], remoteEvaluator(failing, () => createEvaluator(load()))), fast);
  assert.ok(fast.every((r) => Number.isFinite(r.evaluation.loss) && r.embeddings), 'each record has its evaluation and views');
});
