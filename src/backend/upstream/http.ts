/**
 * The HTTP transport both clients share: node:http/node:https (no extra dependency) with per-upstream TLS
 * options, auth and custom headers, one deadline per request, cancellation by the caller's AbortSignal,
 * a cap on response bytes, gzip, and bounded retries of idempotent requests on broken connections and
 * 502/503/504.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import zlib from 'node:zlib';

import { RETRYABLE_CODES, UPSTREAM_TITLE, safeUrl, statusError, transportError, type UpstreamName } from './errors';
import { UpstreamError, type UpstreamConfig, type UpstreamObserver } from './types';

export interface TransportOptions {
  /** Retries after the first attempt for idempotent requests. Defaults to 2. */
  retries?: number;
  /** Backoff before retry n (1-based) is `retryBaseMs · 3^(n−1)`. Defaults to 100 ms. */
  retryBaseMs?: number;
}

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL, e.g. `/api/v1/query_range`. */
  path: string;
  /** Query-string parameters (GET) or form fields (POST). Repeated keys come from array values. */
  params?: Record<string, string | string[] | undefined>;
  /** Stop reading (kind `too-large`) past this many decompressed bytes. */
  maxBytes: number;
  /** Short name for metrics and messages, e.g. `query_range`. */
  endpoint: string;
  signal?: AbortSignal;
  /** Whether a 502/503/504 or broken connection may be retried. Defaults to true: every call here reads. */
  idempotent?: boolean;
  /** Decides, from a 5xx answer, whether another try could help (e.g. not when Prometheus says the query timed out). */
  retryableAnswer?: (answer: UpstreamAnswer) => boolean;
}

export interface UpstreamAnswer {
  status: number;
  /** Lower-cased media type without parameters, e.g. `application/json`. */
  mediaType: string;
  body: Buffer;
}

const RETRY_STATUSES = new Set([502, 503, 504]);

export class UpstreamTransport {
  private readonly agent: http.Agent;
  private readonly baseUrl: URL;
  private readonly retries: number;
  private readonly retryBaseMs: number;

  constructor(
    readonly upstream: UpstreamName,
    private readonly config: UpstreamConfig,
    private readonly observer?: UpstreamObserver,
    options: TransportOptions = {}
  ) {
    let parsed: URL;
    try {
      parsed = new URL(config.url);
    } catch {
      throw new UpstreamError(
        'not-configured',
        `${UPSTREAM_TITLE[upstream]} URL is not a valid URL; expected e.g. http://${upstream}:9090`
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new UpstreamError('not-configured', `${UPSTREAM_TITLE[upstream]} URL must start with http:// or https://`);
    }
    this.baseUrl = parsed;
    this.retries = options.retries ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 100;
    this.agent =
      parsed.protocol === 'https:'
        ? new https.Agent({
            keepAlive: true,
            rejectUnauthorized: !config.tlsSkipVerify,
            ...(config.tlsCACert ? { ca: [...tls.rootCertificates, config.tlsCACert] } : {}),
          })
        : new http.Agent({ keepAlive: true });
  }

  /** The base URL without credentials, for messages. */
  get displayUrl(): string {
    return safeUrl(this.config.url);
  }

  /** Closes idle keep-alive connections; call when the datasource instance is disposed. */
  close(): void {
    this.agent.destroy();
  }

  /**
   * Sends a request and returns the answer for any HTTP status below 400; statuses ≥ 400 become
   * UpstreamErrors via `describeError`, which extracts the upstream's own message from the body.
   */
  async send(
    request: UpstreamRequest,
    describeError: (answer: UpstreamAnswer) => string | undefined
  ): Promise<UpstreamAnswer> {
    const deadline = Date.now() + this.config.timeoutSeconds * 1000;
    const idempotent = request.idempotent ?? true;
    for (let attempt = 0; ; attempt++) {
      throwIfCancelled(request.signal, this.upstream);
      let answer: UpstreamAnswer;
      try {
        answer = await this.attempt(request, deadline);
      } catch (error) {
        if (
          error instanceof UpstreamError &&
          error.kind === 'unreachable' &&
          (error as UpstreamError & { retryable?: boolean }).retryable &&
          idempotent &&
          attempt < this.retries &&
          (await this.backoff(attempt, deadline, request.signal))
        ) {
          continue;
        }
        throwIfCancelled(request.signal, this.upstream);
        throw error;
      }
      if (answer.status < 400) {
        return answer;
      }
      if (
        RETRY_STATUSES.has(answer.status) &&
        idempotent &&
        attempt < this.retries &&
        (request.retryableAnswer?.(answer) ?? true) &&
        (await this.backoff(attempt, deadline, request.signal))
      ) {
        continue;
      }
      throwIfCancelled(request.signal, this.upstream);
      throw statusError(this.upstream, this.config.url, request.endpoint, answer.status, describeError(answer));
    }
  }

  /** Waits before the next try; false when there is no time left or the caller gave up. */
  private async backoff(attempt: number, deadline: number, signal?: AbortSignal): Promise<boolean> {
    const waitMs = this.retryBaseMs * 3 ** attempt;
    if (Date.now() + waitMs >= deadline || signal?.aborted) {
      return false;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitMs);
      signal?.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    });
    return !signal?.aborted;
  }

  private attempt(request: UpstreamRequest, deadline: number): Promise<UpstreamAnswer> {
    const started = Date.now();
    const url = new URL(this.baseUrl.toString());
    url.username = '';
    url.password = '';
    url.pathname = url.pathname.replace(/\/+$/, '') + request.path;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.params ?? {})) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
        search.append(key, item);
      }
    }
    let body: string | undefined;
    if (request.method === 'POST') {
      body = search.toString();
    } else {
      url.search = search.toString();
    }
    const headers: Record<string, string> = {
      accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
      'accept-encoding': 'gzip',
      'user-agent': 'foresight-grafana-datasource',
      ...this.authHeaders(),
    };
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    for (const [name, value] of Object.entries(this.config.headers)) {
      headers[name.toLowerCase()] = value;
    }

    return new Promise<UpstreamAnswer>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | undefined, answer?: UpstreamAnswer, status?: number) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        this.observer?.({
          upstream: this.upstream,
          endpoint: request.endpoint,
          status: status ?? answer?.status ?? 'error',
          durationMs: Date.now() - started,
        });
        if (error) {
          outgoing.destroy();
          reject(error);
        } else {
          resolve(answer!);
        }
      };
      const onAbort = () => finish(cancelledError(this.upstream));
      const timer = setTimeout(
        () =>
          finish(
            new UpstreamError(
              'timeout',
              `${UPSTREAM_TITLE[this.upstream]} did not answer ${request.endpoint} within ${this.config.timeoutSeconds} s; ` +
                'narrow the query (shorter range, larger step, fewer series) or raise the timeout in the datasource settings'
            )
          ),
        Math.max(0, deadline - Date.now())
      );
      request.signal?.addEventListener('abort', onAbort, { once: true });

      const transport = url.protocol === 'https:' ? https : http;
      const outgoing = transport.request(url, { method: request.method, headers, agent: this.agent }, (incoming) => {
        const status = incoming.statusCode ?? 0;
        const mediaType = (incoming.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        const declared = Number(incoming.headers['content-length']);
        const gzip = /gzip/i.test(String(incoming.headers['content-encoding'] ?? ''));
        if (!gzip && Number.isFinite(declared) && declared > request.maxBytes) {
          finish(tooLargeError(this.upstream, request.endpoint, request.maxBytes), undefined, status);
          return;
        }
        const stream: NodeJS.ReadableStream = gzip ? incoming.pipe(zlib.createGunzip()) : incoming;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBytes) {
            finish(tooLargeError(this.upstream, request.endpoint, request.maxBytes), undefined, status);
            incoming.destroy();
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', () => finish(undefined, { status, mediaType, body: Buffer.concat(chunks) }));
        stream.on('error', (error: NodeJS.ErrnoException) => finish(this.transportFailure(error), undefined, status));
        incoming.on('error', (error: NodeJS.ErrnoException) => finish(this.transportFailure(error), undefined, status));
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => finish(this.transportFailure(error)));
      outgoing.end(body);
    });
  }

  private transportFailure(error: NodeJS.ErrnoException): UpstreamError {
    const mapped = transportError(this.upstream, this.config.url, error);
    const retryable = RETRYABLE_CODES.has(error.code ?? '') || /socket hang up/i.test(error.message);
    return Object.assign(mapped, { retryable });
  }

  private authHeaders(): Record<string, string> {
    if (this.config.auth === 'basic') {
      const credentials = `${this.config.basicAuthUser ?? ''}:${this.config.basicAuthPassword ?? ''}`;
      return { authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
    }
    if (this.config.auth === 'bearer' && this.config.bearerToken) {
      return { authorization: `Bearer ${this.config.bearerToken}` };
    }
    return {};
  }
}

function cancelledError(upstream: UpstreamName): UpstreamError {
  return new UpstreamError('cancelled', `the request to ${UPSTREAM_TITLE[upstream]} was cancelled`);
}

function throwIfCancelled(signal: AbortSignal | undefined, upstream: UpstreamName): void {
  if (signal?.aborted) {
    throw cancelledError(upstream);
  }
}

function tooLargeError(upstream: UpstreamName, endpoint: string, maxBytes: number): UpstreamError {
  return new UpstreamError(
    'too-large',
    `the ${UPSTREAM_TITLE[upstream]} ${endpoint} response is larger than ${formatBytes(maxBytes)}; narrow the query ` +
      '(fewer series, shorter range or larger step) or raise maxPoints in the datasource settings'
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20) {
    return `${Math.round(bytes / (1 << 20))} MiB`;
  }
  if (bytes >= 1 << 10) {
    return `${Math.round(bytes / (1 << 10))} KiB`;
  }
  return `${bytes} B`;
}
