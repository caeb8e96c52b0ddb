// Keeps the embedding view's orientation from frame to frame: PCA's axes come out with
// arbitrary signs and may swap or turn as the embeddings change, so each frame is turned (or
// mirrored) to lie as close as it can to the previous one (orthogonal Procrustes in 2-D).

// points, previous: [x, y][] for the same words in the same order. Returns points turned or
// mirrored about the origin (PCA's coordinates are centred) to best match previous.
export function align(points, previous) {
  if (!previous || previous.length !== points.length) return points;
  // M = Pᵀ Q: how the new axes correlate with the old ones.
  let a = 0, b = 0, c = 0, d = 0;
  points.forEach(([x, y], i) => {
    const [u, v] = previous[i];
    a += x * u; b += x * v; c += y * u; d += y * v;
  });
  // The best rotation by θ scores hypot(a + d, c − b); the best mirror hypot(a − d, b + c).
  const turn = Math.hypot(a + d, c - b), mirror = Math.hypot(a - d, b + c);
  if (turn >= mirror) {
    const t = Math.atan2(c - b, a + d), cos = Math.cos(t), sin = Math.sin(t);
    return points.map(([x, y]) => [x * cos + y * sin, -x * sin + y * cos]);
  }
  const t = Math.atan2(b + c, a - d), cos = Math.cos(t), sin = Math.sin(t);
  return points.map(([x, y]) => [x * cos + y * sin, x * sin - y * cos]);
}
