import { normalTail } from './normalTail';

/** Largest |z| tabulated; beyond it the surprisal is capped. */
const Z_MAX = 12;
/** Table steps per unit of z. */
const STEPS = 64;
let table: Float64Array | null = null;

function build(cap: number): Float64Array {
  const t = new Float64Array(Z_MAX * STEPS + 2);
  for (let i = 0; i < t.length; i++) {
    const tail = 2 * normalTail(i / STEPS);
    t[i] = tail > 1e-300 ? Math.min(-Math.log10(tail), cap) : cap;
  }
  return t;
}

/**
 * Surprisal of a deviation: −log10 of the two-sided normal tail P(|Z| ≥ |z|), capped at 12.
 * 0 for z = 0, ≈ 1.3 at 2σ, ≈ 4.2 at 4σ, ≈ 8.8 at 6σ. Read from a table (64 steps per σ, linear
 * interpolation, error < 0.01) so it costs a few operations per point instead of an exp and a log.
 * NaN for NaN.
 *
 * @example
 * tailSurprisal(1.959964); // ≈ 1.30 (two-sided 5 %)
 */
export function tailSurprisal(z: number): number {
  const t = table ?? (table = build(12));
  const a = (z < 0 ? -z : z) * STEPS;
  if (!(a < Z_MAX * STEPS)) {
    return a === a ? t[Z_MAX * STEPS] : NaN;
  }
  const i = a | 0;
  const f = a - i;
  return t[i] + f * (t[i + 1] - t[i]);
}
