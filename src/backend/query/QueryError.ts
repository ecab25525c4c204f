import { UpstreamError, type UpstreamErrorKind } from '../upstream/types';

/** Who has to act on an error, in Grafana's terms: the plugin/its input, or the upstream it queried. */
export type ErrorSource = 'plugin' | 'downstream';

/**
 * An error that becomes one refId's DataResponse: an HTTP-style status, a message a user can act on,
 * and Grafana's errorSource. Other refIds of the same request are unaffected.
 */
export class QueryError extends Error {
  constructor(
    readonly status: number,
    readonly errorSource: ErrorSource,
    message: string
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** Status and source for each upstream failure kind. */
const UPSTREAM_STATUS: Record<UpstreamErrorKind, { status: number; source: ErrorSource }> = {
  'not-configured': { status: 400, source: 'plugin' },
  unreachable: { status: 502, source: 'downstream' },
  timeout: { status: 504, source: 'downstream' },
  cancelled: { status: 499, source: 'downstream' },
  unauthorized: { status: 502, source: 'downstream' },
  forbidden: { status: 502, source: 'downstream' },
  'not-found': { status: 502, source: 'downstream' },
  'bad-request': { status: 400, source: 'downstream' },
  'not-prometheus': { status: 502, source: 'downstream' },
  'not-loki': { status: 502, source: 'downstream' },
  'bad-response': { status: 502, source: 'downstream' },
  'too-large': { status: 422, source: 'plugin' },
  'too-many-series': { status: 422, source: 'plugin' },
  'upstream-error': { status: 502, source: 'downstream' },
};

/** Converts anything thrown while answering a query into a QueryError (unexpected errors are 500 plugin). */
export function toQueryError(error: unknown): QueryError {
  if (error instanceof QueryError) {
    return error;
  }
  if (error instanceof UpstreamError) {
    const { status, source } = UPSTREAM_STATUS[error.kind] ?? { status: 502, source: 'downstream' };
    const detail = error.upstreamMessage && !error.message.includes(error.upstreamMessage) ? `: ${error.upstreamMessage}` : '';
    return new QueryError(status, source, `${error.message}${detail}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new QueryError(500, 'plugin', `internal error in the Foresight backend: ${message}`);
}
