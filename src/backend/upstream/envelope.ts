/**
 * Reading the `{ "status": "success", "data": … }` envelope that Prometheus and Loki wrap answers in,
 * and the error text of failed answers (Prometheus: JSON `error`; Loki: a plain-text body).
 */
import { UPSTREAM_TITLE, type UpstreamName } from './errors';
import type { UpstreamAnswer } from './http';
import { LimitError, ShapeError, isRecord } from './decodeSamples';
import { UpstreamError } from './types';

const MAX_MESSAGE_CHARS = 500;

/** The upstream's own words from a failed answer, shortened; HTML pages (proxies, login pages) are described, not quoted. */
export function errorText(answer: UpstreamAnswer): string | undefined {
  const text = answer.body.toString('utf8').trim();
  if (text === '') {
    return undefined;
  }
  if (answer.mediaType === 'application/json' || text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text);
      if (isRecord(parsed) && typeof parsed.error === 'string') {
        return shorten(parsed.error);
      }
      if (isRecord(parsed) && typeof parsed.message === 'string') {
        return shorten(parsed.message);
      }
    } catch {
      // fall through to the raw text
    }
  }
  if (answer.mediaType === 'text/html' || /^<(!doctype|html)/i.test(text)) {
    return 'the answer was an HTML page, not an API response (is a proxy or login page in front of it?)';
  }
  return shorten(text);
}

/** Prometheus's `errorType` of a failed JSON answer (`bad_data`, `execution`, `timeout`, …), if any. */
export function errorType(answer: UpstreamAnswer): string | undefined {
  try {
    const parsed = JSON.parse(answer.body.toString('utf8'));
    return isRecord(parsed) && typeof parsed.errorType === 'string' ? parsed.errorType : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses a successful answer's envelope and returns it. A body that is not JSON, or JSON without
 * `status: "success"`, means the URL does not point at the API we expect (kind `not-prometheus`/`not-loki`).
 */
export function readEnvelope(
  upstream: UpstreamName,
  endpoint: string,
  answer: UpstreamAnswer
): { data: unknown; warnings: string[]; envelope: Record<string, unknown> } {
  const title = UPSTREAM_TITLE[upstream];
  const wrongKind = upstream === 'prometheus' ? 'not-prometheus' : 'not-loki';
  const hint =
    upstream === 'prometheus'
      ? 'is the URL the base URL of a Prometheus-compatible server (e.g. http://prometheus:9090)?'
      : 'is the URL the base URL of Loki (e.g. http://loki:3100)?';
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new UpstreamError(
      wrongKind,
      `${endpoint} answered with ${answer.mediaType || 'a body'} that is not JSON, so this does not look like the ${title} API; ${hint}`,
      answer.status
    );
  }
  if (!isRecord(parsed) || parsed.status !== 'success') {
    if (isRecord(parsed) && parsed.status === 'error') {
      throw new UpstreamError(
        'upstream-error',
        `${title} reported an error: ${String(parsed.error ?? 'no message')}`,
        answer.status,
        String(parsed.error ?? '')
      );
    }
    throw new UpstreamError(
      wrongKind,
      `${endpoint} answered JSON without "status": "success", so this does not look like the ${title} API; ${hint}`,
      answer.status
    );
  }
  const warnings = [...asStrings(parsed.warnings), ...asStrings(parsed.infos)];
  return { data: parsed.data, warnings, envelope: parsed };
}

/** A JSON body parsed without an envelope (Loki's index/stats, buildinfo). */
export function readJson(upstream: UpstreamName, endpoint: string, answer: UpstreamAnswer): Record<string, unknown> {
  const wrongKind = upstream === 'prometheus' ? 'not-prometheus' : 'not-loki';
  try {
    const parsed = JSON.parse(answer.body.toString('utf8'));
    if (isRecord(parsed)) {
      return parsed;
    }
  } catch {
    // reported below
  }
  throw new UpstreamError(
    wrongKind,
    `${endpoint} did not answer with a JSON object, so this does not look like the ${UPSTREAM_TITLE[upstream]} API`,
    answer.status
  );
}

export function badResponse(upstream: UpstreamName, endpoint: string, why: string): UpstreamError {
  return new UpstreamError(
    'bad-response',
    `${UPSTREAM_TITLE[upstream]} answered ${endpoint} in an unexpected shape (${why})`
  );
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function shorten(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** Runs a decoding step, turning limit and shape problems into UpstreamErrors of the right kind. */
export function decodeOrThrow<T>(upstream: UpstreamName, endpoint: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof LimitError) {
      throw new UpstreamError(error.kind, error.message);
    }
    if (error instanceof ShapeError) {
      throw badResponse(upstream, endpoint, error.message);
    }
    throw error;
  }
}

/** `data` of a labels/label-values answer; a missing `data` (Loki, unknown label) is an empty list. */
export function stringList(upstream: UpstreamName, endpoint: string, data: unknown): string[] {
  if (data === undefined || data === null) {
    return [];
  }
  if (!Array.isArray(data) || !data.every((item) => typeof item === 'string')) {
    throw badResponse(upstream, endpoint, 'data is not a list of strings');
  }
  return data;
}

/** A build-info object with every field as a string; `undefined` when it has no version. */
export function buildInfoFrom(body: unknown): { version: string; [key: string]: string } | undefined {
  if (!isRecord(body) || typeof body.version !== 'string') {
    return undefined;
  }
  const info: { version: string; [key: string]: string } = { version: body.version };
  for (const [key, value] of Object.entries(body)) {
    info[key] = String(value);
  }
  return info;
}
