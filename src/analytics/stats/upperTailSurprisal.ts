import { normalTail } from './normalTail';

/** Range of z tabulated: below Z_MIN the value is ~0, above Z_MAX it is capped. */
const Z_MIN = -8;
const Z_MAX = 16;
/** Table steps per unit of z. */
const STEPS = 64;

const LAST = (Z_MAX - Z_MIN) * STEPS;
/** −log10 Q(Z_MIN + i/STEPS), built once at load (1,538 entries). */
const TABLE = build();

function build(): Float64Array {
  const t = new Float64Array((Z_MAX - Z_MIN) * STEPS + 2);
  for (let i = 0; i < t.length; i++) {
    const tail = normalTail(Z_MIN + i / STEPS);
    t[i] = tail > 1e-300 ? -Math.log10(tail) : 300;
  }
  return t;
}

/**
 * One-sided surprisal of a standardised value: −log10 Q(z), where Q(z) = P(Z > z) is the upper normal
 * tail. ≈ 0 far below 0, 0.301 at z = 0, 1.30 at 1.645, ≈ 10 at 6.36, ≈ 15.2 at 8. Read from a table
 * (64 steps per σ over [−8, 16], linear interpolation, absolute error < 1e-4) instead of an exp and a
 * log per call; above 16 it returns the value at 16 (≈ 57.4), below −8 it returns 0. NaN for NaN.
 *
 * @example
 * upperTailSurprisal(1.644854); // ≈ 1.301 (one-sided 5 %)
 */
export function upperTailSurprisal(z: number): number {
  // One path for every input (see tailSurprisal): `a` clamped to [0, LAST], the interpolation adds
  // 0 · (a finite difference) at LAST, and below the table the result is multiplied by 0 (NaN stays NaN).
  const a = (z - Z_MIN) * STEPS;
  const c = Math.max(Math.min(a, LAST), 0);
  const i = c | 0;
  return (TABLE[i] + (c - i) * (TABLE[i + 1] - TABLE[i])) * +(a >= 0);
}
