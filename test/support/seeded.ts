/**
 * A seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed on
 * every run. The bench's intervals, the replica's docs-shaped page and the page-drift
 * variants rely on that.
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
