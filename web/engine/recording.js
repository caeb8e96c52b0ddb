// When the training loop measures and records, by step number alone, so that every machine and
// every replay of a link gets the same points: shared by the loop (what to compute) and the
// page's recorder (what to keep).

// The test set is evaluated every EVALUATE_EVERY steps: 60 points across the default 600 steps.
export const EVALUATE_EVERY = 10;
// At most about this many snapshots of the views (heatmap, predictions, embeddings) are kept:
// as a run grows past it, every other one is dropped and the spacing doubles.
export const MAX_SNAPSHOTS = 256;

// Steps between snapshots once a run has reached `step`: EVALUATE_EVERY times the smallest
// power of two that keeps the count at MAX_SNAPSHOTS or fewer.
export function snapshotEvery(step) {
  let every = EVALUATE_EVERY;
  while (step / every > MAX_SNAPSHOTS) every *= 2;
  return every;
}

export const isEvaluationStep = (step) => step % EVALUATE_EVERY === 0;
export const isSnapshotStep = (step) => step % snapshotEvery(step) === 0;
