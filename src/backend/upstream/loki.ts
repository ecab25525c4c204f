/**
 * Client of the Loki HTTP API (`/loki/api/v1/…`), tested against recorded answers of Loki 2.9 and 3.4.
 *
 * Times go as Unix nanoseconds and steps as seconds, which every Loki version reads. Metric queries longer
 * than 11,000 points per series or than Loki's default `max_query_length` (30d1h) are split and stitched;
 * log queries (those starting with a `{…}` selector) are sent as one call, since `limit` bounds them.
 */
import { ShapeError, checkPointLimit, decodeNumericResult, isRecord, readLabels } from './decodeSamples';
import { badResponse, buildInfoFrom, decodeOrThrow, errorText, readEnvelope, readJson, stringList } from './envelope';
import { fetchInCalls } from './fetchInCalls';
import { UpstreamTransport, type TransportOptions, type UpstreamRequest } from './http';
import { METADATA_MAX_BYTES, responseByteCap, seconds } from './prometheus';
import { MAX_POINTS_PER_REQUEST, splitRange } from './splitRange';
import {
  UpstreamError,
  type FetchLimits,
  type LogStream,
  type Series,
  type UpstreamConfig,
  type UpstreamObserver,
} from './types';

/** Loki's default `max_query_length`, minus an hour of margin. */
export const LOKI_MAX_SPAN_MS = 30 * 24 * 3600 * 1000;

/** What a Loki query returned: numbers (metric queries) or log lines (log queries). */
export type LokiResult = { kind: 'matrix'; series: Series[] } | { kind: 'streams'; streams: LogStream[] };

export interface LokiLogOptions {
  /** Most log lines to return. Loki's default is 100; its `max_entries_limit_per_query` (default 5,000) caps it. */
  limit?: number;
  /** `backward` (newest first, Loki's default) or `forward`. */
  direction?: 'forward' | 'backward';
}

/** One log pattern from `/loki/api/v1/patterns`, with the number of matching lines per step. */
export interface LogPattern {
  pattern: string;
  /** Detected level, when Loki reports one (3.x with level detection). */
  level?: string;
  /** Epoch milliseconds. */
  timestamps: Float64Array;
  counts: Float64Array;
}

/** `/loki/api/v1/index/stats`: estimates of what a selector would read. */
export interface LokiIndexStats {
  streams: number;
  chunks: number;
  bytes: number;
  entries: number;
}

export interface LokiClientOptions extends TransportOptions {
  /** Points per metric `query_range` call before splitting. Defaults to 11,000. */
  maxPointsPerRequest?: number;
  /** Longest range per call before splitting. Defaults to 30 days. */
  maxSpanMs?: number;
}

export class LokiClient {
  private readonly transport: UpstreamTransport;
  private readonly maxPointsPerRequest: number;
  private readonly maxSpanMs: number;

  constructor(config: UpstreamConfig, observer?: UpstreamObserver, options: LokiClientOptions = {}) {
    this.transport = new UpstreamTransport('loki', config, observer, options);
    this.maxPointsPerRequest = options.maxPointsPerRequest ?? MAX_POINTS_PER_REQUEST;
    this.maxSpanMs = options.maxSpanMs ?? LOKI_MAX_SPAN_MS;
  }

  /** Closes idle connections. */
  close(): void {
    this.transport.close();
  }

  /**
   * Range query. A LogQL metric query gives `matrix` series (sparse: Loki omits steps without samples);
   * a log query gives `streams`, for which `stepMs` is not sent and `options` set limit and direction.
   */
  async queryRange(
    expr: string,
    startMs: number,
    endMs: number,
    stepMs: number,
    limits: FetchLimits,
    signal?: AbortSignal,
    options: LokiLogOptions = {}
  ): Promise<LokiResult> {
    if (endMs < startMs) {
      throw new UpstreamError('bad-request', 'the query range ends before it starts');
    }
    if (isLogQuery(expr)) {
      return this.rangeCall(expr, startMs, endMs, undefined, limits, signal, options);
    }
    if (!(stepMs > 0)) {
      throw new UpstreamError('bad-request', `the query step must be positive, got ${stepMs} ms`);
    }
    let streams: LokiResult | undefined;
    const calls = splitRange(startMs, endMs, stepMs, this.maxPointsPerRequest, this.maxSpanMs);
    const series = await fetchInCalls('loki', calls, limits, async (call) => {
      const result = await this.rangeCall(expr, call.startMs, call.endMs, stepMs, limits, signal, options);
      if (result.kind === 'streams') {
        // Not a metric query after all (an unusual spelling of a log query): its first call is the answer.
        streams = result;
        return undefined;
      }
      return result.series;
    });
    return streams ?? { kind: 'matrix', series: series ?? [] };
  }

  /**
   * Instant query at timeMs. Metric queries give one-point series; Loki 2.9 also answers log queries here
   * (streams), while Loki 3 rejects them (`bad-request`).
   */
  async query(
    expr: string,
    timeMs: number,
    limits: FetchLimits,
    signal?: AbortSignal,
    options: LokiLogOptions = {}
  ): Promise<LokiResult> {
    const answer = await this.send(
      '/loki/api/v1/query',
      'query',
      { query: expr, time: nanoseconds(timeMs), ...logParams(options) },
      logByteCap(limits, options),
      signal
    );
    return decodeResult('query', answer, limits);
  }

  /** `/ready`: resolves when Loki says it is ready; a 503 ("Ingester not ready…") becomes `upstream-error`. */
  async ready(signal?: AbortSignal): Promise<void> {
    const answer = await this.transport.send(
      { method: 'GET', path: '/ready', endpoint: 'ready', maxBytes: 64 << 10, signal, retryableAnswer: () => false },
      errorText
    );
    const text = answer.body.toString('utf8').trim();
    if (text !== 'ready') {
      throw new UpstreamError(
        'not-loki',
        `/ready answered "${text.slice(0, 80)}" instead of "ready"; is the URL the base URL of Loki?`,
        answer.status
      );
    }
  }

  /** `/loki/api/v1/status/buildinfo`: `version` and the other fields, as strings. */
  async buildInfo(signal?: AbortSignal): Promise<{ version: string; [key: string]: string }> {
    const answer = await this.send('/loki/api/v1/status/buildinfo', 'buildinfo', {}, METADATA_MAX_BYTES, signal);
    const info = buildInfoFrom(readJson('loki', 'buildinfo', answer));
    if (!info) {
      throw new UpstreamError('not-loki', 'buildinfo has no version, so this does not look like Loki', answer.status);
    }
    return info;
  }

  /** Label names seen in [startMs, endMs], optionally only on streams matching `selector` (Loki ≥ 2.9). */
  async labels(selector?: string, startMs?: number, endMs?: number, signal?: AbortSignal): Promise<string[]> {
    const answer = await this.send(
      '/loki/api/v1/labels',
      'labels',
      metadataParams(selector, startMs, endMs),
      METADATA_MAX_BYTES,
      signal
    );
    return stringList('loki', 'labels', readEnvelope('loki', 'labels', answer).data);
  }

  /** Values of one label; an unknown label gives an empty list. */
  async labelValues(
    label: string,
    selector?: string,
    startMs?: number,
    endMs?: number,
    signal?: AbortSignal
  ): Promise<string[]> {
    const answer = await this.send(
      `/loki/api/v1/label/${encodeURIComponent(label)}/values`,
      'label_values',
      metadataParams(selector, startMs, endMs),
      METADATA_MAX_BYTES,
      signal
    );
    return stringList('loki', 'label_values', readEnvelope('loki', 'label_values', answer).data);
  }

  /** Label sets of the streams matching any of `match` within [startMs, endMs]. */
  async series(
    match: string[],
    startMs: number,
    endMs: number,
    signal?: AbortSignal
  ): Promise<Array<Record<string, string>>> {
    if (match.length === 0) {
      throw new UpstreamError('bad-request', 'series lookup needs at least one selector, e.g. {app="api"}');
    }
    const answer = await this.send(
      '/loki/api/v1/series',
      'series',
      { 'match[]': match, start: nanoseconds(startMs), end: nanoseconds(endMs) },
      METADATA_MAX_BYTES,
      signal
    );
    const data = readEnvelope('loki', 'series', answer).data ?? [];
    if (!Array.isArray(data) || !data.every(isRecord)) {
      throw badResponse('loki', 'series', 'data is not a list of label sets');
    }
    return data.map((labels) => readLabels(labels));
  }

  /** `/loki/api/v1/index/stats` for a selector: estimated streams, chunks, bytes and entries. */
  async indexStats(selector: string, startMs: number, endMs: number, signal?: AbortSignal): Promise<LokiIndexStats> {
    const answer = await this.send(
      '/loki/api/v1/index/stats',
      'index_stats',
      { query: selector, start: nanoseconds(startMs), end: nanoseconds(endMs) },
      METADATA_MAX_BYTES,
      signal
    );
    const body = readJson('loki', 'index_stats', answer);
    const stats = { streams: body.streams, chunks: body.chunks, bytes: body.bytes, entries: body.entries };
    for (const [name, value] of Object.entries(stats)) {
      if (typeof value !== 'number') {
        throw badResponse('loki', 'index_stats', `"${name}" is not a number`);
      }
    }
    return stats as LokiIndexStats;
  }

  /** `/loki/api/v1/index/volume`: bytes per label set as one-point series (needs `volume_enabled`). */
  async indexVolume(
    selector: string,
    startMs: number,
    endMs: number,
    limits: FetchLimits,
    signal?: AbortSignal
  ): Promise<Series[]> {
    const answer = await this.send(
      '/loki/api/v1/index/volume',
      'index_volume',
      { query: selector, start: nanoseconds(startMs), end: nanoseconds(endMs) },
      METADATA_MAX_BYTES,
      signal
    );
    const result = decodeResult('index_volume', answer, limits);
    if (result.kind !== 'matrix') {
      throw badResponse('loki', 'index_volume', 'expected a vector');
    }
    return result.series;
  }

  /**
   * `/loki/api/v1/patterns` (Loki ≥ 3.0 with the pattern ingester on): log templates such as
   * `<_> upstream timeout after <_>` with their line counts per step. A 404 means the feature is missing.
   */
  async patterns(
    expr: string,
    startMs: number,
    endMs: number,
    stepMs?: number,
    signal?: AbortSignal
  ): Promise<LogPattern[]> {
    let answer;
    try {
      answer = await this.send(
        '/loki/api/v1/patterns',
        'patterns',
        {
          query: expr,
          start: nanoseconds(startMs),
          end: nanoseconds(endMs),
          step: stepMs === undefined ? undefined : seconds(stepMs),
        },
        METADATA_MAX_BYTES,
        signal
      );
    } catch (error) {
      if (error instanceof UpstreamError && error.kind === 'not-found') {
        throw new UpstreamError(
          'not-found',
          'Loki has no /loki/api/v1/patterns (404): the pattern ingester is off (set pattern_ingester.enabled: true) or Loki is older than 3.0',
          error.status,
          error.upstreamMessage
        );
      }
      throw error;
    }
    const data = readEnvelope('loki', 'patterns', answer).data ?? [];
    if (!Array.isArray(data)) {
      throw badResponse('loki', 'patterns', 'data is not a list');
    }
    return data.map((item: unknown, index) => {
      if (!isRecord(item) || typeof item.pattern !== 'string' || !Array.isArray(item.samples)) {
        throw badResponse('loki', 'patterns', `data[${index}] is not { pattern, samples }`);
      }
      const samples: unknown[] = item.samples;
      const timestamps = new Float64Array(samples.length);
      const counts = new Float64Array(samples.length);
      samples.forEach((sample, i) => {
        if (!Array.isArray(sample) || typeof sample[0] !== 'number') {
          throw badResponse('loki', 'patterns', `data[${index}].samples[${i}] is not [time, count]`);
        }
        timestamps[i] = Math.round(sample[0] * 1000);
        counts[i] = Number(sample[1]);
      });
      return {
        pattern: item.pattern,
        ...(typeof item.level === 'string' ? { level: item.level } : {}),
        timestamps,
        counts,
      };
    });
  }

  private async rangeCall(
    expr: string,
    startMs: number,
    endMs: number,
    stepMs: number | undefined,
    limits: FetchLimits,
    signal: AbortSignal | undefined,
    options: LokiLogOptions
  ): Promise<LokiResult> {
    const answer = await this.send(
      '/loki/api/v1/query_range',
      'query_range',
      {
        query: expr,
        start: nanoseconds(startMs),
        end: nanoseconds(endMs),
        step: stepMs === undefined ? undefined : seconds(stepMs),
        ...logParams(options),
      },
      logByteCap(limits, options),
      signal
    );
    return decodeResult('query_range', answer, limits);
  }

  private send(
    path: string,
    endpoint: string,
    params: UpstreamRequest['params'],
    maxBytes: number,
    signal?: AbortSignal
  ) {
    return this.transport.send({ method: 'GET', path, endpoint, params, maxBytes, signal }, errorText);
  }
}

/** A LogQL log query starts with its stream selector; metric queries start with a function or aggregation. */
export function isLogQuery(expr: string): boolean {
  return expr.trimStart().startsWith('{');
}

function decodeResult(endpoint: string, answer: Parameters<typeof readEnvelope>[2], limits: FetchLimits): LokiResult {
  const { data } = readEnvelope('loki', endpoint, answer);
  if (!isRecord(data)) {
    throw badResponse('loki', endpoint, 'no data object');
  }
  if (data.resultType === 'streams') {
    return { kind: 'streams', streams: decodeOrThrow('loki', endpoint, () => decodeStreams(data.result, limits)) };
  }
  const series = decodeOrThrow('loki', endpoint, () => decodeNumericResult(data.resultType, data.result, limits));
  if (!series) {
    throw badResponse('loki', endpoint, `unknown result type ${JSON.stringify(data.resultType)}`);
  }
  return { kind: 'matrix', series };
}

/**
 * Decodes `streams`: nanosecond timestamps as bigint (a double loses them past microseconds).
 * The point limit applies to the total number of lines; the series limit does not, since a parsed log
 * query makes one stream per distinct set of extracted labels.
 */
export function decodeStreams(result: unknown, limits: FetchLimits): LogStream[] {
  if (!Array.isArray(result)) {
    throw new ShapeError('data.result is not a list');
  }
  let total = 0;
  for (const item of result) {
    total += Array.isArray(item?.values) ? item.values.length : 0;
  }
  checkPointLimit(total, limits);
  return result.map((item: unknown, index) => {
    if (!isRecord(item) || !isRecord(item.stream) || !Array.isArray(item.values)) {
      throw new ShapeError(`data.result[${index}] is not { stream, values }`);
    }
    const values: unknown[] = item.values;
    const timestampsNs = new BigInt64Array(values.length);
    const lines = new Array<string>(values.length);
    values.forEach((entry, i) => {
      if (
        !Array.isArray(entry) ||
        typeof entry[0] !== 'string' ||
        typeof entry[1] !== 'string' ||
        !/^\d+$/.test(entry[0])
      ) {
        throw new ShapeError(`data.result[${index}].values[${i}] is not ["<unix ns>", "<line>"]`);
      }
      timestampsNs[i] = BigInt(entry[0]);
      lines[i] = entry[1];
    });
    return { labels: readLabels(item.stream), timestampsNs, lines };
  });
}

const NS_PER_MS = BigInt(1_000_000);

/** Epoch milliseconds as the integer nanoseconds Loki reads, exactly. */
export function nanoseconds(ms: number): string {
  const whole = Math.floor(ms);
  const fractionNs = Math.round((ms - whole) * 1e6);
  return (BigInt(whole) * NS_PER_MS + BigInt(fractionNs)).toString();
}

function logParams(options: LokiLogOptions): Record<string, string | undefined> {
  return {
    limit: options.limit === undefined ? undefined : String(Math.floor(options.limit)),
    direction: options.direction,
  };
}

/** Log lines are larger than samples: allow up to 16 KiB per requested line on top of the sample cap. */
function logByteCap(limits: FetchLimits, options: LokiLogOptions): number {
  return responseByteCap(limits) + (options.limit ?? 100) * (16 << 10);
}

function metadataParams(selector?: string, startMs?: number, endMs?: number): Record<string, string | undefined> {
  return {
    start: startMs === undefined ? undefined : nanoseconds(startMs),
    end: endMs === undefined ? undefined : nanoseconds(endMs),
    query: selector,
  };
}
