/**
 * Decoding of the Prometheus query-result shapes (`matrix`, `vector`, `scalar`), which Loki's metric queries
 * share. Values are parsed with parseFloat, plus Go's "+Inf"/"-Inf" spelling, which parseFloat does not read.
 */
import type { FetchLimits, Series } from './types';

/** Why a result could not be decoded; the client turns it into a `bad-response`/`not-…` UpstreamError. */
export class ShapeError extends Error {}

/** Thrown when a result holds more series or samples than the limits allow. */
export class LimitError extends Error {
  constructor(
    readonly kind: 'too-many-series' | 'too-large',
    message: string
  ) {
    super(message);
  }
}

/**
 * Decodes `data.result` of a `matrix` result into series, after checking the limits on the raw arrays
 * (so an over-limit answer is rejected before it is copied).
 */
export function decodeMatrix(result: unknown, limits: FetchLimits): Series[] {
  if (!Array.isArray(result)) {
    throw new ShapeError('data.result is not a list');
  }
  checkSeriesLimit(result.length, limits);
  let totalPoints = 0;
  for (const item of result) {
    totalPoints += Array.isArray(item?.values) ? item.values.length : 0;
  }
  checkPointLimit(totalPoints, limits);
  return result.map((item: unknown, index) => {
    if (!isRecord(item) || !isRecord(item.metric)) {
      throw new ShapeError(`data.result[${index}] has no "metric" labels`);
    }
    const values = item.values ?? [];
    if (!Array.isArray(values)) {
      throw new ShapeError(`data.result[${index}].values is not a list`);
    }
    const timestamps = new Float64Array(values.length);
    const numbers = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const pair = values[i];
      if (!Array.isArray(pair) || pair.length < 2) {
        throw new ShapeError(`data.result[${index}].values[${i}] is not a [time, "value"] pair`);
      }
      timestamps[i] = secondsToMs(pair[0]);
      numbers[i] = parseSampleValue(pair[1]);
    }
    return { labels: readLabels(item.metric), timestamps, values: numbers };
  });
}

/** Decodes a `vector` result into one-point series. */
export function decodeVector(result: unknown, limits: FetchLimits): Series[] {
  if (!Array.isArray(result)) {
    throw new ShapeError('data.result is not a list');
  }
  checkSeriesLimit(result.length, limits);
  checkPointLimit(result.length, limits);
  return result.map((item: unknown, index) => {
    if (!isRecord(item) || !isRecord(item.metric) || !Array.isArray(item.value) || item.value.length < 2) {
      throw new ShapeError(`data.result[${index}] is not { metric, value: [time, "value"] }`);
    }
    return {
      labels: readLabels(item.metric),
      timestamps: Float64Array.of(secondsToMs(item.value[0])),
      values: Float64Array.of(parseSampleValue(item.value[1])),
    };
  });
}

/** Decodes a `scalar` result (`[time, "value"]`) into one series without labels. */
export function decodeScalar(result: unknown): Series[] {
  if (!Array.isArray(result) || result.length < 2) {
    throw new ShapeError('data.result is not a [time, "value"] pair');
  }
  return [
    {
      labels: {},
      timestamps: Float64Array.of(secondsToMs(result[0])),
      values: Float64Array.of(parseSampleValue(result[1])),
    },
  ];
}

/** Decodes any numeric result type; `undefined` when the type is not numeric (e.g. Loki `streams`). */
export function decodeNumericResult(resultType: unknown, result: unknown, limits: FetchLimits): Series[] | undefined {
  switch (resultType) {
    case 'matrix':
      return decodeMatrix(result, limits);
    case 'vector':
      return decodeVector(result, limits);
    case 'scalar':
      return decodeScalar(result);
    default:
      return undefined;
  }
}

export function checkSeriesLimit(count: number, limits: FetchLimits): void {
  if (count > limits.maxSeries) {
    throw new LimitError(
      'too-many-series',
      `the query returned ${count} series, more than the limit of ${limits.maxSeries}; aggregate it (e.g. sum by (service) (...)), ` +
        'filter it with more label matchers, or raise maxSeries in the datasource settings'
    );
  }
}

export function checkPointLimit(count: number, limits: FetchLimits): void {
  if (count > limits.maxPoints) {
    throw new LimitError(
      'too-large',
      `the query returned ${count} samples, more than the limit of ${limits.maxPoints}; use fewer series, a shorter training ` +
        'window or a larger interval, or raise maxPoints in the datasource settings'
    );
  }
}

/** Prometheus and Loki send times as float seconds; keep millisecond precision. */
function secondsToMs(value: unknown): number {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(seconds)) {
    throw new ShapeError(`sample time ${JSON.stringify(value)} is not a number`);
  }
  return Math.round(seconds * 1000);
}

export function parseSampleValue(value: unknown): number {
  if (typeof value === 'string') {
    // parseFloat reads "NaN" but not Go's "+Inf"/"-Inf" spelling.
    if (value === '+Inf' || value === 'Inf') {
      return Infinity;
    }
    if (value === '-Inf') {
      return -Infinity;
    }
    return parseFloat(value);
  }
  if (typeof value === 'number') {
    return value;
  }
  throw new ShapeError(`sample value ${JSON.stringify(value)} is not a number`);
}

export function readLabels(metric: Record<string, unknown>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) {
    labels[name] = String(value);
  }
  return labels;
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
