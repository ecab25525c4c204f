/** A least-squares line and whether its slope is clearly significant. */
export interface LinearTrendFit {
  /** Value of the line at index 0. */
  intercept: number;
  /** Change per point. */
  slope: number;
  /** slope / standard error, the error inflated by √((1+φ)/(1−φ)) for AR(1)-correlated residuals. */
  tStatistic: number;
}

/**
 * Fits a straight line by least squares and measures its slope against an autocorrelation-aware
 * standard error (the residuals' lag-one correlation φ inflates it by √((1+φ)/(1−φ)), the usual
 * effective-sample-size correction). Time series residuals are rarely independent, so the plain
 * OLS t statistic would call almost any wander a trend.
 *
 * Reference: Wilks, *Statistical Methods in the Atmospheric Sciences* (3rd ed.), §5.2.3.
 * Complexity O(n).
 *
 * @example
 * significantLinearTrend(Float64Array.from([1, 2, 3, 4.1, 5])).slope // → about 1
 */
export function significantLinearTrend(values: Float64Array): LinearTrendFit {
  const n = values.length;
  if (n < 3) {
    return { intercept: n > 0 ? values[0] : 0, slope: 0, tStatistic: 0 };
  }
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (let t = 0; t < n; t++) {
    meanY += values[t];
  }
  meanY /= n;
  let sxy = 0;
  const sxx = (n * (n * n - 1)) / 12;
  for (let t = 0; t < n; t++) {
    sxy += (t - meanX) * (values[t] - meanY);
  }
  const slope = sxy / sxx;
  let sumSquares = 0;
  let lagProducts = 0;
  let previous = NaN;
  for (let t = 0; t < n; t++) {
    const residual = values[t] - meanY - slope * (t - meanX);
    sumSquares += residual * residual;
    if (t > 0) {
      lagProducts += residual * previous;
    }
    previous = residual;
  }
  const phi = sumSquares > 0 ? Math.max(-0.99, Math.min(0.99, lagProducts / sumSquares)) : 0;
  const standardError = (Math.sqrt(sumSquares / (n - 2)) / Math.sqrt(sxx)) * Math.sqrt((1 + phi) / (1 - phi));
  const tStatistic = standardError > 0 ? slope / standardError : slope === 0 ? 0 : Infinity * Math.sign(slope);
  return { intercept: meanY - slope * meanX, slope, tStatistic };
}
