/** Prometheus and Loki HTTP clients and the helpers the query pipeline and health checks use with them. */
export { upstreamConfigFromSettings, describeConfigProblems } from './config';
export { PrometheusClient, responseByteCap, type PrometheusClientOptions, type QueryResult } from './prometheus';
export {
  LokiClient,
  isLogQuery,
  type LogPattern,
  type LokiClientOptions,
  type LokiIndexStats,
  type LokiLogOptions,
  type LokiResult,
} from './loki';
export { MAX_POINTS_PER_REQUEST, splitRange, type TimeRange } from './splitRange';
export { labelsKey, stitchSeries } from './stitchSeries';
export { UpstreamError } from './types';
export type { FetchLimits, LogStream, Series, UpstreamConfig, UpstreamErrorKind, UpstreamObserver } from './types';
