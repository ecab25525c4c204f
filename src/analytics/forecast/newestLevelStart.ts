import { ar1Coefficient } from './ar1Coefficient';

/** Standardized mean difference above which the newest points are taken to sit on a new level. */
const SHIFT_STATISTIC = 6;

/**
 * Start of the newest level inside `values[from..n)`: the split that maximises the difference between
 * the means before and after it, in units of its standard error (inflated for AR(1) autocorrelation,
 * as in a CUSUM/binary-segmentation test). Returns `from` when no split is convincing.
 */
export function newestLevelStart(values: Float64Array, from: number, minimumSegment: number): number {
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
