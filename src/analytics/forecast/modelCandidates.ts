import { dampedHolt, fitHoltParameters, HOLT_FIT_POINTS, type HoltParameters } from './dampedHolt';
import { linearTrend } from './linearTrend';
import { mstlForecast } from './mstlForecast';
import { seasonalNaive } from './seasonalNaive';
import type { FittedModelName, ModelForecast } from './types';

/** One concrete model configuration `forecast()` can fit and backtest. */
export interface ModelCandidate {
  /** The model family. */
  model: FittedModelName;
  /** Short label, e.g. `seasonal-naive(168)`. */
  label: string;
  /** Fewest training points the model accepts. */
  minimumTraining: number;
  /** Fits on a training window and forecasts `horizon` steps; `observed` marks real (1) vs filled-in (0) points. */
  run: (trainingWindow: Float64Array, horizon: number, observed?: Uint8Array) => ModelForecast;
  /**
   * A run for one rolling-origin backtest (origins in time order). Models with costly parameter
   * searches estimate them at the first (earliest) origin and reuse them at later ones, refiltering
   * only the state: still causal, and O(n) per later origin instead of a new search.
   */
  backtestRun: () => (trainingWindow: Float64Array, horizon: number, observed?: Uint8Array) => ModelForecast;
}

/**
 * The configurations to consider for a requested model: one seasonal naive per period (the plain
 * naive forecast when there are no periods), the linear trend, damped Holt, and MSTL over all
 * periods. `auto` considers all of them.
 *
 * @param seasonalities periods in points, already filtered to those the training window can hold twice
 */
export function modelCandidates(model: FittedModelName | 'auto', seasonalities: number[]): ModelCandidate[] {
  const candidates: ModelCandidate[] = [];
  const wants = (name: FittedModelName) => model === 'auto' || model === name;
  if (wants('seasonal-naive')) {
    const periods = seasonalities.length > 0 ? seasonalities : [1];
    for (const period of periods) {
      candidates.push({
        model: 'seasonal-naive',
        label: `seasonal-naive(${period})`,
        minimumTraining: 2 * period,
        run: (window, horizon) => seasonalNaive(window, horizon, period),
        backtestRun: () => (window, horizon) => seasonalNaive(window, horizon, period),
      });
    }
  }
  if (wants('linear')) {
    const run = (window: Float64Array, horizon: number) => linearTrend(window, horizon);
    candidates.push({ model: 'linear', label: 'linear', minimumTraining: 3, run, backtestRun: () => run });
  }
  if (wants('holt')) {
    candidates.push({
      model: 'holt',
      label: 'holt',
      minimumTraining: 10,
      run: (window, horizon) => dampedHolt(window, horizon),
      backtestRun: () => {
        let parameters: HoltParameters | undefined;
        return (window, horizon) => {
          // Only windows long enough for the full parameter search share its result.
          if (window.length < HOLT_FIT_POINTS) {
            return dampedHolt(window, horizon);
          }
          parameters ??= fitHoltParameters(window);
          return dampedHolt(window, horizon, parameters);
        };
      },
    });
  }
  if (wants('mstl') && seasonalities.length > 0) {
    const longest = Math.max(...seasonalities);
    candidates.push({
      model: 'mstl',
      label: `mstl(${seasonalities.join(',')})`,
      minimumTraining: 2 * longest,
      run: (window, horizon, observed) => mstlForecast(window, horizon, seasonalities, observed),
      backtestRun: () => (window, horizon, observed) => mstlForecast(window, horizon, seasonalities, observed),
    });
  }
  return candidates;
}
