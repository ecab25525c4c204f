import type { ModelForecast } from './types';

/**
 * Seasonal naive forecast: every future point repeats the value one season earlier,
 * ŷ(n+h) = y(n+h−m·(⌊(h−1)/m⌋+1)).
 *
 * The error standard deviation is the root mean square of the in-sample seasonal differences σ,
 * growing with the number of whole seasons ahead: σ·√(⌊(h−1)/m⌋+1).
 * Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §5.2 and §5.5.
 * Complexity O(n + horizon).
 *
 * @param trainingWindow regular, gap-free series
 * @param horizon number of steps to forecast (≥ 1)
 * @param period season length in points (≥ 1; 1 gives the naive random-walk forecast)
 * @throws when the window holds fewer than two seasons
 * @example
 * seasonalNaive(Float64Array.from([1, 2, 3, 1, 2, 3]), 4, 3).point // → [1, 2, 3, 1]
 */
export function seasonalNaive(trainingWindow: Float64Array, horizon: number, period: number): ModelForecast {
  const n = trainingWindow.length;
  if (!Number.isInteger(period) || period < 1) {
    throw new Error(`seasonal naive needs a whole period of at least 1 point, got ${period}`);
  }
  if (n < 2 * period) {
    throw new Error(`seasonal naive with period ${period} needs at least ${2 * period} points, got ${n}`);
  }
  const fitted = new Float64Array(n).fill(NaN);
  let sumSquares = 0;
  for (let t = period; t < n; t++) {
    fitted[t] = trainingWindow[t - period];
    const residual = trainingWindow[t] - fitted[t];
    sumSquares += residual * residual;
  }
  const sigma = Math.sqrt(sumSquares / (n - period));
  const point = new Float64Array(horizon);
  const standardDeviation = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    const seasonsAhead = Math.floor((h - 1) / period) + 1;
    point[h - 1] = trainingWindow[n + h - 1 - period * seasonsAhead];
    standardDeviation[h - 1] = sigma * Math.sqrt(seasonsAhead);
  }
  return { point, standardDeviation, fitted, description: `seasonal naive (${period})` };
}
