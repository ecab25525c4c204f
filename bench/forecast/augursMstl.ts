import { augursMstl } from '../shared/augursMstl';

/** augurs MSTL with an AutoETS trend (the anchor model), as point forecast and interval bounds. */
export function augursMstlForecast(
  trainingWindow: Float64Array,
  horizon: number,
  periods: number[],
  level: number
): { point: Float64Array; lower: Float64Array; upper: Float64Array } {
  const model = augursMstl().ets(periods);
  try {
    model.fit(trainingWindow);
    const result = model.predict(horizon, level);
    const point = Float64Array.from(result.point);
    return {
      point,
      lower: Float64Array.from(result.intervals?.lower ?? point),
      upper: Float64Array.from(result.intervals?.upper ?? point),
    };
  } finally {
    model.free();
  }
}
