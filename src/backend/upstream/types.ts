/**
 * The contract between the backend's request handling (protocol, query pipeline, health) and the
 * Prometheus/Loki HTTP clients. Both sides code against these types.
 */

/** How the backend reaches one upstream, resolved from the datasource's jsonData + decrypted secureJsonData. */
export interface UpstreamConfig {
  /** Base URL without a trailing slash, e.g. `http://prometheus:9090`. */
  url: string;
  auth: 'none' | 'basic' | 'bearer';
  basicAuthUser?: string;
  /** Secret: never log it or echo it in an error. */
  basicAuthPassword?: string;
  /** Secret: never log it or echo it in an error. */
  bearerToken?: string;
  tlsSkipVerify: boolean;
  /** PEM CA certificate used in addition to the system roots. */
  tlsCACert?: string;
  timeoutSeconds: number;
  /** Extra headers (values are secrets: never log them). */
  headers: Record<string, string>;
}

/** One numeric series as fetched from an upstream, in time order. */
export interface Series {
  /** All labels, including `__name__` when the upstream returns it. */
  labels: Record<string, string>;
  /** Epoch milliseconds. */
  timestamps: Float64Array;
  values: Float64Array;
}

/** One log stream (Loki `streams` result). */
export interface LogStream {
  labels: Record<string, string>;
  /** Epoch nanoseconds as decimal strings would lose precision in JS numbers, so they are kept as bigint. */
  timestampsNs: BigInt64Array;
  lines: string[];
}

/** What kind of failure happened, so CheckHealth and query errors can speak in words an admin can act on. */
export type UpstreamErrorKind =
  | 'not-configured'
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'not-prometheus'
  | 'not-loki'
  | 'bad-response'
  | 'too-large'
  | 'too-many-series'
  | 'upstream-error';

/** Every client failure is an UpstreamError; its message is safe to show to users (no secrets). */
export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    /** HTTP status the upstream answered with, when there was one. */
    readonly status?: number,
    /** The upstream's own error text (e.g. a PromQL parse error), kept verbatim. */
    readonly upstreamMessage?: string
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/** Observes each upstream HTTP request, for CollectMetrics. */
export type UpstreamObserver = (event: {
  upstream: 'prometheus' | 'loki';
  endpoint: string;
  status: number | 'error';
  durationMs: number;
}) => void;

/** Limits applied while fetching. */
export interface FetchLimits {
  /** Fail with kind `too-many-series` above this many series. */
  maxSeries: number;
  /** Fail with kind `too-large` above this many samples in total. */
  maxPoints: number;
}
