/**
 * Which step (resolution) a query is evaluated at.
 */

/** Steps a computed step is rounded up to, so a slightly different range keeps the same step and grid. */
export const NICE_STEPS_MS: readonly number[] = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
  7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Default smallest step: Prometheus scrapes are rarely finer than this, and finer steps only repeat samples. */
export const DEFAULT_MIN_STEP_MS = 1_000;

/** Rounds up to the next step of {@link NICE_STEPS_MS} (whole days beyond a day); sub-second steps are kept. */
export function niceStepAtLeast(ms: number): number {
  if (ms < 1_000) {
    return Math.max(1, Math.ceil(ms));
  }
  for (const step of NICE_STEPS_MS) {
    if (step >= ms) {
      return step;
    }
  }
  return Math.ceil(ms / 86_400_000) * 86_400_000;
}

/**
 * The step for an output range: the largest of Grafana's `intervalMs` (which already honours the panel's
 * and datasource's min interval), the range divided by `maxDataPoints` rounded up to a nice step, and the
 * minimum step. Steps of a second or more are whole seconds, so every step grid has integer-second times.
 *
 * The upstream's 11,000-points-per-call limit is not considered here: the clients split longer ranges.
 *
 * @example
 * chooseStep(6 * 3_600_000, 15_000, 1_000) // → 30_000 (6 h / 1,000 points = 21.6 s → 30 s)
 */
export function chooseStep(
  rangeMs: number,
  intervalMs: number,
  maxDataPoints: number,
  minStepMs = DEFAULT_MIN_STEP_MS
): number {
  const byPoints = maxDataPoints > 0 && rangeMs > 0 ? niceStepAtLeast(rangeMs / maxDataPoints) : 0;
  const step = Math.max(Number.isFinite(intervalMs) ? intervalMs : 0, byPoints, minStepMs, 1);
  return step >= 1_000 ? Math.ceil(step / 1_000) * 1_000 : Math.ceil(step);
}
