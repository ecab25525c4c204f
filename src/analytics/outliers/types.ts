/**
 * Shared shapes of the group outlier detectors: a group of series on one time grid goes in, and for
 * every member and timestamp it says whether that member lies outside the group's normal band.
 */

/** What a group outlier detector says about every member of the group. */
export interface GroupOutlierResult {
  /**
   * Per series, per timestamp: 1 above the group's band, −1 below it, 0 inside it or when the point is
   * missing or no band could be formed (same meaning as the anomaly detector's `anomalous`).
   */
  outlying: Int8Array[];
  /**
   * Per series, per timestamp: how far outside the band the value lies, in units of the detector's scale
   * (DBSCAN: ε, MAD: robust σ beyond the threshold); 0 inside the band, NaN where the value is missing.
   */
  score: Float64Array[];
  /** Whether each series is outlying at one timestamp or more. */
  isOutlier: boolean[];
  /** Lower edge of the group's normal band per timestamp (NaN where the group forms no cluster). */
  lower: Float64Array;
  /** Upper edge of the group's normal band per timestamp (NaN where the group forms no cluster). */
  upper: Float64Array;
}

/** Index ranges [start, end) over which one series is outlying. */
export interface OutlierInterval {
  start: number;
  /** Exclusive; the series length when the interval is still open at the end. */
  end: number;
}
