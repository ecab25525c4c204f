/**
 * Fills the defaults that an admin sets per datasource (`defaultTraining`, `defaultSensitivity`) into a query
 * that `validateQuery` has already accepted. Kept separate so the editor can validate a query without settings.
 */
import { SETTINGS_DEFAULTS, type ForesightDataSourceOptions, type ForesightQuery } from '../types';
import { DurationError, parseDuration } from './parseDuration';
import { describe, type QueryFieldError, type QueryValidation } from './validateQuery';

/**
 * Returns the query with `analysis.training` (every analysis but passthrough) and the anomaly
 * `analysis.sensitivity` set from the datasource settings when the query gives none; the settings' own
 * defaults (`7d`, `0.5`) apply when those are unset. A bad setting is reported as an error on
 * `jsonData.<name>` so the admin knows to fix the datasource, not the query.
 *
 * @example
 * applyDatasourceDefaults(query, { defaultTraining: '14d' }).query.analysis.training // → '14d' (when the query had none)
 */
export function applyDatasourceDefaults(
  query: ForesightQuery,
  settings: Pick<ForesightDataSourceOptions, 'defaultTraining' | 'defaultSensitivity'> | undefined
): QueryValidation {
  const errors: QueryFieldError[] = [];
  const analysis = { ...query.analysis };
  if (analysis.kind !== 'passthrough' && analysis.training === undefined) {
    const training = settings?.defaultTraining ?? SETTINGS_DEFAULTS.defaultTraining;
    try {
      parseDuration(training, 'jsonData.defaultTraining');
      analysis.training = training.trim();
    } catch (error) {
      if (!(error instanceof DurationError)) {
        throw error;
      }
      errors.push({
        path: 'jsonData.defaultTraining',
        message: `${error.reason} (datasource setting "Default training window"; set analysis.training in the query or fix the datasource)`,
      });
    }
  }
  if (analysis.kind === 'anomaly' && analysis.sensitivity === undefined) {
    const sensitivity = settings?.defaultSensitivity ?? SETTINGS_DEFAULTS.defaultSensitivity;
    if (typeof sensitivity === 'number' && sensitivity >= 0 && sensitivity <= 1) {
      analysis.sensitivity = sensitivity;
    } else {
      errors.push({
        path: 'jsonData.defaultSensitivity',
        message: `expected a number between 0 and 1, got ${describe(sensitivity)} (datasource setting "Default sensitivity")`,
      });
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, query: { ...query, analysis }, notices: [] };
}
