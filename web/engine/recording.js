// When the training loop measures and records, by step number alone, so that every machine and
// every replay of a link gets the same points: shared by the loop (what to compute) and the
// page's recorder (what to keep).

// The test set is evaluated every EVALUATE_EVERY steps (60 points across the default 600
// steps) until a run has MAX_EVALUATIONS of them; from then on the spacing doubles each time the
// count would pass it again (an evaluation of the default model costs about as much as 6 to 14 training steps).
export const EVALUATE_EVERY = 10;
export const MAX_EVALUATIONS = 1000;
// The views (heatmap, predictions, embeddings) are snapshotted on the same rule with a smaller
// count: the recorder keeps at most MAX_SNAPSHOTS of them, dropping every other one as a run
// grows past it.
export const MAX_SNAPSHOTS = 256;

// Steps between two points once a run has reached `step`: EVALUATE_EVERY times the smallest
// power of two that keeps the count at `most` or fewer.
function spacing(step, most) {
  let every = EVALUATE_EVERY;
  while (step / every > most) every *= 2;
  return every;
}

export const evaluateEvery = (step) => spacing(step, MAX_EVALUATIONS);
export const snapshotEvery = (step) => spacing(step, MAX_SNAPSHOTS);
export const isEvaluationStep = (step) => step % evaluateEvery(step) === 0;
export const isSnapshotStep = (step) => step % snapshotEvery(step) === 0;

// The first evaluation step after `step`.
export function nextEvaluation(step) {
  let every = evaluateEvery(step + 1);
  let next = (Math.floor(step / every) + 1) * every;
  while (evaluateEvery(next) !== every) {   // the spacing grew on the way: round up to the new one
    every = evaluateEvery(next);
    next = (Math.floor(step / every) + 1) * every;
  }
  return next;
}
