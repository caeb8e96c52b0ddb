// After an edit, the one or two numbers the page shows that moved most, in words, for a screen
// reader: "A’s weight on C: 0.8438 → 0.9362; A’s score for C: 5 → 6." Each number is ranked by
// how far it moved against the largest number of its kind (a weight by weights, a score by
// scores), so a weight that doubles is not drowned by a score that moves by more units. No DOM
// here: the controller says the sentence through an Announcer.
import { fmt } from './text.js';
import { FOCUS } from './compute.js';
import { t } from './i18n/core.js';

const SHOWN = 2;

// Every number a change is looked for in: { kind, label, value } from compute()'s results.
function numbers(results, tokens) {
  const a = tokens[FOCUS];
  const out = [];
  const add = (kind, label, value) => out.push({ kind, label, value });
  results.normalizers.softmax.scores?.[0].forEach((s, j) => add('score', t('changes.score', { token: a, other: tokens[j] }), s));
  results.chosen.weights?.[0].forEach((w, j) => add('weight', t('changes.weight', { token: a, other: tokens[j] }), w));
  results.chosen.output?.[0].forEach((x, i) => add('output', t('changes.output', { token: a, entry: i + 1 }), x));
  results.all.weights?.forEach((row, r) => {
    if (r !== FOCUS) row.forEach((w, c) => add('weight', t('changes.weight', { token: tokens[r], other: tokens[c] }), w));
  });
  if (results.learning.loss !== undefined) add('loss', t('changes.loss'), results.learning.loss);
  return out;
}

// [{ label, from, to }]: at most two, largest move first; [] when nothing moved.
export function biggestChanges(before, after, tokens) {
  const old = new Map(numbers(before, tokens).map((n) => [n.label, n.value]));
  const now = numbers(after, tokens).filter((n) => old.has(n.label));
  const scale = {};
  for (const n of now) scale[n.kind] = Math.max(scale[n.kind] ?? 1e-12, Math.abs(n.value), Math.abs(old.get(n.label)));
  return now.map((n) => ({ label: n.label, from: old.get(n.label), to: n.value, size: Math.abs(n.value - old.get(n.label)) / scale[n.kind] }))
    .filter((c) => c.size > 1e-9)
    .sort((x, y) => y.size - x.size)
    .slice(0, SHOWN)
    .map(({ label, from, to }) => ({ label, from, to }));
}

export function changesSentence(changes) {
  return changes.length ? t('changes.sentence', { changes: changes.map((c) => t('changes.one', { label: c.label, from: fmt(c.from), to: fmt(c.to) })).join('; ') }) : '';
}
