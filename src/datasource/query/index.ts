/** Query model helpers shared by the editor and the backend: parsing durations, validation, defaults. */
export { DurationError, formatDuration, parseDuration } from './parseDuration';
export {
  ANALYSIS_KINDS,
  ANOMALY_DETECTORS,
  FORECAST_MODELS,
  OUTLIER_ALGORITHMS,
  OUTPUT_MODES,
  OUTPUT_NEEDS,
  QUERY_DEFAULTS,
  SOURCE_KINDS,
  THRESHOLD_DIRECTIONS,
  formatQueryErrors,
  validateQuery,
  type QueryFieldError,
  type QueryValidation,
} from './validateQuery';
export { applyDatasourceDefaults } from './applyDatasourceDefaults';
