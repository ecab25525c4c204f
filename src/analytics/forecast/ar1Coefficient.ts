/** Lag-one autocorrelation coefficient of a zero-mean series, kept inside (−0.99, 0.99) for stability. */
export function ar1Coefficient(residuals: Float64Array): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = 1; i < residuals.length; i++) {
    numerator += residuals[i] * residuals[i - 1];
    denominator += residuals[i - 1] * residuals[i - 1];
  }
  return denominator > 0 ? Math.max(-0.99, Math.min(0.99, numerator / denominator)) : 0;
}
