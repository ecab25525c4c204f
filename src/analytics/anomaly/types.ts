/** Named anomaly detectors; `auto` combines the others with a calibrated score. */
export type DetectorName = 'auto' | 'rolling' | 'seasonal' | 'changepoint';

/** Parameters shared by every detector. */
export interface AnomalyParams {
  /** Which detector to run. Defaults to `auto`. */
  detector?: DetectorName;
  /**
   * 0 (flag only extreme deviations) .. 1 (flag small ones). Sets the band half-width to
   * `bandWidthForSensitivity(s)` robust standard deviations for every detector. Defaults to 0.5.
   */
  sensitivity?: number;
  /** `auto` detects periods once warm-up data is in, `none` disables them, or periods in points. Defaults to `auto`. */
  seasonality?: 'auto' | 'none' | number[];
  /**
   * Learning period in points: no score (NaN) before it, and the data it holds is used to learn
   * periods and the normal range of scores. Defaults to 288 points (a day of 5-minute data).
   */
  warmup?: number;
  /** Length of the rolling baseline window in points. Defaults to 64. */
  window?: number;
}

/** What a detector says about one point. */
export interface AnomalyPoint {
  /** Expected value at this point, predicted from earlier points (NaN while nothing is known). */
  expected: number;
  /** Lower edge of the normal band. */
  lower: number;
  /** Upper edge of the normal band. */
  upper: number;
  /**
   * Continuous calibrated anomaly score in [0, 1] ("how unusual is the series now"): the anomaly
   * likelihood on a log scale. Stays high while the series stays anomalous. NaN during warm-up and for
   * missing values.
   */
  score: number;
  /**
   * Onset score in [0, 1] ("a new anomaly starts here"): `score` at the point where an anomaly event
   * starts, 0 while the same event goes on (see docs/anomaly.md). NaN where `score` is NaN.
   */
  onset: number;
  /** −1 below the band, 1 above it, 0 inside (or unknown). */
  anomalous: number;
}

/** Streaming form: feed one point at a time; the returned object is reused between calls. */
export interface StreamingDetector {
  /** Process the value observed at time `timestampMs` (NaN for a missing value). */
  update(timestampMs: number, value: number): AnomalyPoint;
  /** Points needed before the first score. */
  readonly warmup: number;
  /** Human-readable notes about warm-up, detected periods and gaps so far. */
  notices(): string[];
}

/** Batch result: one entry per input point. */
export interface AnomalyResult {
  expected: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  score: Float64Array;
  onset: Float64Array;
  anomalous: Int8Array;
  /** Points without a score at the start of the series. */
  warmup: number;
  notices: string[];
}

/**
 * One baseline model inside a detector. `observe` first predicts the point from the past, sets
 * `expected`, `scale` (a robust standard deviation of its residuals) and `surprise` (|z| in robust σ,
 * NaN while the component cannot judge), then learns the value.
 */
export interface BaselineComponent {
  expected: number;
  scale: number;
  surprise: number;
  /**
   * −log10 of the two-sided normal tail of `surprise` (`tailSurprisal`), NaN when unknown: the raw score
   * the detector's likelihood calibrates, computed by the view so the detector reads a field instead
   * of making a call per view (a call V8 does not inline boxes its number argument and result).
   */
  surprisal: number;
  /** Signed deviation in robust σ of the last point (NaN when unknown). */
  z: number;
  observe(value: number): void;
  /** Record `count` missing points (keeps seasonal phase aligned). */
  skip(count: number): void;
}
