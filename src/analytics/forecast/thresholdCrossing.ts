import { errorFunction } from 'simple-statistics';
import { mulberry32 } from '../stats/mulberry32';

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
  /**
   * Correlation of the standardized forecast errors of consecutive steps (from the backtests, see
   * `stepErrorCorrelation`). Omitted or NaN: errors are taken as fully persistent (correlation 1),
   * which makes the crossing probability the largest per-step probability — a lower bound.
   */
  errorCorrelation?: number;
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
   * Probability that the series goes beyond the threshold at least once within the horizon (a
   * first-passage probability): simulated error paths with the calibrated per-step spread and the
   * backtests' step-to-step error correlation. At least the largest per-step probability.
   */
  probabilityWithinHorizon: number;
  /**
   * Median first-passage time of the simulated paths: by then half of the plausible futures have
   * crossed. Null when fewer than half cross within the horizon.
   */
  medianTimeToCrossMs: number | null;
}

/** Simulated error paths. The Monte Carlo standard error of a probability p is √(p(1−p)/2000) ≤ 0.011. */
const PATHS = 2000;
/** Longest simulated grid; longer horizons are simulated on every k-th step (see below). */
const MAXIMUM_STEPS = 128;

let sharedNormals: Float32Array | undefined;

/**
 * PATHS × MAXIMUM_STEPS standard normal draws (Box–Muller on a seeded Mulberry32), drawn once and
 * reused by every call: each probability is then a deterministic function of the forecast, and a
 * call costs only the AR(1) recursion (about 0.3 ms).
 */
function standardNormals(): Float32Array {
  if (!sharedNormals) {
    const uniform = mulberry32(0x5eed);
    sharedNormals = new Float32Array(PATHS * MAXIMUM_STEPS);
    for (let i = 0; i < sharedNormals.length; i += 2) {
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      const angle = 2 * Math.PI * uniform();
      sharedNormals[i] = radius * Math.cos(angle);
      sharedNormals[i + 1] = radius * Math.sin(angle);
    }
  }
  return sharedNormals;
}
/** Per-step probabilities this far from 0 or 1 make simulation pointless. */
const NEGLIGIBLE = 1e-6;

function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Time (ms after the last observation) at which `path` first reaches the threshold, or null. */
function firstCrossing(
  path: Float64Array,
  timestamps: Float64Array,
  stepMs: number,
  threshold: number,
  sign: number
): number | null {
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
 * The probability is a first-passage probability. Future values are point + σₕ·Zₕ with Z a
 * stationary Gaussian AR(1) of unit variance whose step-to-step correlation ρ is the backtests'
 * (`errorCorrelation`): ρ = 1 gives the largest per-step probability max 1 − Φ((threshold − ŷₕ)/σₕ)
 * (every path keeps its quantile), ρ = 0 independent steps, 1 − Π(1 − pₕ). 2,000 paths are
 * simulated from one fixed table of normal draws; horizons longer than 128 steps are simulated every k-th step with
 * correlation ρᵏ and the most extreme point forecast of each block of k steps (crossings between
 * simulated steps are caught through that maximum). When every per-step probability is below 10⁻⁶
 * or one exceeds 1 − 10⁻⁶, no simulation is needed.
 * Complexity O(horizon + 2,000 · min(horizon, 128)).
 *
 * @example
 * const result = forecast(diskUsedPercent, timestamps, { model: 'auto', horizon: 7 * 24, level: 0.95 });
 * thresholdCrossing(result, 90, 'above') // → { expectedTimeToCrossMs: 274e6, probabilityWithinHorizon: 0.8, ... }
 */
export function thresholdCrossing(
  result: ForecastPath,
  threshold: number,
  direction: 'above' | 'below' = 'above'
): ThresholdCrossing {
  if (!Number.isFinite(threshold)) {
    throw new Error(`threshold must be a finite number, got ${threshold}`);
  }
  const sign = direction === 'above' ? 1 : -1;
  const horizon = result.point.length;
  const start = horizon > 0 ? result.timestamps[0] - result.stepMs : 0;
  // Per block of k steps: the most extreme point forecast (towards the threshold) and its spread.
  const k = Math.max(1, Math.ceil(horizon / MAXIMUM_STEPS));
  const blocks = Math.ceil(horizon / k);
  const margin = new Float64Array(blocks); // (threshold − point) in the crossing direction
  const spread = new Float64Array(blocks);
  const blockTime = new Float64Array(blocks);
  let largest = 0;
  for (let b = 0; b < blocks; b++) {
    margin[b] = Infinity;
    for (let h = b * k; h < Math.min(horizon, (b + 1) * k); h++) {
      const distance = sign * (threshold - result.point[h]);
      if (distance < margin[b]) {
        margin[b] = distance;
        spread[b] = result.standardDeviation[h];
        blockTime[b] = result.timestamps[h] - start;
      }
    }
    const sd = spread[b];
    const p = sd > 0 ? 1 - normalCdf(margin[b] / sd) : margin[b] <= 0 ? 1 : 0;
    largest = Math.max(largest, p);
  }
  const expectedTimeToCrossMs = firstCrossing(result.point, result.timestamps, result.stepMs, threshold, sign);
  const base = {
    expectedTimeToCrossMs,
    earliestTimeToCrossMs: firstCrossing(
      sign > 0 ? result.upper : result.lower,
      result.timestamps,
      result.stepMs,
      threshold,
      sign
    ),
  };
  const rho = Number.isFinite(result.errorCorrelation) ? Math.max(-1, Math.min(1, result.errorCorrelation!)) : 1;
  if (horizon === 0 || largest < NEGLIGIBLE || largest > 1 - NEGLIGIBLE || rho >= 1) {
    const likely = largest >= 0.5;
    return {
      ...base,
      probabilityWithinHorizon: largest,
      medianTimeToCrossMs: likely ? (expectedTimeToCrossMs ?? base.earliestTimeToCrossMs) : null,
    };
  }
  const blockRho = rho ** k;
  const innovation = Math.sqrt(1 - blockRho * blockRho);
  const normals = standardNormals();
  const firstTimes: number[] = [];
  for (let path = 0; path < PATHS; path++) {
    const offset = path * MAXIMUM_STEPS;
    let z = normals[offset];
    for (let b = 0; b < blocks; b++) {
      if (b > 0) {
        z = blockRho * z + innovation * normals[offset + b];
      }
      if (spread[b] * z >= margin[b]) {
        firstTimes.push(blockTime[b]);
        break;
      }
    }
  }
  const probability = Math.max(largest, firstTimes.length / PATHS);
  let medianTimeToCrossMs: number | null = null;
  if (firstTimes.length >= PATHS / 2) {
    firstTimes.sort((a, b) => a - b);
    medianTimeToCrossMs = firstTimes[Math.ceil(PATHS / 2) - 1];
  }
  return { ...base, probabilityWithinHorizon: probability, medianTimeToCrossMs };
}
