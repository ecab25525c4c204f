import { validateQuery } from '../query/validateQuery';
import type { ForesightQuery } from '../types';

/** Validation messages keyed by the field they belong to (`analysis.seasonality[1]` → `analysis.seasonality`). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * Validates the query with the shared validation (the backend runs the same) and groups the messages by
 * field for the editor. An empty expression is not reported: it is how every new query starts, and
 * Grafana does not run it (see `DataSource.filterQuery`).
 */
export function queryErrors(query: ForesightQuery): FieldErrors {
  const result = validateQuery(query);
  if (result.ok) {
    return {};
  }
  const errors: FieldErrors = {};
  for (const error of result.errors) {
    if (error.path === 'source.expr' && query.source?.expr?.trim() === '') {
      continue;
    }
    const field = error.path.replace(/\[\d+\]$/, '');
    errors[field] = errors[field] ?? error.message;
  }
  return errors;
}
