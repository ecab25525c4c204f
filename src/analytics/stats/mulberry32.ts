/**
 * mulberry32: a seeded 32-bit generator of uniform numbers in [0, 1) with good statistical quality for
 * simulation (Tommy Ettinger, 2017). The same seed always gives the same sequence, so simulations
 * (threshold first-passage paths, test and benchmark series, the demo generator) are reproducible.
 *
 * @param seed any integer; only its low 32 bits are used
 * @example
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636, always, for seed 42
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
