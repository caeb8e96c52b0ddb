// The training loss, one point per step, would grow without bound: 100,000 steps would keep
// 100,000 points and redraw them all on every progress message. This keeps at most `limit`:
// every step while they fit, then every 2nd step, every 4th, … (the steps that are a multiple of
// `every`), each point the engine's loss at that step, not an average.
export class Curve {
  constructor(limit = 2048) {
    this.limit = limit;
    this.every = 1;
    this.points = [];   // [step, loss], steps increasing
  }

  push(step, loss) {
    if (step % this.every !== 0) return;
    this.points.push([step, loss]);
    if (this.points.length <= this.limit) return;
    this.every *= 2;
    this.points = this.points.filter(([x]) => x % this.every === 0);
  }

  // Back at `step` (a divergence undone): the points after it are gone.
  truncate(step) {
    this.points = this.points.filter(([x]) => x <= step);
  }
}
