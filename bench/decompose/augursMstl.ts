import { augursMstl } from '../shared/augursMstl';

/**
 * augurs MSTL with an AutoETS trend fitted to the series, and its in-sample fitted values (the only
 * view of the decomposition its JavaScript binding exposes: no separate trend or seasonal components).
 */
export function augursInSample(values: Float64Array, periods: number[]): Float64Array {
  const model = augursMstl().ets(periods);
  try {
    model.fit(values);
    return Float64Array.from(model.predictInSample().point);
  } finally {
    model.free();
  }
}
