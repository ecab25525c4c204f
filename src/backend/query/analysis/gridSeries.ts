/**
 * Puts upstream series on the plan's step grid: Prometheus answers on the grid already but leaves out
 * steps without data, and Loki leaves out every step without log lines. Every analysis works on one
 * array per series spanning the whole fetch (training + visible range), NaN where nothing came back.
 */
import type { Series } from '../../upstream/types';

export interface GridSeries {
  labels: Record<string, string>;
  values: Float64Array;
  /** Index of the first finite value (values.length when there is none). */
  firstSample: number;
}

/** Timestamps of the grid fetchStartMs, fetchStartMs + step, …, endMs. */
export function gridTimestamps(fetchStartMs: number, endMs: number, stepMs: number): Float64Array {
  const count = Math.max(0, Math.round((endMs - fetchStartMs) / stepMs) + 1);
  return Float64Array.from({ length: count }, (_, i) => fetchStartMs + i * stepMs);
}

/**
 * Places each sample at its grid index (rounded, so a sample a few ms off the grid still lands); samples
 * outside the grid are dropped. `fillMissing` (e.g. 0 for Loki counts) replaces the steps without a sample.
 */
export function toGrid(series: Series, fetchStartMs: number, stepMs: number, length: number, fillMissing = NaN): GridSeries {
  const values = new Float64Array(length).fill(fillMissing);
  let firstSample = length;
  for (let k = 0; k < series.timestamps.length; k++) {
    const index = Math.round((series.timestamps[k] - fetchStartMs) / stepMs);
    if (index >= 0 && index < length) {
      values[index] = series.values[k];
      if (index < firstSample && Number.isFinite(series.values[k])) {
        firstSample = index;
      }
    }
  }
  if (!Number.isNaN(fillMissing) && series.timestamps.length > 0) {
    // Before the first sample the series did not exist yet: that is missing, not zero.
    firstSample = Math.max(0, Math.min(firstSample, Math.round((series.timestamps[0] - fetchStartMs) / stepMs)));
    values.fill(NaN, 0, firstSample);
  }
  return { labels: series.labels, values, firstSample };
}

/**
 * Whether missing steps of a LogQL metric query mean "no log lines" (count 0) rather than "unknown": true for
 * count/rate/bytes range aggregations, which Loki leaves out when a step has no lines; false for unwrapped
 * values (latency quantiles, …), where a missing step has no value at all.
 */
export function lokiMissingMeansZero(expr: string): boolean {
  return /\b(count_over_time|rate|bytes_over_time|bytes_rate)\s*\(/.test(expr) && !/\bunwrap\b/.test(expr);
}
