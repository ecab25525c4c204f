/** Seeded generators for forecast tests: the same seed always gives the same series. */
import { mulberry32 } from '../../stats/mulberry32';

/** Mulberry32: a seeded uniform generator on [0, 1). */
export const seededUniform = mulberry32;

/** Standard normal draws (Box–Muller) from a seeded uniform generator. */
export function seededNormal(seed: number): () => number {
  const uniform = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

export const HOUR_MS = 3_600_000;

/** Hourly timestamps starting at 2024-01-01T00:00Z. */
export function hourlyTimestamps(count: number): Float64Array {
  const start = Date.UTC(2024, 0, 1);
  return Float64Array.from({ length: count }, (_, i) => start + i * HOUR_MS);
}

/** A series from a formula of the index plus Gaussian noise with standard deviation `noise`. */
export function simulate(count: number, formula: (t: number) => number, noise: number, seed: number): Float64Array {
  const normal = seededNormal(seed);
  return Float64Array.from({ length: count }, (_, t) => formula(t) + noise * normal());
}
