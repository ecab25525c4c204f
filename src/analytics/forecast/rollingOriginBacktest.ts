/** Errors of one model over several forecast origins inside the training window. */
export interface BacktestResult {
  /** Forecast origins (indices of the first forecast point) that were evaluated, oldest first. */
  origins: number[];
  /** Mean absolute error of each evaluated origin's forecast, aligned with `origins`. */
  originMeanAbsoluteErrors: number[];
  /** Mean absolute error over every evaluated point (NaN when no origin fitted). */
  meanAbsoluteError: number;
  /** (actual − point) / model standard deviation, for every evaluated point. */
  standardizedErrors: number[];
  /**
   * Per evaluated origin, the error path actual − point for steps 1..horizon (NaN where the actual was
   * filled in rather than observed), and the model's standard deviation for those steps.
   */
  errorPaths: Float64Array[];
  standardDeviationPaths: Float64Array[];
}

/** A model run for the backtest: point forecast and error standard deviation for `horizon` steps. */
export type BacktestRun = (
  trainingWindow: Float64Array,
  horizon: number,
  observed?: Uint8Array
) => { point: Float64Array; standardDeviation: Float64Array };

/**
 * Rolling-origin evaluation (Tashman 2000, "Out-of-sample tests of forecasting accuracy",
 * Int. J. Forecasting 16(4)) on the training window itself: the model is refitted on every prefix
 * ending at an origin and scored on the `horizon` points that follow. Origins are spaced `horizon`
 * apart (closer when the window is short) and the last forecast ends at the end of the window, so no
 * data beyond the window is ever used. Origins whose fit throws (too little data) are skipped.
 * Filled-in points (`observed[t] = 0`) are not scored: they are not actuals.
 *
 * @param minimumTraining fewest points a fit may use
 * @param observed 1 for real observations, 0 for filled-in points; all observed when omitted
 * @example
 * rollingOriginBacktest(y, 48, 7, 96, (w, h) => seasonalNaive(w, h, 48)).meanAbsoluteError
 */
export function rollingOriginBacktest(
  values: Float64Array,
  horizon: number,
  originCount: number,
  minimumTraining: number,
  run: BacktestRun,
  observed?: Uint8Array
): BacktestResult {
  const n = values.length;
  const latestOrigin = n - horizon;
  const room = latestOrigin - minimumTraining;
  const origins: number[] = [];
  if (room >= 0 && originCount > 0) {
    const spacing = originCount > 1 ? Math.max(1, Math.min(horizon, Math.floor(room / (originCount - 1)))) : horizon;
    for (let k = originCount - 1; k >= 0; k--) {
      const origin = latestOrigin - k * spacing;
      if (origin >= minimumTraining) {
        origins.push(origin);
      }
    }
  }
  const evaluated: number[] = [];
  const originMeanAbsoluteErrors: number[] = [];
  const standardizedErrors: number[] = [];
  const errorPaths: Float64Array[] = [];
  const standardDeviationPaths: Float64Array[] = [];
  let absoluteSum = 0;
  let count = 0;
  for (const origin of origins) {
    let forecast;
    try {
      forecast = run(values.subarray(0, origin), horizon, observed?.subarray(0, origin));
    } catch {
      continue;
    }
    const errors = new Float64Array(horizon).fill(NaN);
    let originSum = 0;
    let originCount = 0;
    for (let h = 0; h < horizon; h++) {
      if (observed && !observed[origin + h]) {
        continue;
      }
      const error = values[origin + h] - forecast.point[h];
      errors[h] = error;
      originSum += Math.abs(error);
      originCount++;
      const sd = forecast.standardDeviation[h];
      if (sd > 0 && Number.isFinite(sd)) {
        standardizedErrors.push(error / sd);
      }
    }
    if (originCount === 0) {
      continue;
    }
    evaluated.push(origin);
    absoluteSum += originSum;
    count += originCount;
    originMeanAbsoluteErrors.push(originSum / originCount);
    errorPaths.push(errors);
    standardDeviationPaths.push(Float64Array.from(forecast.standardDeviation.subarray(0, horizon)));
  }
  return {
    origins: evaluated,
    originMeanAbsoluteErrors,
    meanAbsoluteError: count > 0 ? absoluteSum / count : NaN,
    standardizedErrors,
    errorPaths,
    standardDeviationPaths,
  };
}
