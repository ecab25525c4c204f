/** Prometheus refuses range queries with more than 11,000 points per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

/** The output range and resolution of one query. */
export interface RangePlan {
  /** Epoch ms, a multiple of stepMs (start ≤ from). */
  startMs: number;
  /** Epoch ms, a multiple of stepMs (end ≤ to). */
  endMs: number;
  stepMs: number;
}

/**
 * Chooses the step and aligns the range, as Grafana's Prometheus data source does: the step is the
 * largest of Grafana's interval, range / maxDataPoints and range / 11,000 (whole seconds above one
 * second), and start and end are floored to multiples of the step, so the same query at a later
 * time returns the same timestamps and caches well.
 *
 * @example planRange(0, 3_600_000, 15_000, 1000) // { startMs: 0, endMs: 3_600_000, stepMs: 15_000 }
 */
export function planRange(fromMs: number, toMs: number, intervalMs: number, maxDataPoints: number): RangePlan {
  const range = Math.max(0, toMs - fromMs);
  let stepMs = Math.max(
    intervalMs,
    maxDataPoints > 0 ? Math.ceil(range / maxDataPoints) : 0,
    Math.ceil(range / MAX_POINTS_PER_SERIES),
    1
  );
  if (stepMs > 1000) {
    stepMs = Math.ceil(stepMs / 1000) * 1000;
  }
  const startMs = Math.floor(fromMs / stepMs) * stepMs;
  const endMs = Math.max(startMs, Math.floor(toMs / stepMs) * stepMs);
  return { startMs, endMs, stepMs };
}
