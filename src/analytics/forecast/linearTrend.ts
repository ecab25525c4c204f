import { SimpleLinearRegression } from 'ml-regression-simple-linear';
import type { ModelForecast } from './types';

/**
 * Linear trend forecast: an ordinary least-squares line through the training window, extended.
 *
 * The error standard deviation is the classical prediction interval of a regression at a new x,
 * s·√(1 + 1/n + (x − x̄)²/Sxx), with s² the residual variance on n − 2 degrees of freedom.
 * Reference: Montgomery, Peck & Vining, *Introduction to Linear Regression Analysis*, §2.4.2.
 * Complexity O(n + horizon).
 *
 * @throws when the window has fewer than 3 points
 * @example
 * linearTrend(Float64Array.from([1, 2, 3, 4]), 2).point // → [5, 6]
 */
export function linearTrend(trainingWindow: Float64Array, horizon: number): ModelForecast {
  const n = trainingWindow.length;
  if (n < 3) {
    throw new Error(`linear trend needs at least 3 points, got ${n}`);
  }
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    x[t] = t;
  }
  const regression = new SimpleLinearRegression(x, trainingWindow);
  const fitted = new Float64Array(n);
  let sumSquares = 0;
  for (let t = 0; t < n; t++) {
    fitted[t] = regression.intercept + regression.slope * t;
    const residual = trainingWindow[t] - fitted[t];
    sumSquares += residual * residual;
  }
  const s = Math.sqrt(sumSquares / (n - 2));
  const meanX = (n - 1) / 2;
  const sxx = (n * (n * n - 1)) / 12;
  const point = new Float64Array(horizon);
  const standardDeviation = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    const xNew = n - 1 + h;
    point[h - 1] = regression.intercept + regression.slope * xNew;
    standardDeviation[h - 1] = s * Math.sqrt(1 + 1 / n + ((xNew - meanX) * (xNew - meanX)) / sxx);
  }
  return {
    point,
    standardDeviation,
    fitted,
    description: `linear trend (slope ${regression.slope.toPrecision(3)}/step)`,
  };
}
