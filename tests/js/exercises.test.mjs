// The exercises' model on the built engine (web/app/exercises/, no DOM): every step's exercises
// read; no challenge is done at the defaults; every "show me" reaches its goal in round numbers
// where they do, or proves it cannot, from the defaults and from edited states; every prediction's answer follows an edit;
// written challenges are checked field by field; progress is kept and reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { load } from './engine.mjs';
import { defaults } from '../../web/app/state.js';
import { readCatalog } from '../../web/app/exercises/read-catalog.js';
import { answer, cellValues, check, correct, environment, readChallenge, readPrediction, standing, withCells } from '../../web/app/exercises/vocabulary.js';
import { solve } from '../../web/app/exercises/solve.js';
import { Progress } from '../../web/app/exercises/progress.js';
import { useEnglish } from './catalogues.mjs';

await useEnglish();

const engine = await load();
const example = engine.workedExample();
const base = defaults(example, engine.modelDefaults(), 'the river bank');
const env = (state) => environment(engine, example, state);
const STEPS = ['tokens', 'projections', 'scores', 'normalize', 'weighted-sum', 'all-tokens', 'gradients', 'soft-hard', 'embeddings', 'training'];
const catalog = readCatalog();
const all = Object.values(catalog).flat();
assert.ok(all.every(Boolean), 'every exercise of the catalog reads');
const challenges = all.filter((x) => x.kind === 'challenge');
const predictions = all.filter((x) => x.kind === 'predict');
// The challenges whose lesson is that no edit of their cells can reach the goal.
const IMPOSSIBLE = ['hard-learns'];

test('every step has a prediction and a challenge, ten or more of each, ids unique', () => {
  assert.deepEqual(Object.keys(catalog), STEPS);
  for (const step of STEPS) {
    const kinds = catalog[step].map((x) => x.kind);
    assert.ok(kinds.includes('predict') && kinds.includes('challenge'), step);
  }
  assert.ok(predictions.length >= 10 && challenges.length >= 10, `${predictions.length} predictions, ${challenges.length} challenges`);
  assert.equal(new Set(all.map((x) => x.id)).size, all.length);
});

test('at the defaults no challenge is already done', () => {
  for (const c of challenges) assert.equal(check(env(base), c).done, false, c.id);
});

test('where a challenge stands is said without giving the answer away', () => {
  const byId = Object.fromEntries(challenges.map((c) => [c.id, c]));
  const at = (id, edit = {}) => standing(byId[id], check(env({ ...base, ...edit }), byId[id]));
  assert.equal(at('b-wins'), 'Now C comes first; the goal: B first.');
  assert.equal(at('b-wins', { wk: [[3, -1, 0], [3, 1, 0], [0, 1, -3]] }), 'Now B ties for first; the goal: B alone.');
  assert.equal(at('opposite-key'), 'Now 5; the goal: below 0.');
  assert.equal(at('hard-learns'), 'Now 0; the goal: above 0.1.');
});

// Edited states each challenge's "show me" must also solve from.
const EDITS = [
  {},
  { target: [[0, 1, 0]] },
  { wk: [[3, -1, 0], [3, -1, -1], [0, 1, -1]], temperature: 2 },
  { wq: [[2, 1, -1], [0, 1, 1], [1, 0, 0]], wv: [[1, 1, 0], [-1, 2, 0], [1, 1, 1]] },
];

test('every show-me reaches its goal, or proves it cannot, from the defaults and edited states', () => {
  for (const c of challenges) {
    for (const edit of EDITS) {
      const start = { ...base, ...edit };
      const before = check(env(start), c);
      const result = solve(env, c, start);
      const where = `${c.id} from ${JSON.stringify(edit)}`;
      if (IMPOSSIBLE.includes(c.id)) {
        assert.equal(result.done, false, where);
        assert.match(result.impossible, /^No edit of these cells can do it.*the largest gradient reaching Wq or Wk is 0:/, where);
        assert.equal(result.path.length, 0, where);
        continue;
      }
      assert.equal(result.stuck, false, where);
      assert.equal(result.done, true, where);
      const end = result.path.at(-1) ?? start;
      assert.equal(check(env(end), c).done, true, where);
      // in round numbers where they still do: no cell rounds to a hundredth that would also reach the goal
      if (result.path.length) {
        const xs = cellValues(end, c.cells);
        xs.forEach((x, i) => {
          const rounded = xs.map((v, k) => (k === i ? Math.round(v * 100) / 100 : v));
          if (rounded[i] !== x) assert.equal(check(env(withCells(start, c.cells, rounded)), c).done, false, `${where}: cell ${i} is ${x}`);
        });
      }
      assert.ok(before.done || result.path.length > 0, where);
      // only the unlocked cells moved
      for (const key of ['wq', 'wk', 'wv', 'embeddings', 'target', 'temperature', 'normalize']) {
        const free = c.cells.filter((cell) => cell.field === key);
        const strip = (state) => (Array.isArray(state[key]) ? state[key].map((row, r) => row.map((x, k) => (free.some((f) => f.row === r && f.col === k) ? 0 : x))) : (free.length ? 0 : state[key]));
        assert.deepEqual(strip(end), strip(start), `${where}: ${key}`);
      }
    }
  }
});

// For each prediction, an edit after which the engine's answer differs. For the two whose answer
// is the same whatever the numbers (the lesson), the reason given is recomputed instead.
const CHANGES = {
  'query-entry': { wq: [[1, 5, -1], [0, 1, 1], [1, 0, 0]] },
  'same-way': { wk: [[3, -1, 0], [3, -1, -1], [0, -1, 3]] },
  'attend-most': { wk: [[3, -1, 0], [3, 3, 0], [0, 1, -3]] },
  'weights-add-up': { wk: [[3, -1, 0], [3, 3, 0], [0, 1, -3]] },
  cold: { temperature: 0.05 },
  'largest-entry': { wv: [[1, 0, 1], [-1, 2, 0], [3, 0, 0]] },
  'masked-self': { wk: [[3, -1, 0], [-3, 1, 1], [0, 1, -3]] },
  'b-score-move': { target: [[1.5, 2, 0.5]] },
  'hard-moves': { target: [[0, 1, 0]], wk: [[3, -1, 0], [3, -1, -1], [0, 1, -1]] },
  'vector-move': { target: [[-2, 1, 0.5]] },
  'nobody-says': { target: [[-1, 2, 0]] },
};
const SAME_ANSWER = { 'weights-add-up': 1, 'hard-moves': 'no change' };

test('every prediction’s answer is recomputed after an edit that changes it', () => {
  assert.deepEqual(Object.keys(CHANGES).sort(), predictions.map((p) => p.id).sort());
  for (const p of predictions) {
    const before = answer(env(base), p);
    const after = answer(env({ ...base, ...CHANGES[p.id] }), p);
    assert.equal(before.error, undefined, p.id);
    assert.notEqual(after.text, before.text, p.id);
    if (p.id in SAME_ANSWER) {
      for (const { value } of [before, after]) {
        if (p.as === 'number') assert.ok(Math.abs(value - SAME_ANSWER[p.id]) < 1e-12, `${p.id}: ${value}`);
        else assert.equal(value, SAME_ANSWER[p.id], p.id);
      }
    } else assert.notEqual(after.value, before.value, p.id);
    // the right answer is right, and the reader's other options are not
    const guess = p.as === 'number' ? String(before.value) : before.value;
    assert.equal(correct(p, guess, before), true, p.id);
    if (p.as === 'number') assert.equal(correct(p, String(before.value + 1), before), false, p.id);
  }
});

test('the reveal sentences carry the engine’s numbers', () => {
  const byId = Object.fromEntries(predictions.map((p) => [p.id, p]));
  assert.equal(answer(env(base), byId['attend-most']).text,
    'A’s scores are [1, 2, 5]; softmax turns them into the weights [0.01715, 0.04661, 0.9362], so C gets the most (0.9362): the largest score always gets the largest weight.');
  assert.match(answer(env(base), byId['hard-moves']).text, /A’s score for C went from 5 to 5\. .*the largest gradient reaching Wq or Wk is 0:/);
});

test('a written challenge is read field by field; a malformed one says what is wrong', () => {
  const good = { id: 'my-1', title: 'Make B win', goal: { quantity: 'top', is: 'B' }, cells: ['wk.B', 'wq.A.2'] };
  const { value } = readChallenge(good);
  assert.deepEqual(value.cells, [{ field: 'wk', row: 1, col: 0 }, { field: 'wk', row: 1, col: 1 }, { field: 'wk', row: 1, col: 2 }, { field: 'wq', row: 0, col: 1 }]);
  assert.deepEqual(value.goal, { quantity: 'top', params: { by: 0 }, compare: 'is', want: 1 });
  const bad = [
    [null, /challenge: expected an object/],
    [{ ...good, id: 'Bad Id' }, /^id: expected lower-case/],
    [{ ...good, run: 'alert(1)' }, /unknown “run”/],
    [{ ...good, goal: { quantity: 'eval', is: 'B' } }, /goal.quantity: “eval” is not one of/],
    [{ ...good, goal: { quantity: 'top', is: 'D' } }, /token: “D” is not one of A, B, C/],
    [{ ...good, goal: { quantity: 'score', of: 'B', above: 1, below: 2 } }, /exactly one of above, below or is/],
    [{ ...good, goal: { quantity: 'score', of: 'B', is: 'B' } }, /is a number: compare it with above or below/],
    [{ ...good, goal: { quantity: 'score', above: 1 } }, /score needs of/],
    [{ ...good, goal: { quantity: 'score', of: 'B', above: '1' } }, /goal.above: expected a number/],
    [{ ...good, cells: ['wx.B'] }, /“wx.B” is not a cell/],
    [{ ...good, cells: ['wk.B', 'wk.B.1'] }, /listed twice/],
    [{ ...good, cells: [] }, /1 to 12 cells/],
    [{ ...good, title: '' }, /title: expected text/],
  ];
  for (const [data, message] of bad) {
    const result = readChallenge(data);
    assert.equal(result.value, undefined);
    assert.match(result.error, message);
  }
});

test('any data given as a challenge or a prediction is read or refused with a reason, never thrown', () => {
  const good = { id: 'my-1', title: 'Make B win', goal: { quantity: 'top', is: 'B' }, cells: ['wk.B'] };
  const near = fc.record({ id: fc.oneof(fc.string(), fc.constant('ok-1')), title: fc.string(), goal: fc.oneof(fc.jsonValue(),
    fc.record({ quantity: fc.constantFrom('top', 'score', 'weight', '__proto__', 'constructor'), of: fc.jsonValue(), is: fc.jsonValue(), above: fc.jsonValue() })),
  cells: fc.oneof(fc.jsonValue(), fc.array(fc.constantFrom('wk', 'wk.B', 'wq.C.3', 'target.A.1', 'temperature', 'wk.B.4', 'toString'))) }, { requiredKeys: [] });
  fc.assert(fc.property(fc.oneof(fc.jsonValue(), near, fc.constant(JSON.parse('{"__proto__": {"x": 1}}'))), (data) => {
    for (const read of [readChallenge, readPrediction]) {
      const { value, error } = read(data);
      assert.ok((value === undefined) !== (error === undefined));
      if (error) assert.equal(typeof error, 'string');
    }
  }), { numRuns: 2000 });
  assert.equal(readChallenge(good).error, undefined);
  assert.equal(({}).x, undefined);
});

test('progress is kept in the storage, survives a new reader of it, ignores junk and resets', () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
  const progress = new Progress(storage);
  assert.equal(progress.record('b-wins', 'done'), true);
  assert.equal(progress.record('b-wins', 'done'), false);
  progress.record('attend-most', 'answered');
  const again = new Progress(storage);
  assert.equal(again.get('b-wins'), 'done');
  assert.equal(again.count(['b-wins', 'attend-most', 'cold']), 2);
  store.set('attention-explained:progress', '{"x":"hacked","y":"done"');
  assert.deepEqual(new Progress(storage).results, {});
  store.set('attention-explained:progress', '{"x":"hacked","y":"done"}');
  assert.deepEqual(new Progress(storage).results, { y: 'done' });
  again.reset();
  assert.deepEqual(new Progress(storage).results, {});
  const broken = new Progress({ getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } });
  assert.equal(broken.record('cold', 'answered'), true);
  assert.equal(broken.get('cold'), 'answered');
});
