/**
 * Client of the Prometheus HTTP API (`/api/v1/…`), also spoken by Mimir, Thanos, Cortex and VictoriaMetrics.
 * Queries go as POST forms (long PromQL does not hit URL-length limits); ranges above 11,000 points per series
 * are split into several calls and stitched (see splitRange).
 */
import { decodeNumericResult, isRecord } from './decodeSamples';
import { badResponse, buildInfoFrom, decodeOrThrow, errorText, errorType, readEnvelope, stringList } from './envelope';
import { fetchInCalls } from './fetchInCalls';
import { UpstreamTransport, type TransportOptions, type UpstreamRequest } from './http';
import { MAX_POINTS_PER_REQUEST, splitRange } from './splitRange';
import { UpstreamError, type FetchLimits, type Series, type UpstreamConfig, type UpstreamObserver } from './types';

/** Byte cap for metadata answers (labels, series, build info). */
export const METADATA_MAX_BYTES = 32 << 20;

export interface PrometheusClientOptions extends TransportOptions {
  /** Points per `query_range` call before splitting. Defaults to 11,000 (Prometheus's own limit). */
  maxPointsPerRequest?: number;
}

/** Series and the warnings/infos the upstream attached (e.g. "PromQL info: metric might not be a counter"). */
export interface QueryResult {
  series: Series[];
  warnings: string[];
}

export class PrometheusClient {
  private readonly transport: UpstreamTransport;
  private readonly maxPointsPerRequest: number;

  constructor(config: UpstreamConfig, observer?: UpstreamObserver, options: PrometheusClientOptions = {}) {
    this.transport = new UpstreamTransport('prometheus', config, observer, options);
    this.maxPointsPerRequest = options.maxPointsPerRequest ?? MAX_POINTS_PER_REQUEST;
  }

  /** Closes idle connections. */
  close(): void {
    this.transport.close();
  }

  /**
   * Range query: one series per label set, samples at startMs + k·stepMs up to endMs.
   * Splits ranges above 11,000 points per series into consecutive calls; limits apply to the stitched total.
   */
  async queryRange(
    expr: string,
    startMs: number,
    endMs: number,
    stepMs: number,
    limits: FetchLimits,
    signal?: AbortSignal
  ): Promise<Series[]> {
    return (await this.queryRangeWithWarnings(expr, startMs, endMs, stepMs, limits, signal)).series;
  }

  /** As queryRange, plus the warnings Prometheus attached, for frame notices. */
  async queryRangeWithWarnings(
    expr: string,
    startMs: number,
    endMs: number,
    stepMs: number,
    limits: FetchLimits,
    signal?: AbortSignal
  ): Promise<QueryResult> {
    if (!(stepMs > 0)) {
      throw new UpstreamError('bad-request', `the query step must be positive, got ${stepMs} ms`);
    }
    if (endMs < startMs) {
      throw new UpstreamError('bad-request', 'the query range ends before it starts');
    }
    const warnings = new Set<string>();
    const series = await fetchInCalls(
      'prometheus',
      splitRange(startMs, endMs, stepMs, this.maxPointsPerRequest),
      limits,
      async (call) => {
        const result = await this.numericQuery(
          'query_range',
          { query: expr, start: seconds(call.startMs), end: seconds(call.endMs), step: seconds(stepMs) },
          limits,
          signal
        );
        result.warnings.forEach((warning) => warnings.add(warning));
        return result.series;
      }
    );
    return { series: series ?? [], warnings: [...warnings] };
  }

  /** Instant query at timeMs; each vector element becomes a one-point series (a matrix result keeps its points). */
  async query(expr: string, timeMs: number, limits: FetchLimits, signal?: AbortSignal): Promise<Series[]> {
    return (await this.numericQuery('query', { query: expr, time: seconds(timeMs) }, limits, signal)).series;
  }

  /** `/api/v1/status/buildinfo`: `version` and the other fields Prometheus reports, as strings. */
  async buildInfo(signal?: AbortSignal): Promise<{ version: string; [key: string]: string }> {
    const data = await this.metadata('GET', '/api/v1/status/buildinfo', 'buildinfo', {}, signal);
    const info = buildInfoFrom(data);
    if (!info) {
      throw badResponse('prometheus', 'buildinfo', 'no version');
    }
    return info;
  }

  /** Label names, optionally only those of series matching `match` selectors within [startMs, endMs]. */
  async labels(match?: string[], startMs?: number, endMs?: number, signal?: AbortSignal): Promise<string[]> {
    const data = await this.metadata('POST', '/api/v1/labels', 'labels', rangeParams(match, startMs, endMs), signal);
    return stringList('prometheus', 'labels', data);
  }

  /** Values of one label, optionally restricted to series matching `match` within [startMs, endMs]. */
  async labelValues(
    label: string,
    match?: string[],
    startMs?: number,
    endMs?: number,
    signal?: AbortSignal
  ): Promise<string[]> {
    const data = await this.metadata(
      'GET',
      `/api/v1/label/${encodeURIComponent(label)}/values`,
      'label_values',
      rangeParams(match, startMs, endMs),
      signal
    );
    return stringList('prometheus', 'label_values', data);
  }

  /** Metric names (values of `__name__`), optionally restricted by `match` selectors. */
  async metricNames(match?: string[], startMs?: number, endMs?: number, signal?: AbortSignal): Promise<string[]> {
    return this.labelValues('__name__', match, startMs, endMs, signal);
  }

  /** Label sets of the series matching any of `match` within [startMs, endMs]. */
  async series(
    match: string[],
    startMs: number,
    endMs: number,
    signal?: AbortSignal
  ): Promise<Array<Record<string, string>>> {
    if (match.length === 0) {
      throw new UpstreamError('bad-request', 'series lookup needs at least one selector, e.g. {job="api"}');
    }
    const data = await this.metadata('POST', '/api/v1/series', 'series', rangeParams(match, startMs, endMs), signal);
    if (!Array.isArray(data) || !data.every(isRecord)) {
      throw badResponse('prometheus', 'series', 'data is not a list of label sets');
    }
    return data.map((labels) =>
      Object.fromEntries(Object.entries(labels).map(([name, value]) => [name, String(value)]))
    );
  }

  private async numericQuery(
    endpoint: 'query' | 'query_range',
    params: Record<string, string>,
    limits: FetchLimits,
    signal?: AbortSignal
  ): Promise<QueryResult> {
    const answer = await this.transport.send(
      {
        method: 'POST',
        path: `/api/v1/${endpoint}`,
        endpoint,
        params,
        maxBytes: responseByteCap(limits),
        signal,
        // Prometheus answers 503 "timeout" when the query itself ran out of time: trying again would only repeat it.
        retryableAnswer: (failed) => errorType(failed) !== 'timeout',
      },
      errorText
    );
    const { data, warnings } = readEnvelope('prometheus', endpoint, answer);
    if (!isRecord(data)) {
      throw badResponse('prometheus', endpoint, 'no data object');
    }
    const series = decodeOrThrow('prometheus', endpoint, () =>
      decodeNumericResult(data.resultType, data.result, limits)
    );
    if (!series) {
      throw badResponse('prometheus', endpoint, `result type ${JSON.stringify(data.resultType)} is not numeric`);
    }
    return { series, warnings };
  }

  private async metadata(
    method: UpstreamRequest['method'],
    path: string,
    endpoint: string,
    params: Record<string, string | string[] | undefined>,
    signal?: AbortSignal
  ): Promise<unknown> {
    const answer = await this.transport.send(
      { method, path, endpoint, params, maxBytes: METADATA_MAX_BYTES, signal },
      errorText
    );
    return readEnvelope('prometheus', endpoint, answer).data;
  }
}

/**
 * The largest answer read for one query call: about 64 bytes per sample and 4 KiB of labels per series,
 * at least 8 MiB. A JSON sample (`[1767744000,"12.5"],`) takes 20–40 bytes.
 */
export function responseByteCap(limits: FetchLimits): number {
  return Math.max(8 << 20, limits.maxPoints * 64 + limits.maxSeries * 4096);
}

/** Epoch milliseconds as the float seconds Prometheus reads. */
export function seconds(ms: number): string {
  return String(ms / 1000);
}

function rangeParams(
  match?: string[],
  startMs?: number,
  endMs?: number
): Record<string, string | string[] | undefined> {
  return {
    'match[]': match && match.length > 0 ? match : undefined,
    start: startMs === undefined ? undefined : seconds(startMs),
    end: endMs === undefined ? undefined : seconds(endMs),
  };
}
