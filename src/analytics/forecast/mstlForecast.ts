import { levelPlusAr1 } from './levelPlusAr1';
import { seasonalAdjustment } from './seasonalAdjustment';
import type { ModelForecast } from './types';

/**
 * Multi-seasonal forecast (MSTL-style): decompose the training window into seasonal profiles for
 * every period (see `seasonalAdjustment`), forecast the seasonally adjusted series with `levelPlusAr1`
 * (the level of the last longest cycle, or a clearly significant trend, plus decaying AR(1)
 * deviations), and add the seasonal profiles back at the future phases. This is the MSTL forecasting
 * recipe of Bandara, Hyndman & Bergmeir (arXiv:2107.13462) with a regression-with-AR(1)-errors model
 * for the adjusted series instead of ETS: on 30-min taxi and hourly load data it was clearly more
 * accurate than a damped Holt model, which carries the last deviation forward forever.
 *
 * The error standard deviation is the adjusted model's (seasonal estimation error
 * is not included; `forecast()` calibrates intervals on backtests, which accounts for it).
 * Complexity O(n · #periods + horizon).
 *
 * @param periods seasonal periods in points; those with fewer than two cycles in the window are dropped
 * @param observed 1 for real observations, 0 for filled-in points (ignored when estimating the profiles)
 * @throws when no period fits twice into the window
 * @example
 * mstlForecast(series, 48, [48, 336]) // 30-minute data, daily and weekly cycles
 */
export function mstlForecast(
  trainingWindow: Float64Array,
  horizon: number,
  periods: number[],
  observed?: Uint8Array
): ModelForecast {
  const n = trainingWindow.length;
  const decomposition = seasonalAdjustment(trainingWindow, periods, observed);
  if (decomposition.periods.length === 0) {
    throw new Error(
      `mstl requires at least two full seasons of one of the periods [${periods.join(', ')}] (got ${n} points)`
    );
  }
  const longest = decomposition.periods[decomposition.periods.length - 1];
  const adjustedForecast = levelPlusAr1(decomposition.seasonallyAdjusted, horizon, longest);
  const point = Float64Array.from(adjustedForecast.point);
  const fitted = Float64Array.from(adjustedForecast.fitted);
  decomposition.periods.forEach((period, i) => {
    const profile = decomposition.profiles[i];
    for (let h = 0; h < horizon; h++) {
      point[h] += profile[(n + h) % period];
    }
    for (let t = 0; t < n; t++) {
      fitted[t] += profile[t % period];
    }
  });
  return {
    point,
    standardDeviation: adjustedForecast.standardDeviation,
    fitted,
    description: `mstl (${decomposition.periods.join(', ')}) + ${adjustedForecast.description}`,
  };
}
