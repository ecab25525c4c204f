import { errorFunction } from 'simple-statistics';

/** The parts of a forecast that threshold analysis needs (a `ForecastResult` has them all). */
export interface ForecastPath {
  /** Future timestamps in ms. */
  timestamps: Float64Array;
  /** Point forecast. */
  point: Float64Array;
  /** Calibrated standard deviation of the forecast error per step. */
  standardDeviation: Float64Array;
  /** Prediction-interval bounds at the forecast's level. */
  lower: Float64Array;
  upper: Float64Array;
  /** Sampling step in ms. */
  stepMs: number;
}

/** Threshold analysis of a forecast: when it is expected to cross and how likely that is. */
export interface ThresholdCrossing {
  /**
   * Time from the last observed point until the point forecast reaches the threshold (linear between
   * forecast steps); null when it does not within the horizon.
   */
  expectedTimeToCrossMs: number | null;
  /**
   * Time until the pessimistic interval bound (upper for `above`, lower for `below`) reaches the
   * threshold: the earliest plausible crossing at the forecast's level; null when it does not.
   */
  earliestTimeToCrossMs: number | null;
  /**
   * Probability that the series is beyond the threshold at some step of the horizon, taken as the
   * largest per-step probability under the Gaussian forecast distribution: exact when the crossing is
   * driven by the trend (the usual capacity case), a lower bound when it hinges on noise.
   */
  probabilityWithinHorizon: number;
}

function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Time (ms after the last observation) at which `path` first reaches the threshold, or null. */
function firstCrossing(path: Float64Array, timestamps: Float64Array, stepMs: number, threshold: number, sign: number): number | null {
  const start = timestamps[0] - stepMs;
  for (let h = 0; h < path.length; h++) {
    if (sign * (path[h] - threshold) >= 0) {
      if (h === 0) {
        return timestamps[0] - start;
      }
      // Interpolate between the step before (still on the safe side) and this one.
      const previous = path[h - 1];
      const fraction = (threshold - previous) / (path[h] - previous);
      return timestamps[h - 1] - start + fraction * (timestamps[h] - timestamps[h - 1]);
    }
  }
  return null;
}

/**
 * Capacity / SLA-breach analysis: for a threshold and direction, the expected time until the
 * forecast crosses it, the earliest plausible crossing (interval bound), and the probability of a
 * crossing within the forecast horizon, e.g. "disk 90% full in 3 d 4 h, probability 0.8 within 7 d".
 *
 * The per-step probability is P(Y > threshold) = 1 − Φ((threshold − ŷ) / σ) for `above`
 * (mirrored for `below`), with σ the calibrated forecast-error standard deviation.
 *
 * @example
 * const result = forecast(diskUsedPercent, timestamps, { model: 'auto', horizon: 7 * 24, level: 0.95 });
 * thresholdCrossing(result, 90, 'above') // → { expectedTimeToCrossMs: 274e6, probabilityWithinHorizon: 0.8, ... }
 */
export function thresholdCrossing(result: ForecastPath, threshold: number, direction: 'above' | 'below' = 'above'): ThresholdCrossing {
  if (!Number.isFinite(threshold)) {
    throw new Error(`threshold must be a finite number, got ${threshold}`);
  }
  const sign = direction === 'above' ? 1 : -1;
  let probability = 0;
  for (let h = 0; h < result.point.length; h++) {
    const sd = result.standardDeviation[h];
    const distance = sign * (result.point[h] - threshold);
    const stepProbability = sd > 0 ? normalCdf(distance / sd) : distance >= 0 ? 1 : 0;
    probability = Math.max(probability, stepProbability);
  }
  return {
    expectedTimeToCrossMs: firstCrossing(result.point, result.timestamps, result.stepMs, threshold, sign),
    earliestTimeToCrossMs: firstCrossing(sign > 0 ? result.upper : result.lower, result.timestamps, result.stepMs, threshold, sign),
    probabilityWithinHorizon: probability,
  };
}
