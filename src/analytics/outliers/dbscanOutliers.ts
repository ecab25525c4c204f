import type { GroupOutlierResult } from './types';

/** Options of {@link dbscanOutliers}. */
export interface DbscanOutlierOptions {
  /**
   * 0..1 (exclusive of 1); higher flags more series. ε = (1 − s) · span · 1.1, where span is the range of
   * every value of the group seen so far. Defaults to 0.5. Ignored when `epsilon` is given.
   */
  sensitivity?: number;
  /** A fixed neighbourhood radius ε in the series' unit, instead of deriving it from `sensitivity`. */
  epsilon?: number;
}

/** Smallest span used for ε, so a perfectly flat group still has a positive radius. */
const MIN_SPAN = 0.1;
/** Sensitivities are capped just below 1, where ε would vanish and every value would be its own cluster. */
const MAX_SENSITIVITY = 1 - 1e-3;
const SPAN_PADDING = 1.1;

/**
 * Which members of a group of series deviate from the group, timestamp by timestamp, with
 * one-dimensional DBSCAN (the semantics of Grafana ML's outlier detector and augurs' `DbscanDetector`).
 *
 * Definition: at each timestamp the members' values are sorted; neighbours closer than ε chain into a
 * cluster, and a cluster holding more than half of the members present (⌊m/2⌋ + 1) is the group's normal
 * band [min − ε/2, max + ε/2]. Members outside the cluster are outlying (1 above it, −1 below it); when no
 * cluster is that large, every member present is outlying. With fewer than three members present nothing
 * is flagged. Missing values (NaN) are left out and never outlying.
 *
 * Causal by construction: the cluster at t uses only values at t, and with `sensitivity` the span behind ε
 * is the range of every value at or before t (augurs uses the whole input's range, which equals ours at
 * the last timestamp). So the verdict on a point never changes when later data arrives.
 *
 * Reference: M. Ester, H.-P. Kriegel, J. Sander, X. Xu, "A density-based algorithm for discovering
 * clusters in large spatial databases with noise", KDD 1996; augurs-outlier (Grafana Labs) for the
 * majority-cluster rule and the sensitivity scale. O(T · m log m) time for T timestamps and m members.
 *
 * @param series one Float64Array per member, all of the same length (one entry per timestamp)
 * @throws when the series have different lengths or the sensitivity is outside [0, 1]
 * @example
 * dbscanOutliers([Float64Array.of(1, 2), Float64Array.of(1.2, 2.1), Float64Array.of(9, 2.2)], { epsilon: 1 })
 *   .outlying[2] // Int8Array [1, 0]: the third series sits above the group at the first timestamp
 */
export function dbscanOutliers(series: Float64Array[], options: DbscanOutlierOptions = {}): GroupOutlierResult {
  const members = series.length;
  const length = members > 0 ? series[0].length : 0;
  for (const values of series) {
    if (values.length !== length) {
      throw new Error(`dbscanOutliers needs series of equal length, got ${length} and ${values.length}`);
    }
  }
  const sensitivity = options.sensitivity ?? 0.5;
  if (!(sensitivity >= 0 && sensitivity <= 1)) {
    throw new Error(`outlier sensitivity must lie in [0, 1], got ${sensitivity}`);
  }
  const result: GroupOutlierResult = {
    outlying: series.map(() => new Int8Array(length)),
    score: series.map(() => new Float64Array(length)),
    isOutlier: series.map(() => false),
    lower: new Float64Array(length).fill(NaN),
    upper: new Float64Array(length).fill(NaN),
  };
  const values = new Float64Array(members);
  const order = new Uint32Array(members);
  let runningMin = Infinity;
  let runningMax = -Infinity;
  for (let t = 0; t < length; t++) {
    let present = 0;
    for (let i = 0; i < members; i++) {
      const value = series[i][t];
      if (Number.isNaN(value)) {
        result.score[i][t] = NaN;
        continue;
      }
      values[present] = value;
      order[present] = i;
      present++;
      runningMin = Math.min(runningMin, value);
      runningMax = Math.max(runningMax, value);
    }
    if (present <= 2) {
      continue;
    }
    const epsilon =
      options.epsilon ??
      Math.max((1 - Math.min(sensitivity, MAX_SENSITIVITY)) * Math.max(runningMax - runningMin, MIN_SPAN) * SPAN_PADDING, Number.MIN_VALUE);
    const sorted = sortWithIndex(values, order, present);
    const minimumCluster = Math.floor(present / 2) + 1;
    // Walk the sorted values; the first run of ε-neighbours reaching the majority is the normal cluster
    // (two disjoint runs cannot both hold a majority).
    let runStart = 0;
    let clusterLow = NaN;
    let clusterHigh = NaN;
    for (let k = 1; k <= present; k++) {
      if (k === present || sorted.values[k] - sorted.values[k - 1] > epsilon) {
        if (k - runStart >= minimumCluster) {
          clusterLow = sorted.values[runStart];
          clusterHigh = sorted.values[k - 1];
        }
        runStart = k;
      }
    }
    const clustered = !Number.isNaN(clusterLow);
    if (clustered) {
      result.lower[t] = clusterLow - epsilon / 2;
      result.upper[t] = clusterHigh + epsilon / 2;
    }
    for (let k = 0; k < present; k++) {
      const value = sorted.values[k];
      const member = sorted.index[k];
      if (clustered && value >= clusterLow && value <= clusterHigh) {
        continue;
      }
      // Without a majority cluster every member is outlying; its side is taken from the group median.
      const above = clustered ? value > clusterHigh : value >= sorted.values[present >> 1];
      result.outlying[member][t] = above ? 1 : -1;
      result.score[member][t] = clustered ? (above ? value - clusterHigh : clusterLow - value) / epsilon : 1;
      result.isOutlier[member] = true;
    }
  }
  return result;
}

/** The first `count` values sorted ascending, with the member index of each. */
function sortWithIndex(values: Float64Array, index: Uint32Array, count: number): { values: Float64Array; index: Uint32Array } {
  const positions = Array.from({ length: count }, (_, k) => k).sort((a, b) => values[a] - values[b]);
  const sortedValues = new Float64Array(count);
  const sortedIndex = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    sortedValues[k] = values[positions[k]];
    sortedIndex[k] = index[positions[k]];
  }
  return { values: sortedValues, index: sortedIndex };
}
