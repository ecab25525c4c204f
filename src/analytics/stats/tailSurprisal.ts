import { normalTail } from './normalTail';

/** Largest |z| tabulated; beyond it the surprisal is capped. */
const Z_MAX = 12;
/** Table steps per unit of z. */
const STEPS = 64;

/** −log10 of the two-sided tail at i/STEPS, capped (built once at load: 770 entries). */
const TABLE = build(12);
const LAST = Z_MAX * STEPS;

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
 * interpolation, error < 0.01) so it costs a few operations per point instead of an exp and a log (small enough for V8 to inline).
 * NaN for NaN.
 *
 * @example
 * tailSurprisal(1.959964); // ≈ 1.30 (two-sided 5 %)
 */
export function tailSurprisal(z: number): number {
  // One path for every input (no branch whose result V8 would merge as a boxed number): above the
  // table `a` is clamped to LAST, where the interpolation adds 0 · (a finite difference) to TABLE[LAST];
  // NaN stays NaN through Math.min and the interpolation (NaN | 0 is 0, a valid index).
  const a = Math.min(Math.abs(z) * STEPS, LAST);
  const i = a | 0;
  return TABLE[i] + (a - i) * (TABLE[i + 1] - TABLE[i]);
}
