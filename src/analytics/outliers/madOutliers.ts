import type { GroupOutlierResult } from './types';

/** Options of {@link madOutliers}. */
export interface MadOutlierOptions {
  /**
   * 0..1; higher flags more series. The threshold in robust σ is 7.94 − (7.94 − 0.84)·√s (augurs' scale:
   * 0.5 → 2.92σ). Defaults to 0.5. Ignored when `threshold` is given.
   */
  sensitivity?: number;
  /** A fixed threshold in robust σ instead of one derived from `sensitivity`. */
  threshold?: number;
  /**
   * Timestamps [0, referenceEnd) from which the group median and the two one-sided MADs are learned.
   * Defaults to every timestamp. Pass the end of the training window to keep the visible range causal.
   */
  referenceEnd?: number;
}

/** 1.4826 · MAD estimates σ for normally distributed data. */
const MAD_TO_SIGMA = 1.4826;
const MAX_THRESHOLD = 7.941444487; // two-sided normal quantile of 1 − 1e-16
const MIN_THRESHOLD = 0.841621234; // the 80th percentile

/**
 * Which members of a group deviate from it, with a double median absolute deviation (MAD) test: one
 * median of every value of the group, and separate MADs for the values below and above it, so a skewed
 * group (latencies, error counts) gets an honest band on each side.
 *
 * Definition: m = median of all reference values; MAD₋ = median of (m − v) over values below m, MAD₊ the
 * same above it (values equal to m count on both sides). A value v is scored
 * (v − m) / (1.4826 · MAD₊) above m and (m − v) / (1.4826 · MAD₋) below it; it is outlying past the
 * threshold. The band is [m − 1.4826·MAD₋·k, m + 1.4826·MAD₊·k], the same at every timestamp.
 *
 * Unlike DBSCAN this compares every point with the group's typical level over the reference window, so a
 * member that is high all the time is outlying all the time. Plain medians are used (augurs uses the
 * Harrell–Davis estimator; the difference is small for more than a few dozen values).
 *
 * Reference: P. J. Rousseeuw, C. Croux, "Alternatives to the median absolute deviation", JASA 1993;
 * augurs-outlier (Grafana Labs) for the double MAD and the sensitivity scale.
 *
 * @param series one Float64Array per member, all of the same length
 * @throws when the series have different lengths, or when a one-sided MAD is 0 (half the reference values
 *   are identical), where no scale can be estimated
 * @example
 * const group = [Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 1), Float64Array.of(1, 30, 2)];
 * madOutliers(group, { threshold: 3 }).outlying[2] // Int8Array [0, 1, 0]
 */
export function madOutliers(series: Float64Array[], options: MadOutlierOptions = {}): GroupOutlierResult {
  const members = series.length;
  const length = members > 0 ? series[0].length : 0;
  for (const values of series) {
    if (values.length !== length) {
      throw new Error(`madOutliers needs series of equal length, got ${length} and ${values.length}`);
    }
  }
  const sensitivity = options.sensitivity ?? 0.5;
  if (!(sensitivity >= 0 && sensitivity <= 1)) {
    throw new Error(`outlier sensitivity must lie in [0, 1], got ${sensitivity}`);
  }
  const threshold = options.threshold ?? MAX_THRESHOLD - (MAX_THRESHOLD - MIN_THRESHOLD) * Math.sqrt(sensitivity);
  const referenceEnd = Math.min(length, Math.max(1, options.referenceEnd ?? length));

  const reference: number[] = [];
  for (const values of series) {
    for (let t = 0; t < referenceEnd; t++) {
      if (Number.isFinite(values[t])) {
        reference.push(values[t]);
      }
    }
  }
  const result: GroupOutlierResult = {
    outlying: series.map(() => new Int8Array(length)),
    score: series.map(() => new Float64Array(length).fill(NaN)),
    isOutlier: series.map(() => false),
    lower: new Float64Array(length).fill(NaN),
    upper: new Float64Array(length).fill(NaN),
  };
  if (reference.length === 0) {
    return result;
  }
  const median = medianOf(reference);
  const below: number[] = [];
  const above: number[] = [];
  for (const value of reference) {
    if (value <= median) {
      below.push(median - value);
    }
    if (value >= median) {
      above.push(value - median);
    }
  }
  const lowerScale = MAD_TO_SIGMA * medianOf(below);
  const upperScale = MAD_TO_SIGMA * medianOf(above);
  if (!(lowerScale > 0 && upperScale > 0)) {
    throw new Error('the MAD outlier detector needs varied values: half of the group\'s values are identical, so no spread can be estimated; use dbscan');
  }
  result.lower.fill(median - lowerScale * threshold);
  result.upper.fill(median + upperScale * threshold);
  for (let i = 0; i < members; i++) {
    const values = series[i];
    for (let t = 0; t < length; t++) {
      const value = values[t];
      if (!Number.isFinite(value)) {
        continue;
      }
      const z = value >= median ? (value - median) / upperScale : (median - value) / lowerScale;
      result.score[i][t] = z;
      if (z > threshold) {
        result.outlying[i][t] = value > median ? 1 : -1;
        result.isOutlier[i] = true;
      }
    }
  }
  return result;
}

function medianOf(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
