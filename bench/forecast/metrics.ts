/** Mean absolute error of a forecast against actuals (NaN actuals skipped). */
export function meanAbsoluteError(actual: Float64Array, predicted: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Number.isFinite(actual[i])) {
      sum += Math.abs(actual[i] - predicted[i]);
      count++;
    }
  }
  return sum / count;
}

/** Symmetric MAPE in %: mean of 200·|y − ŷ| / (|y| + |ŷ|). */
export function symmetricMape(actual: Float64Array, predicted: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(predicted[i]);
    if (Number.isFinite(actual[i]) && denominator > 0) {
      sum += (200 * Math.abs(actual[i] - predicted[i])) / denominator;
      count++;
    }
  }
  return sum / count;
}

/** In-sample MAE of the seasonal naive forecast with period `period`: the MASE scale (Hyndman & Koehler 2006). */
export function seasonalNaiveScale(training: Float64Array, period: number): number {
  let sum = 0;
  for (let t = period; t < training.length; t++) {
    sum += Math.abs(training[t] - training[t - period]);
  }
  return sum / (training.length - period);
}

/** Count of actuals inside [lower, upper]. */
export function coveredCount(
  actual: Float64Array,
  lower: Float64Array,
  upper: Float64Array
): { covered: number; total: number } {
  let covered = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Number.isFinite(actual[i])) {
      total++;
      if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
        covered++;
      }
    }
  }
  return { covered, total };
}
