/**
 * Shared types of the forecast engine. Every model is a pure function
 * `(trainingWindow, horizon, options) => ModelForecast` on a regular, gap-free series.
 */

/** Model names a caller can ask for; `auto` picks one by rolling-origin backtesting on the training window. */
export type ForecastModelName = 'auto' | 'linear' | 'holt' | 'mstl' | 'seasonal-naive';

/** A concrete model (what `auto` resolves to). */
export type FittedModelName = Exclude<ForecastModelName, 'auto'>;

/**
 * What a model returns before intervals are calibrated: the point forecast, the standard deviation
 * of the h-step forecast error implied by the model, and the one-step-ahead fitted history.
 */
export interface ModelForecast {
  /** Point forecast for steps 1..horizon. */
  point: Float64Array;
  /** Model-implied standard deviation of the forecast error at steps 1..horizon. */
  standardDeviation: Float64Array;
  /** In-sample expected value for every training point (NaN where the model has no estimate yet). */
  fitted: Float64Array;
  /** Human-readable description, e.g. `seasonal naive (168)` or `damped Holt α=0.41 β=0.02 φ=0.95`. */
  description: string;
}
