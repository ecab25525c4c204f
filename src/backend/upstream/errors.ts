/**
 * Turning transport failures and HTTP statuses into UpstreamErrors whose messages an admin or a dashboard
 * user can act on. Messages never contain secrets: only the upstream's name, its base URL without
 * credentials, the endpoint, and the upstream's own error text.
 */
import { UpstreamError, type UpstreamErrorKind } from './types';

export type UpstreamName = 'prometheus' | 'loki';

export const UPSTREAM_TITLE: Record<UpstreamName, string> = { prometheus: 'Prometheus', loki: 'Loki' };

/** The base URL with any `user:password@` removed, for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(invalid URL)';
  }
}

/** Node error codes meaning "nobody answered at that address". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);

/** Node error codes of a connection that broke mid-way, worth one more try for idempotent requests. */
export const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** Maps an error thrown by node:http(s) while connecting or reading. */
export function transportError(upstream: UpstreamName, baseUrl: string, error: NodeJS.ErrnoException): UpstreamError {
  const title = UPSTREAM_TITLE[upstream];
  const where = `${title} at ${safeUrl(baseUrl)}`;
  const code = error.code ?? '';
  if (UNREACHABLE_CODES.has(code)) {
    const why =
      code === 'ECONNREFUSED'
        ? 'connection refused'
        : code.startsWith('EAI') || code === 'ENOTFOUND'
          ? 'host name not found'
          : code;
    return new UpstreamError(
      'unreachable',
      `could not connect to ${where} (${why}); check the URL and that ${title} is running`
    );
  }
  if (TLS_CODES.has(code) || /certificate|ssl|tls/i.test(error.message)) {
    return new UpstreamError(
      'unreachable',
      `TLS handshake with ${where} failed (${code || error.message}); add its CA certificate in the datasource settings, or enable "Skip TLS verify" for testing`
    );
  }
  if (RETRYABLE_CODES.has(code) || /socket hang up/i.test(error.message)) {
    return new UpstreamError('unreachable', `${where} closed the connection (${code || error.message})`);
  }
  return new UpstreamError('unreachable', `request to ${where} failed (${code || error.message})`);
}

/**
 * Maps a non-2xx status. `upstreamMessage` is the upstream's own error text (Prometheus `error` field,
 * Loki's plain-text body) and is kept verbatim in both the message and `upstreamMessage`.
 */
export function statusError(
  upstream: UpstreamName,
  baseUrl: string,
  endpoint: string,
  status: number,
  upstreamMessage: string | undefined
): UpstreamError {
  const title = UPSTREAM_TITLE[upstream];
  const said = upstreamMessage ? `: ${upstreamMessage}` : '';
  let kind: UpstreamErrorKind;
  let message: string;
  if (status === 401) {
    kind = 'unauthorized';
    message = `${title} rejected the credentials (401 Unauthorized); check the auth method, user, password or token in the datasource settings${said}`;
  } else if (status === 403) {
    kind = 'forbidden';
    message = `${title} refused access (403 Forbidden); the credentials are valid but lack permission${said}`;
  } else if (status === 404) {
    kind = 'not-found';
    message = `${title} at ${safeUrl(baseUrl)} has no ${endpoint} (404 Not Found); wrong URL? Use the server's base URL (e.g. http://${upstream}:${upstream === 'loki' ? 3100 : 9090}) without /api/v1${said}`;
  } else if (status === 400 || status === 422) {
    kind = tooLargeText(upstreamMessage) ?? 'bad-request';
    message = `${title} rejected the query${said || ` (${status})`}`;
  } else if (status === 429) {
    kind = 'upstream-error';
    message = `${title} is rate limiting requests (429 Too Many Requests); try again later${said}`;
  } else if (status === 503 && /timed out|deadline exceeded/i.test(upstreamMessage ?? '')) {
    kind = 'timeout';
    message = `${title} stopped the query because it ran out of time (503); narrow the query (shorter range, larger step, fewer series)${said}`;
  } else if (status === 504 || status === 408) {
    kind = 'timeout';
    message = `${title} (or a proxy in front of it) timed out (${status})${said}`;
  } else if (status >= 500) {
    kind = tooLargeText(upstreamMessage) ?? 'upstream-error';
    message = `${title} failed with ${status}${said}`;
  } else {
    kind = 'bad-response';
    message = `${title} answered ${endpoint} with unexpected status ${status}${said}`;
  }
  return new UpstreamError(kind, message, status, upstreamMessage);
}

/** Upstream messages that mean "the result is too big", which a user fixes differently from a typo. */
function tooLargeText(text: string | undefined): UpstreamErrorKind | undefined {
  if (!text) {
    return undefined;
  }
  if (/maximum number of series|max_query_series|too many series|series limit/i.test(text)) {
    return 'too-many-series';
  }
  if (/too many samples|bytes limit/i.test(text)) {
    return 'too-large';
  }
  return undefined;
}
