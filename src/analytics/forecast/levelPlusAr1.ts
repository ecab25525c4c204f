import { ar1Coefficient } from './ar1Coefficient';
import { newestLevelStart } from './newestLevelStart';
import type { ModelForecast } from './types';

/** t statistic above which a linear trend is believed and extrapolated. */
const TREND_T_STATISTIC = 3;

/**
 * Forecast of a non-seasonal (e.g. seasonally adjusted) series as a mean plus AR(1) deviations,
 * the "regression with AR(1) errors" of Hyndman & Athanasopoulos, FPP3 §10.
 *
 * The mean is a straight line through the whole window when its slope is clearly significant
 * (|t| > 3, with the standard error inflated by √((1+φ)/(1−φ)) for autocorrelated errors);
 * otherwise it is the plain mean of the last `levelWindow` points (only those after a clear level
 * shift, when a CUSUM-style split test finds one), so a recent level shift is followed and a noisy
 * slope is not extrapolated. The newest deviation from the mean decays by φ
 * per step: a burst right before the forecast start carries into the first steps and then fades.
 *
 * Error standard deviation: σ_e·√((1 − φ^{2h}) / (1 − φ²)) for the AR part, plus the sampling error
 * of the mean (and of the slope when a trend is used).
 * Complexity O(n + horizon).
 *
 * @param levelWindow points averaged for the level when no trend is used (e.g. the longest season)
 * @throws when the window has fewer than 4 points
 * @example
 * levelPlusAr1(Float64Array.from([5, 5, 5, 9]), 2, 4).point // → decays from 9 back towards 6
 */
export function levelPlusAr1(trainingWindow: Float64Array, horizon: number, levelWindow: number): ModelForecast {
  const n = trainingWindow.length;
  if (n < 4) {
    throw new Error(`level + AR(1) needs at least 4 points, got ${n}`);
  }
  // Least-squares line over the whole window.
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (let t = 0; t < n; t++) {
    meanY += trainingWindow[t];
  }
  meanY /= n;
  let sxy = 0;
  const sxx = (n * (n * n - 1)) / 12;
  for (let t = 0; t < n; t++) {
    sxy += (t - meanX) * (trainingWindow[t] - meanY);
  }
  const slope = sxy / sxx;
  const residuals = new Float64Array(n);
  let sumSquares = 0;
  for (let t = 0; t < n; t++) {
    residuals[t] = trainingWindow[t] - meanY - slope * (t - meanX);
    sumSquares += residuals[t] * residuals[t];
  }
  const trendPhi = ar1Coefficient(residuals);
  const inflation = Math.sqrt((1 + trendPhi) / (1 - trendPhi));
  const slopeError = (Math.sqrt(sumSquares / (n - 2)) / Math.sqrt(sxx)) * inflation;
  const useTrend = slopeError > 0 && Math.abs(slope / slopeError) > TREND_T_STATISTIC;

  const window = Math.max(2, Math.min(n, Math.round(levelWindow)));
  const mean = new Float64Array(n);
  if (useTrend) {
    for (let t = 0; t < n; t++) {
      mean[t] = meanY + slope * (t - meanX);
    }
  } else {
    // A clear level shift inside the level window: only the points after it define the level.
    const levelStart = newestLevelStart(trainingWindow, n - window, Math.max(3, Math.round(window / 28)));
    let level = 0;
    for (let t = levelStart; t < n; t++) {
      level += trainingWindow[t];
    }
    mean.fill(level / (n - levelStart));
  }
  const from = useTrend ? 0 : n - window;
  const deviations = new Float64Array(n - from);
  for (let t = from; t < n; t++) {
    deviations[t - from] = trainingWindow[t] - mean[t];
  }
  const phi = ar1Coefficient(deviations);
  let innovationSquares = 0;
  for (let i = 1; i < deviations.length; i++) {
    const innovation = deviations[i] - phi * deviations[i - 1];
    innovationSquares += innovation * innovation;
  }
  const innovationVariance = innovationSquares / Math.max(1, deviations.length - 2);
  const deviationVariance = innovationVariance / (1 - phi * phi);
  // Sampling variance of a mean of autocorrelated points.
  const meanVariance = (deviationVariance / deviations.length) * ((1 + phi) / (1 - phi));

  const fitted = new Float64Array(n);
  fitted[0] = mean[0];
  for (let t = 1; t < n; t++) {
    fitted[t] = mean[t] + phi * (trainingWindow[t - 1] - mean[t - 1]);
  }
  const point = new Float64Array(horizon);
  const standardDeviation = new Float64Array(horizon);
  let deviation = trainingWindow[n - 1] - mean[n - 1];
  let phiPowerSquared = 1;
  for (let h = 1; h <= horizon; h++) {
    deviation *= phi;
    phiPowerSquared *= phi * phi;
    const slopeTerm = useTrend ? slope * (n - 1 + h - meanX) : 0;
    point[h - 1] = (useTrend ? meanY : mean[n - 1]) + slopeTerm + deviation;
    const arVariance = (innovationVariance * (1 - phiPowerSquared)) / (1 - phi * phi);
    const trendVariance = useTrend ? (slopeError * (n - 1 + h - meanX)) ** 2 : 0;
    standardDeviation[h - 1] = Math.sqrt(arVariance + meanVariance + trendVariance);
  }
  const description = useTrend
    ? `trend ${slope.toPrecision(3)}/step + AR(1) φ=${phi.toFixed(2)}`
    : `level (last ${window} points) + AR(1) φ=${phi.toFixed(2)}`;
  return { point, standardDeviation, fitted, description };
}
