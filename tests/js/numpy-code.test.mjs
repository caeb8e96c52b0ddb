// The page's "Show the code" programs (web/app/code/numpy-steps.js) and the training demo's NumPy
// script (web/app/code/numpy-training.js), run with Debian's python3 and NumPy (python3-numpy): what
// each prints equals the engine's numbers, at the defaults and at edited states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { load } from './engine.mjs';
import { defaults } from '../../web/app/state.js';
import { compute } from '../../web/app/compute.js';
import { STEP_NUMBERS, stepCode, stepNumbers } from '../../web/app/code/numpy-steps.js';
import { trainingScript } from '../../web/app/code/numpy-training.js';

const PYTHON = '/usr/bin/python3';   // Debian's, with its python3-numpy (not whatever python3 is first on PATH)
const engine = await load();
const example = engine.workedExample();
const base = defaults(example, engine.modelDefaults(), 'the river bank');

// The program's output as { "name": value }: each line is "name = value" (a Python list or float).
function run(code) {
  const out = execFileSync(PYTHON, ['-'], { input: code, encoding: 'utf8' });
  const printed = {};
  for (const line of out.trim().split('\n')) {
    const at = line.indexOf(' = ');
    assert.ok(at > 0, `an output line without " = ": ${line}`);
    printed[line.slice(0, at)] = JSON.parse(line.slice(at + 3));
  }
  return printed;
}

// Every entry within 1e-12 of the engine's, relative to the largest entry of the engine's array
// (an entry that is 0 in exact arithmetic may come out as 1e-17 in either).
function same(printed, name, expected) {
  assert.ok(Object.hasOwn(printed, name), `the program printed no "${name}" (it printed ${Object.keys(printed).join(', ')})`);
  const a = [printed[name]].flat(2), e = [expected].flat(2);
  assert.equal(a.length, e.length, `${name}: ${a.length} numbers, the engine has ${e.length}`);
  const scale = Math.max(...e.map(Math.abs));
  a.forEach((x, i) => assert.ok(Math.abs(x - e[i]) <= 1e-12 * scale, `${name}[${i}]: NumPy ${x}, engine ${e[i]}`));
}

const STATES = {
  defaults: base,
  'softmax / √d, temperature 2, projected tokens, the explanation’s weights, causal': {
    ...base, mode: 'projected', embeddings: [[1, 0.5, 0], [0.2, 1, -0.3], [0, -1, 1.5]], wq: [[0.5, 1, -1], [2, 0, 1], [1, 1, 1]],
    normalize: 'scaled-softmax', temperature: 2, stated: true, causal: true, target: [[0.3, 2, -1]], embeddingRate: 0.3,
  },
  'divide-by-sum, temperature 0.5, a new target': { ...base, normalize: 'sum', temperature: 0.5, target: [[1, 1, 1]], wv: [[1, 0, 2], [-1, 2, 0], [3, 1, 1]] },
  'softmax, causal, direct edits': { ...base, causal: true, wk: [[3, 0, 0], [3, -1, -1], [0, 1, -2]], temperature: 0.3, epsilon: 1e-4 },
};

for (const [label, state] of Object.entries(STATES)) {
  test(`every step's NumPy code prints the engine's numbers (${label})`, () => {
    const results = compute(engine, example, state);
    for (const step of STEP_NUMBERS) {
      const printed = run(stepCode(step, state, example));
      const { found } = stepNumbers(step, results, { engine, example, state });
      assert.ok(Object.keys(found).length >= 2, `step ${step} finds something`);
      for (const [name, value] of Object.entries(found)) same(printed, name, value);
      if (step === 4) assert.equal(Object.hasOwn(printed, 'weights (divide-by-sum)'), !results.normalizers.sum.error, 'divide-by-sum printed exactly when the engine has an answer');
      if (step === 7) {
        const gap = printed['largest gap between the chain rule and the nudge'];
        assert.ok(gap >= 0 && gap < 1e-5, `step 7's finite difference agrees with the chain rule (gap ${gap})`);
      }
    }
  });
}

test('the step programs put the reader’s numbers and choices in the code', () => {
  const state = STATES['softmax / √d, temperature 2, projected tokens, the explanation’s weights, causal'];
  assert.match(stepCode(2, state, example), /Wq = np\.array\(\[\[0\.5, 1\.0, -1\.0\],/);
  assert.match(stepCode(4, state, example), /T = 2\.0 {3}# temperature/);
  assert.match(stepCode(6, state, example), /np\.tril/);
  assert.doesNotMatch(stepCode(6, base, example), /np\.tril/);
  assert.match(stepCode(5, state, example), /weights = np\.array\(\[0\.1, 0\.4, 0\.5\]\)/);
  assert.match(stepCode(1, base, example), /X = np\.eye\(3\)/);
  assert.throws(() => stepCode(10, base, example), /no code for step 10/);
});

test('a step with no numbers for the state says why, in the engine’s words', () => {
  const state = { ...base, normalize: 'sum', wq: [[1, 2, 1], ...base.wq.slice(1)] };   // A's scores add up to 0
  const results = compute(engine, example, state);
  for (const step of [5, 7, 9]) assert.match(stepNumbers(step, results, { engine, example, state }).error, /add up to 0/);
  assert.ok(!('weights (divide-by-sum)' in stepNumbers(4, results, { engine, example, state }).found));
  assert.ok(stepNumbers(3, results, { engine, example, state }).found.scores);
});

// The exported script trains as the engine does: the same losses, step by step.
const CONFIGS = {
  'the demo’s defaults': { learningRate: base.demoLearningRate },
  'two layers of two heads, MLP and layer norm, seed 7': { layers: 2, heads: 2, d: 8, mlp: true, layerNorm: true, seed: 7, batch: 4, learningRate: 0.05 },
  'attention off': { attention: false, seed: 3 },
};
for (const [label, config] of Object.entries(CONFIGS)) {
  test(`the exported training script prints the engine's losses to 1e-9 (${label})`, () => {
    const steps = 6;
    const model = engine.createModel(config);
    const script = trainingScript(model.toJSON(), engine.corpus().train, steps);
    const { losses } = model.train(steps);
    model.dispose();
    const out = execFileSync(PYTHON, ['-'], { input: script, encoding: 'utf8' }).trim().split('\n');
    assert.equal(out.length, steps);
    out.forEach((line, i) => {
      const [, step, loss] = /^step (\d+) loss = (\S+)$/.exec(line);
      assert.equal(Number(step), i + 1);
      assert.ok(Math.abs(Number(loss) - losses[i]) <= 1e-9 * losses[i], `step ${i + 1}: NumPy ${loss}, engine ${losses[i]}`);
    });
  });
}
