/**
 * Forecast engine: pure models, automatic model choice by rolling-origin backtesting, calibrated
 * prediction intervals and threshold-crossing (capacity / SLA-breach) analysis.
 */
export { forecast } from './forecast';
export type { ForecastParams, ForecastResult, CandidateScore } from './forecast';
export type { FittedModelName, ForecastModelName, ModelForecast } from './types';
export { seasonalNaive } from './seasonalNaive';
export { linearTrend } from './linearTrend';
export { dampedHolt, fitHoltParameters } from './dampedHolt';
export type { HoltParameters } from './dampedHolt';
export { mstlForecast } from './mstlForecast';
export { regularizeSeries } from './regularizeSeries';
export type { RegularSeries } from './regularizeSeries';
export { candidateSeasonalities } from './candidateSeasonalities';
export { rollingOriginBacktest } from './rollingOriginBacktest';
export type { BacktestResult } from './rollingOriginBacktest';
export { horizonCalibration } from './horizonCalibration';
export { stepErrorCorrelation } from './stepErrorCorrelation';
export { seasonalAdjustment } from './seasonalAdjustment';
export type { SeasonalAdjustment } from './seasonalAdjustment';
export { fillGapsSeasonally } from './fillGapsSeasonally';
export { thresholdCrossing } from './thresholdCrossing';
export type { ThresholdCrossing, ForecastPath } from './thresholdCrossing';
export { formatDuration } from './formatDuration';
export { levelPlusAr1 } from './levelPlusAr1';
export { mstlDecompose } from '../decompose/mstlDecompose';
export type { Decomposition, DecomposeOptions } from '../decompose/mstlDecompose';
