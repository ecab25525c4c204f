import { probit } from 'simple-statistics';
import { candidateSeasonalities } from './candidateSeasonalities';
import { fillGapsSeasonally } from './fillGapsSeasonally';
import { horizonCalibration } from './horizonCalibration';
import { modelCandidates, type ModelCandidate } from './modelCandidates';
import { regularizeSeries } from './regularizeSeries';
import { stepErrorCorrelation } from './stepErrorCorrelation';
import { rollingOriginBacktest, type BacktestResult } from './rollingOriginBacktest';
import type { FittedModelName, ForecastModelName } from './types';

/** Parameters of {@link forecast}. */
export interface ForecastParams {
  /** Which model to fit; `auto` picks the one with the lowest backtest error. */
  model: ForecastModelName;
  /** Number of future points (at the series' sampling step). */
  horizon: number;
  /** Prediction-interval level in (0, 1), e.g. 0.95. */
  level: number;
  /** Seasonal periods in points. Defaults to one day and one week at the sampling step, when they fit. */
  seasonalities?: number[];
  /** Rolling origins used to choose the model and calibrate intervals. Defaults to 7. */
  backtestOrigins?: number;
}

/** Backtest score of one candidate, for the notices and the benchmark. */
export interface CandidateScore {
  /** e.g. `seasonal-naive(48)`. */
  label: string;
  /** Mean absolute error over the backtest origins (NaN when it could not be evaluated). */
  meanAbsoluteError: number;
  /** How many origins were evaluated. */
  origins: number;
}

/** What {@link forecast} returns; all arrays are aligned with their timestamps. */
export interface ForecastResult {
  /** The model that produced the forecast (what `auto` chose). */
  model: FittedModelName;
  /** Its configuration, e.g. `mstl (48, 336) + damped Holt α=0.62 β=0.00 φ=0.80`. */
  description: string;
  /** The interval level used. */
  level: number;
  /** Sampling step in ms. */
  stepMs: number;
  /** Regular-grid timestamps of the history (gaps filled). */
  historyTimestamps: Float64Array;
  /** In-sample expected value for every history point (NaN where the model has none). */
  fitted: Float64Array;
  /** Future timestamps (ms), one step apart after the last history point. */
  timestamps: Float64Array;
  /** Point forecast. */
  point: Float64Array;
  /** Lower bound of the prediction interval. */
  lower: Float64Array;
  /** Upper bound of the prediction interval. */
  upper: Float64Array;
  /** Calibrated standard deviation of the forecast error per step (used for threshold probabilities). */
  standardDeviation: Float64Array;
  /**
   * Mean over the horizon of the factor applied to the model's own error standard deviation so that
   * the backtest errors are covered at `level` (per step, see `horizonCalibration`; 1 when no backtest
   * was possible).
   */
  intervalScale: number;
  /**
   * Correlation of the standardized errors of consecutive forecast steps on the backtests (NaN when
   * there were too few); `thresholdCrossing` simulates error paths with it.
   */
  errorCorrelation: number;
  /** Backtest score of every candidate that was considered. */
  candidates: CandidateScore[];
  /** Messages for the user: gaps, resets, fallbacks, uncalibrated intervals. */
  notices: string[];
}

/** Paired t statistic a challenger needs over the default model to replace it in `auto`. */
const SWITCH_T_STATISTIC = 2;

/**
 * `auto`: start from the most general applicable model (MSTL when a seasonal period fits, else damped
 * Holt) and switch to another candidate only when its per-origin backtest errors are lower by a
 * paired t statistic above 2 (a Diebold–Mariano-style test on absolute errors, Diebold & Mariano
 * 1995); among such candidates the lowest mean error wins. Picking the plain minimum over a handful
 * of origins chases noise. A named model with several configurations (seasonal naive per period)
 * simply keeps the one with the lowest backtest error.
 */
function chooseCandidate(
  candidates: ModelCandidate[],
  backtests: Map<ModelCandidate, BacktestResult>,
  auto: boolean
): ModelCandidate {
  const error = (candidate: ModelCandidate) => backtests.get(candidate)!.meanAbsoluteError;
  const scored = candidates.filter((candidate) => Number.isFinite(error(candidate)));
  if (!auto) {
    return scored.length > 0
      ? scored.reduce((best, candidate) => (error(candidate) < error(best) ? candidate : best))
      : candidates[0];
  }
  const defaultCandidate =
    candidates.find((candidate) => candidate.model === 'mstl') ??
    candidates.find((candidate) => candidate.model === 'holt') ??
    candidates[0];
  const reference = backtests.get(defaultCandidate)!;
  let chosen = defaultCandidate;
  for (const challenger of scored) {
    const result = backtests.get(challenger)!;
    if (
      challenger === defaultCandidate ||
      result.origins.join() !== reference.origins.join() ||
      result.origins.length < 3
    ) {
      continue;
    }
    const differences = result.originMeanAbsoluteErrors.map(
      (value, i) => reference.originMeanAbsoluteErrors[i] - value
    );
    const k = differences.length;
    const mean = differences.reduce((sum, value) => sum + value, 0) / k;
    const variance = differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (k - 1);
    const t = variance > 0 ? mean / Math.sqrt(variance / k) : mean > 0 ? Infinity : 0;
    if (t > SWITCH_T_STATISTIC && error(challenger) < error(chosen)) {
      chosen = challenger;
    }
  }
  return chosen;
}

/**
 * Forecasts a series `horizon` points past its end with a prediction interval at `level`.
 *
 * The series is put on a regular grid first (counter resets stitched; gaps and NaN filled along the
 * seasonal pattern when there is one, else linearly, and never scored as actuals).
 * Every candidate model is evaluated by rolling-origin backtesting on the training window itself;
 * `auto` keeps the most general model (MSTL, or damped Holt without seasonality) unless another one
 * is significantly more accurate on those backtests (see `chooseCandidate`). The chosen model's interval width is then
 * calibrated on the same backtest (a split-conformal step: its h-step errors divided by the model's
 * own standard deviation must fall inside ±z at the requested level), so intervals are honest even
 * when the model's assumptions (independent Gaussian errors) are not.
 *
 * @param values observations; NaN marks a missing value
 * @param timestamps epoch milliseconds, any order, possibly with gaps
 * @throws on fewer than two finite points, a non-positive horizon or a level outside (0, 1)
 * @example
 * const result = forecast(values, timestamps, { model: 'auto', horizon: 48, level: 0.95 });
 * result.point; result.lower; result.upper; result.model;
 */
export function forecast(values: Float64Array, timestamps: Float64Array, params: ForecastParams): ForecastResult {
  const { horizon, level } = params;
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new Error(`forecast horizon must be a whole number of points ≥ 1, got ${horizon}`);
  }
  if (!(level > 0 && level < 1)) {
    throw new Error(`interval level must lie strictly between 0 and 1, got ${level}`);
  }
  const series = regularizeSeries(values, timestamps);
  const notices = [...series.notices];
  const n = series.values.length;
  const requested = params.seasonalities ?? candidateSeasonalities(series.stepMs, n);
  const seasonalities = requested.filter((period) => Number.isInteger(period) && period >= 2 && n >= 2 * period);
  if (seasonalities.length < requested.length) {
    notices.push(
      `seasonal periods [${requested.filter((p) => !seasonalities.includes(p)).join(', ')}] ignored: the training window holds fewer than two cycles`
    );
  }

  // Gaps in seasonal data follow the seasonal pattern rather than a straight line; filled points are
  // also left out of the seasonal profiles and of the backtest scores (`series.observed`).
  let gridValues = series.values;
  if (series.filledPoints > 0) {
    if (seasonalities.length > 0) {
      gridValues = fillGapsSeasonally(series.values, series.observed, seasonalities);
    }
    notices.push(
      `${series.filledPoints} missing or non-finite points (of ${n}) were filled ${seasonalities.length > 0 ? `along the seasonal pattern (periods ${seasonalities.join(', ')})` : 'by linear interpolation'} and are not scored in backtests`
    );
  }

  let candidates = modelCandidates(params.model === 'auto' ? 'auto' : params.model, seasonalities).filter(
    (candidate) => n >= candidate.minimumTraining
  );
  if (candidates.length === 0) {
    notices.push(`model ${params.model} cannot be fitted on ${n} points; using damped Holt instead`);
    candidates = modelCandidates('holt', []);
  }
  const originCount = params.backtestOrigins ?? 7;
  const backtests = new Map<ModelCandidate, BacktestResult>();
  // Backtest origins lie in the second half of the window (every candidate scored on the same origins,
  // every backtest fit at least half as long as the final one), or at the latest possible origin when
  // the horizon is longer than half the window; seasonal fits also need two cycles before them.
  const earliestOrigin = Math.min(Math.floor(n / 2), n - horizon);
  for (const candidate of candidates) {
    backtests.set(
      candidate,
      rollingOriginBacktest(
        gridValues,
        horizon,
        originCount,
        Math.max(candidate.minimumTraining, earliestOrigin),
        candidate.backtestRun(),
        series.observed
      )
    );
  }
  const chosen = chooseCandidate(candidates, backtests, params.model === 'auto');
  if (![...backtests.values()].some((backtest) => backtest.origins.length >= 2) && candidates.length > 1) {
    notices.push(`training window too short to backtest; using ${chosen.label} without comparison`);
  }

  const fit = chosen.run(gridValues, horizon, series.observed);
  const chosenBacktest = backtests.get(chosen)!;
  const scales = horizonCalibration(chosenBacktest.errorPaths, chosenBacktest.standardDeviationPaths, horizon, level);
  if (!scales) {
    notices.push('too little history to calibrate the prediction interval on backtests; it assumes the model is right');
  }
  const z = probit((1 + level) / 2);
  const lastOffset = series.counterOffset[n - 1];
  const point = new Float64Array(horizon);
  const lower = new Float64Array(horizon);
  const upper = new Float64Array(horizon);
  const standardDeviation = new Float64Array(horizon);
  const futureTimestamps = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    // Forecast the stitched counter, then express it on the raw counter's current scale.
    point[h] = fit.point[h] - lastOffset;
    standardDeviation[h] = fit.standardDeviation[h] * (scales ? scales[h] : 1);
    lower[h] = point[h] - z * standardDeviation[h];
    upper[h] = point[h] + z * standardDeviation[h];
    futureTimestamps[h] = series.timestamps[n - 1] + (h + 1) * series.stepMs;
  }
  const fitted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    fitted[t] = fit.fitted[t] - series.counterOffset[t];
  }
  return {
    model: chosen.model,
    description: fit.description,
    level,
    stepMs: series.stepMs,
    historyTimestamps: series.timestamps,
    fitted,
    timestamps: futureTimestamps,
    point,
    lower,
    upper,
    standardDeviation,
    errorCorrelation: stepErrorCorrelation(chosenBacktest.errorPaths, chosenBacktest.standardDeviationPaths),
    intervalScale: scales ? scales.reduce((sum, value) => sum + value, 0) / horizon : 1,
    candidates: candidates.map((candidate) => ({
      label: candidate.label,
      meanAbsoluteError: backtests.get(candidate)!.meanAbsoluteError,
      origins: backtests.get(candidate)!.origins.length,
    })),
    notices,
  };
}
