/**
 * Deterministic pseudo-random numbers for the demo generator.
 *
 * Every random draw is keyed by (seed, stream, time) instead of coming from one shared sequence, so a
 * metric family, a log minute or a live scrape can be computed on its own and still give the same
 * value as in any other run: the backfill can write family after family, and the live server can
 * start at any moment.
 */

/**
 * mulberry32: a 32-bit generator with good statistical quality for simulation (Tommy Ettinger, 2017).
 * The same function as `src/analytics/stats/mulberry32.ts`, kept here because the generator's image is
 * built from `demo/` alone (docker-compose build context) and cannot import from `src/`.
 *
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

/** Mixes integers into one 32-bit seed (murmur3's finaliser after each part). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split values above 2^32 (times in seconds fit, but be safe) into two words.
    const low = part >>> 0;
    const high = Math.floor(part / 4294967296) >>> 0;
    for (const word of [low, high]) {
      h ^= word;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** A generator for one (seed, stream, time) key. */
export function keyedRandom(seed: number, stream: number, timeSeconds: number): () => number {
  return mulberry32(mixSeed(seed, stream, timeSeconds));
}

/** A standard normal draw from two uniforms (Box–Muller). */
export function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Poisson count: Knuth's method for small means, a rounded normal approximation above 30. */
export function poisson(next: () => number, mean: number): number {
  if (mean <= 0) {
    return 0;
  }
  if (mean > 30) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(next)));
  }
  const limit = Math.exp(-mean);
  let count = 0;
  let product = next();
  while (product > limit) {
    count++;
    product *= next();
  }
  return count;
}
