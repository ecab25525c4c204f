/**
 * Parses one refId's query JSON with the validation shared with the query editor
 * (src/datasource/query), so the editor and the backend reject the same things. Every problem becomes
 * a 400 QueryError (errorSource plugin) whose message names the field; Grafana's own keys
 * (datasource, intervalMs, hide, …) are ignored.
 */
import type { ForesightQuery } from '../../datasource/types';
import { applyDatasourceDefaults, formatQueryErrors, validateQuery } from '../../datasource/query';
import type { DataQuery } from '../protocol/messages';
import type { ForesightSettings } from '../settings/parseSettings';
import { QueryError } from './QueryError';

/** A validated, defaulted query plus the request-level values Grafana sent with it. */
export interface ParsedQuery {
  refId: string;
  query: ForesightQuery;
  /** Things worth telling the user that did not stop the query (shown as frame notices). */
  notices: string[];
  fromMs: number;
  toMs: number;
  /** Grafana's suggested interval (0 when not sent). */
  intervalMs: number;
  /** Grafana's point budget (0 when not sent). */
  maxDataPoints: number;
}

function invalid(message: string): QueryError {
  return new QueryError(400, 'plugin', message);
}

/** Parses one DataQuery from the gRPC request; throws QueryError (400, plugin) naming the field. */
export function parseQuery(
  dataQuery: DataQuery,
  settings: Pick<ForesightSettings, 'defaultTraining' | 'defaultSensitivity'>
): ParsedQuery {
  const text = Buffer.from(dataQuery.json ?? []).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`query: the query JSON is not valid JSON (${(error as Error).message})`);
  }
  const validation = validateQuery(json);
  if (!validation.ok) {
    throw invalid(formatQueryErrors(validation.errors));
  }
  const defaulted = applyDatasourceDefaults(validation.query, settings);
  if (!defaulted.ok) {
    throw invalid(formatQueryErrors(defaulted.errors));
  }
  const fromMs = dataQuery.timeRange?.fromEpochMS ?? 0;
  const toMs = dataQuery.timeRange?.toEpochMS ?? 0;
  if (!(toMs > fromMs)) {
    throw invalid(`timeRange: "to" (${toMs}) must be after "from" (${fromMs})`);
  }
  return {
    refId: dataQuery.refId,
    query: { ...defaulted.query, refId: dataQuery.refId },
    notices: validation.notices,
    fromMs,
    toMs,
    intervalMs: Math.max(0, dataQuery.intervalMS ?? 0),
    maxDataPoints: Math.max(0, dataQuery.maxDataPoints ?? 0),
  };
}
