/**
 * Splitting a long, fine-grained range into several `query_range` calls, because Prometheus and Loki refuse
 * more than 11,000 points per series in one call ("exceeded maximum resolution of 11,000 points"), and Loki
 * also refuses ranges longer than `max_query_length` (30d1h by default).
 *
 * Splitting instead of raising the step keeps the resolution the analysis asked for: a 7-day training window
 * at a 15 s step is 40,321 points per series, which anomaly detection needs at full resolution to compare like
 * with like. The pieces lie on one step grid anchored at `startMs` and do not overlap, so concatenating them
 * gives exactly what one call would have returned.
 */

/** The per-call point limit of Prometheus (and Loki's default `max_query_resolution`-style check). */
export const MAX_POINTS_PER_REQUEST = 11_000;

export interface TimeRange {
  startMs: number;
  endMs: number;
}

/**
 * Cuts [startMs, endMs] into contiguous calls of at most `maxPoints` evaluation points each (and at most
 * `maxSpanMs` long, when given). Evaluation points are startMs + k·stepMs.
 *
 * @example
 * splitRange(0, 30_000, 10_000, 2) // → [{0, 10000}, {20000, 30000}]
 */
export function splitRange(
  startMs: number,
  endMs: number,
  stepMs: number,
  maxPoints = MAX_POINTS_PER_REQUEST,
  maxSpanMs = Infinity
): TimeRange[] {
  if (!(stepMs > 0) || !Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    throw new Error(`splitRange needs a positive step and finite times, got step ${stepMs}`);
  }
  if (endMs < startMs) {
    return [];
  }
  const totalSteps = Math.floor((endMs - startMs) / stepMs);
  const stepsBySpan = Number.isFinite(maxSpanMs) ? Math.floor(maxSpanMs / stepMs) : Infinity;
  // A call covering s steps holds s + 1 points.
  const stepsPerCall = Math.max(0, Math.min(maxPoints - 1, stepsBySpan));
  const ranges: TimeRange[] = [];
  for (let firstStep = 0; firstStep <= totalSteps; firstStep += stepsPerCall + 1) {
    const lastStep = Math.min(totalSteps, firstStep + stepsPerCall);
    ranges.push({ startMs: startMs + firstStep * stepMs, endMs: startMs + lastStep * stepMs });
  }
  return ranges;
}
