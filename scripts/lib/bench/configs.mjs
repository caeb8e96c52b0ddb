// The benchmark's model configs and small helpers shared by its scripts.
export const CONFIGS = {
  default: {},
  large: { d: 32, heads: 2, context: 16, mlp: true, batch: 64 },
};

export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Batches of `size` sentences drawn with a fixed-seed LCG (the peer's batches; same sizes as ours).
export function sampler(sentences, size, seed = 12345) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  return () => Array.from({ length: size }, () => sentences[next() % sentences.length]);
}
