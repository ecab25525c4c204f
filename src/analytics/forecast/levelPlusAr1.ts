import type { ModelForecast } from './types';

/** Lag-one autocorrelation coefficient of a zero-mean series, kept inside (−0.99, 0.99) for stability. */
function ar1Coefficient(residuals: Float64Array): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = 1; i < residuals.length; i++) {
    numerator += residuals[i] * residuals[i - 1];
    denominator += residuals[i - 1] * residuals[i - 1];
  }
  return denominator > 0 ? Math.max(-0.99, Math.min(0.99, numerator / denominator)) : 0;
}

/** t statistic above which a linear trend is believed and extrapolated. */
const TREND_T_STATISTIC = 3;

/** Standardized mean difference above which the newest points are taken to sit on a new level. */
const SHIFT_STATISTIC = 6;

/**
 * Start of the newest level inside `values[from..n)`: the split that maximises the difference between
 * the means before and after it, in units of its standard error (inflated for AR(1) autocorrelation,
 * as in a CUSUM/binary-segmentation test). Returns `from` when no split is convincing.
 */
function newestLevelStart(values: Float64Array, from: number, minimumSegment: number): number {
  const n = values.length;
  const length = n - from;
  if (length < 2 * minimumSegment) {
    return from;
  }
  let total = 0;
  for (let t = from; t < n; t++) {
    total += values[t];
  }
  const mean = total / length;
  const centred = new Float64Array(length);
  for (let t = from; t < n; t++) {
    centred[t - from] = values[t] - mean;
  }
  // Noise scale from first differences (robust to the shift itself) and the lag-one correlation.
  let differenceSquares = 0;
  for (let i = 1; i < length; i++) {
    differenceSquares += (centred[i] - centred[i - 1]) ** 2;
  }
  const phi = ar1Coefficient(centred);
  const innovationVariance = differenceSquares / (2 * (length - 1));
  const longRunSd = Math.sqrt(innovationVariance) * Math.sqrt((1 + Math.max(0, phi)) / (1 - Math.max(0, phi)));
  if (!(longRunSd > 0)) {
    return from;
  }
  let best = from;
  let bestStatistic = SHIFT_STATISTIC;
  let before = 0;
  for (let split = from + 1; split < n; split++) {
    before += values[split - 1];
    const countBefore = split - from;
    const countAfter = n - split;
    if (countBefore < minimumSegment || countAfter < minimumSegment) {
      continue;
    }
    const difference = (total - before) / countAfter - before / countBefore;
    const statistic = Math.abs(difference) / (longRunSd * Math.sqrt(1 / countBefore + 1 / countAfter));
    if (statistic > bestStatistic) {
      bestStatistic = statistic;
      best = split;
    }
  }
  return best;
}

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
