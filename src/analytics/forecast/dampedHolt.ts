import type { ModelForecast } from './types';

/** Smoothing parameters of a damped-trend Holt model, ETS(A,Ad,N). */
export interface HoltParameters {
  /** Level smoothing α in (0, 1). */
  alpha: number;
  /** Trend smoothing as a fraction of α (β* = α·beta), in [0, 1]. */
  beta: number;
  /** Damping φ in (0, 1]; φ = 1 is Holt's linear trend. */
  phi: number;
}

const ALPHAS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9, 0.99];
const BETAS = [0, 0.01, 0.05, 0.15, 0.4];
const PHIS = [0.8, 0.9, 0.95, 0.98];

/** Sum of squared one-step errors of ETS(A,Ad,N); writes fitted values and the final state when asked. */
function runHolt(
  y: Float64Array,
  parameters: HoltParameters,
  initialLevel: number,
  initialTrend: number,
  fitted?: Float64Array
): { sse: number; level: number; trend: number } {
  const { alpha, phi } = parameters;
  const betaStar = alpha * parameters.beta;
  let level = initialLevel;
  let trend = initialTrend;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const expected = level + phi * trend;
    if (fitted) {
      fitted[t] = expected;
    }
    const error = y[t] - expected;
    sse += error * error;
    level = expected + alpha * error;
    trend = phi * trend + betaStar * error;
  }
  return { sse, level, trend };
}

/** Initial level and trend from a least-squares line through the first few points. */
function initialState(y: Float64Array): { level: number; trend: number } {
  const m = Math.min(y.length, 10);
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  for (let t = 0; t < m; t++) {
    sumX += t;
    sumY += y[t];
    sumXY += t * y[t];
    sumXX += t * t;
  }
  const denominator = m * sumXX - sumX * sumX;
  const trend = denominator > 0 ? (m * sumXY - sumX * sumY) / denominator : 0;
  // The level "before" the first point, so that the first one-step forecast is the line's value at t = 0.
  const intercept = (sumY - trend * sumX) / m;
  return { level: intercept - trend, trend };
}

/** Newest points the parameter search runs on: bounds the cost on long windows (the state still runs over all points). */
export const HOLT_FIT_POINTS = 1000;

/**
 * Fits ETS(A,Ad,N) parameters by minimising the one-step squared error on the newest 1,000 points: a
 * coarse grid over α, β, φ followed by coordinate-wise refinement. Deterministic and allocation-free
 * in the inner loop; O(min(n, 1000) · 224).
 */
export function fitHoltParameters(series: Float64Array): HoltParameters {
  const y = series.length > HOLT_FIT_POINTS ? series.subarray(series.length - HOLT_FIT_POINTS) : series;
  const start = initialState(y);
  let best: HoltParameters = { alpha: 0.5, beta: 0.05, phi: 0.95 };
  let bestSse = Infinity;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const phi of PHIS) {
        const { sse } = runHolt(y, { alpha, beta, phi }, start.level, start.trend);
        if (sse < bestSse) {
          bestSse = sse;
          best = { alpha, beta, phi };
        }
      }
    }
  }
  // Refine each parameter in turn with shrinking steps, staying inside the admissible box.
  let step = 0.05;
  for (let round = 0; round < 4; round++) {
    for (const key of ['alpha', 'beta', 'phi'] as const) {
      const low = key === 'phi' ? 0.8 : key === 'alpha' ? 0.01 : 0;
      const high = key === 'phi' ? 0.98 : key === 'alpha' ? 0.99 : 1;
      for (const direction of [-1, 1]) {
        const candidate = { ...best, [key]: Math.min(high, Math.max(low, best[key] + direction * step)) };
        const { sse } = runHolt(y, candidate, start.level, start.trend);
        if (sse < bestSse) {
          bestSse = sse;
          best = candidate;
        }
      }
    }
    step /= 2;
  }
  return best;
}

/**
 * Damped-trend Holt forecast (additive errors), ETS(A,Ad,N):
 * level ℓ and trend b follow ℓₜ = ℓₜ₋₁ + φbₜ₋₁ + αeₜ, bₜ = φbₜ₋₁ + αβeₜ, and
 * ŷ(n+h) = ℓₙ + (φ + φ² + … + φʰ)·bₙ. The damped trend flattens out, which is why it is the
 * most robust of the exponential-smoothing family for capacity-style series.
 *
 * Error standard deviation: σ·√(1 + Σⱼ₌₁ʰ⁻¹ (α + αβ·φⱼ)²), φⱼ = φ + … + φʲ
 * (Hyndman, Koehler, Ord & Snyder, *Forecasting with Exponential Smoothing*, 2008, Table 6.1, class 1).
 * Reference: Gardner & McKenzie (1985), "Forecasting trends in time series", Management Science 31(10).
 * Complexity O(n · grid) for the fit, O(horizon) for the forecast.
 *
 * @param parameters fixed smoothing parameters; fitted by least squares when omitted
 * @throws when the window has fewer than 4 points
 * @example
 * dampedHolt(Float64Array.from([10, 11, 12, 13, 14, 15]), 2).point // → about [16, 17]
 */
export function dampedHolt(trainingWindow: Float64Array, horizon: number, parameters?: HoltParameters): ModelForecast {
  const n = trainingWindow.length;
  if (n < 4) {
    throw new Error(`damped Holt needs at least 4 points, got ${n}`);
  }
  const chosen = parameters ?? fitHoltParameters(trainingWindow);
  const start = initialState(trainingWindow);
  const fitted = new Float64Array(n);
  const { sse, level, trend } = runHolt(trainingWindow, chosen, start.level, start.trend, fitted);
  const sigma = Math.sqrt(sse / Math.max(1, n - 3));
  const point = new Float64Array(horizon);
  const standardDeviation = new Float64Array(horizon);
  const betaStar = chosen.alpha * chosen.beta;
  let dampedSum = 0;
  let phiPower = 1;
  let variance = 0;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= chosen.phi;
    dampedSum += phiPower;
    point[h - 1] = level + dampedSum * trend;
    // Variance adds the squared weight of the error made h−1 steps before.
    if (h === 1) {
      variance = 1;
    } else {
      const previousDampedSum = dampedSum - phiPower;
      const weight = chosen.alpha + betaStar * previousDampedSum;
      variance += weight * weight;
    }
    standardDeviation[h - 1] = sigma * Math.sqrt(variance);
  }
  const description = `damped Holt α=${chosen.alpha.toFixed(2)} β=${chosen.beta.toFixed(2)} φ=${chosen.phi.toFixed(2)}`;
  return { point, standardDeviation, fitted, description };
}
