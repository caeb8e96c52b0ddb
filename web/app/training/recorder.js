// The run's recording: every test-set evaluation (the curves' points) and a bounded set of
// snapshots of the views (heatmap, predictions, embeddings), so the scrubber can show any
// recorded step as it was. Each snapshot's embedding view is turned to match the one before it
// as it arrives, so scrubbing shows the same frames the run did. No DOM: the view reads it.
import { snapshotEvery } from '../../engine/recording.js';
import { align } from './align.js';

// The share of test sentences whose "bank" row puts its largest weight on the word that settles
// it, for the head that does so most.
export const findsContext = (evaluation) => Math.max(0, ...evaluation.headFindsContext);

export class Recorder {
  constructor() {
    this.clear();
  }

  clear() {
    this.evaluations = [];          // [{ step, loss, bankAccuracy, bankCount, headFindsContext }]
    this.snapshots = new Map();     // step -> { step, attention, predictions, embeddings }
    this.frame = null;              // the last embedding view recorded, turned
  }

  // embeddings ({ words, projected }) turned to match the last frame recorded.
  aligned(embeddings) {
    return { ...embeddings, projected: align(embeddings.projected, this.frame) };
  }

  // records: the training loop's, in step order; a step already recorded is recorded again
  // (a replay after a restore reaches it a second time).
  add(records) {
    for (const { step, evaluation, ...views } of records) {
      this.cut(step - 1);
      this.evaluations.push({ step, ...evaluation });
      if (!views.embeddings) continue;
      const embeddings = this.aligned(views.embeddings);
      this.frame = embeddings.projected;
      this.snapshots.set(step, { step, ...views, embeddings });
    }
    const last = this.evaluations.at(-1)?.step ?? 0;
    const every = snapshotEvery(last);
    for (const step of this.snapshots.keys()) if (step % every !== 0) this.snapshots.delete(step);
  }

  // Forgets everything after `step` (the run went back to it).
  cut(step) {
    while (this.evaluations.length && this.evaluations.at(-1).step > step) this.evaluations.pop();
    for (const s of this.snapshots.keys()) if (s > step) this.snapshots.delete(s);
  }

  // The recorded snapshot steps, in order.
  steps() {
    return [...this.snapshots.keys()];
  }

  // The snapshot of the last recorded step at or before `step` (null before the first).
  snapshot(step) {
    let found = null;
    for (const [s, snapshot] of this.snapshots) if (s <= step && (!found || s > found.step)) found = snapshot;
    return found;
  }

  // The moment: the first evaluation at which, in most test sentences, the "bank" row puts its
  // largest weight on the word that settles it. Null until it happens.
  moment() {
    return this.evaluations.find((e) => findsContext(e) > 0.5) ?? null;
  }

  evaluation(step) {
    return this.evaluations.find((e) => e.step === step) ?? null;
  }
}
