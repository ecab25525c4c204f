/**
 * How the Prometheus client (and the transport Loki shares) behaves against small local HTTP(S) servers that
 * misbehave on purpose: auth and headers sent, every failure mapped to the kind and words a user acts on,
 * retries only where safe, timeouts, cancellation, size caps, TLS with a self-signed certificate.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

import { PrometheusClient, type PrometheusClientOptions } from '../../src/backend/upstream/prometheus';
import {
  UpstreamError,
  type FetchLimits,
  type UpstreamConfig,
  type UpstreamObserver,
} from '../../src/backend/upstream/types';

const LIMITS: FetchLimits = { maxSeries: 500, maxPoints: 2_000_000 };

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  params: URLSearchParams;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, params: URLSearchParams, attempt: number) => void;

interface TestServer {
  url: string;
  seen: Seen[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

async function startServer(createServer: (listener: http.RequestListener) => http.Server): Promise<TestServer> {
  let handler: Handler = (_req, res) => res.writeHead(500).end();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const params = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
      seen.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, params });
      handler(req, res, params, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return {
    url: `${scheme}://${scheme === 'https' ? 'localhost' : '127.0.0.1'}:${port}`,
    seen,
    handle: (next) => {
      handler = next;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A Prometheus-like answer: one series per label set, one sample per step of the requested range. */
function matrixFor(params: URLSearchParams, series: Array<Record<string, string>> = [{ __name__: 'up', job: 'api' }]) {
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const step = Number(params.get('step'));
  const values: Array<[number, string]> = [];
  for (let t = start; t <= end + 1e-9; t += step) {
    values.push([Math.round(t * 1000) / 1000, String(t % 7)]);
  }
  return { status: 'success', data: { resultType: 'matrix', result: series.map((metric) => ({ metric, values })) } };
}

function config(url: string, extra: Partial<UpstreamConfig> = {}): UpstreamConfig {
  return { url, auth: 'none', tlsSkipVerify: false, timeoutSeconds: 5, headers: {}, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected the call to fail');
}

let server: TestServer;
const clients: PrometheusClient[] = [];
function client(
  extra: Partial<UpstreamConfig> = {},
  options: PrometheusClientOptions = {},
  observer?: UpstreamObserver
) {
  const created = new PrometheusClient(config(server.url, extra), observer, { retryBaseMs: 10, ...options });
  clients.push(created);
  return created;
}

beforeAll(async () => {
  server = await startServer((listener) => http.createServer(listener));
});
afterEach(() => {
  clients.splice(0).forEach((created) => created.close());
});
afterAll(async () => {
  await server.close();
});

describe('what the client sends', () => {
  test('a range query is a POST form with times in seconds and the step in seconds', async () => {
    server.handle((_req, res, params) => json(res, 200, matrixFor(params)));
    const series = await client().queryRange('rate(x[5m])', 1_767_744_000_000, 1_767_744_060_000, 15_000, LIMITS);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0].method).toBe('POST');
    expect(server.seen[0].path).toBe('/api/v1/query_range');
    expect(Object.fromEntries(server.seen[0].params)).toEqual({
      query: 'rate(x[5m])',
      start: '1767744000',
      end: '1767744060',
      step: '15',
    });
    expect([...series[0].timestamps]).toEqual([0, 15, 30, 45, 60].map((s) => 1_767_744_000_000 + s * 1000));
  });

  test.each([
    ['none', {}, undefined],
    [
      'basic',
      { auth: 'basic', basicAuthUser: 'grafana', basicAuthPassword: 'pä ss' },
      `Basic ${Buffer.from('grafana:pä ss').toString('base64')}`,
    ],
    ['bearer', { auth: 'bearer', bearerToken: 'tok-123' }, 'Bearer tok-123'],
  ] as const)('auth %s', async (_name, extra, authorization) => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: ['up'] }));
    await client(extra).metricNames();
    expect(server.seen[0].headers.authorization).toBe(authorization);
  });

  test('custom headers (e.g. a tenant) go with every request, and a base path is kept', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: [] }));
    const prefixed = new PrometheusClient(
      config(`${server.url}/prometheus/`, { headers: { 'X-Scope-OrgID': 'team-a' } })
    );
    clients.push(prefixed);
    await prefixed.labels(['{job="api"}'], 0, 60_000);
    expect(server.seen[0].path).toBe('/prometheus/api/v1/labels');
    expect(server.seen[0].headers['x-scope-orgid']).toBe('team-a');
    expect(server.seen[0].params.getAll('match[]')).toEqual(['{job="api"}']);
  });

  test('a range over 11,000 points per series is split into calls and stitched back', async () => {
    server.handle((_req, res, params) => json(res, 200, matrixFor(params, [{ job: 'a' }, { job: 'b' }])));
    const start = 1_767_744_000_000;
    const end = start + 25_000 * 1_000;
    const series = await client().queryRange('up', start, end, 1_000, LIMITS);
    const calls = server.seen.map((seen) => [Number(seen.params.get('start')), Number(seen.params.get('end'))]);
    expect(calls).toEqual([
      [start / 1000, start / 1000 + 10_999],
      [start / 1000 + 11_000, start / 1000 + 21_999],
      [start / 1000 + 22_000, end / 1000],
    ]);
    expect(series.map((s) => s.labels)).toEqual([{ job: 'a' }, { job: 'b' }]);
    expect(series[0].timestamps.length).toBe(25_001);
    expect(series[0].timestamps.every((t, i) => t === start + i * 1_000)).toBe(true);
  });

  test('the observer sees each request with its endpoint and status', async () => {
    const events: unknown[] = [];
    server.handle((_req, res) => json(res, 200, { status: 'success', data: { version: '2.42.0' } }));
    await client({}, {}, (event) => events.push({ ...event, durationMs: typeof event.durationMs })).buildInfo();
    expect(events).toEqual([{ upstream: 'prometheus', endpoint: 'buildinfo', status: 200, durationMs: 'number' }]);
  });
});

describe('decoding', () => {
  test('NaN and infinities as Prometheus spells them', async () => {
    server.handle((_req, res) =>
      json(res, 200, {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: { a: '1' }, value: [1767744000.5, 'NaN'] },
            { metric: { a: '2' }, value: [1767744000.5, '+Inf'] },
            { metric: { a: '3' }, value: [1767744000.5, '-Inf'] },
          ],
        },
      })
    );
    const series = await client().query('x', 1_767_744_000_500, LIMITS);
    expect(series.map((s) => s.values[0])).toEqual([NaN, Infinity, -Infinity]);
    expect(series[0].timestamps[0]).toBe(1_767_744_000_500);
  });

  test('a scalar becomes one unlabelled series', async () => {
    server.handle((_req, res) =>
      json(res, 200, { status: 'success', data: { resultType: 'scalar', result: [1767744000, '42'] } })
    );
    const series = await client().query('42', 1_767_744_000_000, LIMITS);
    expect(series).toHaveLength(1);
    expect(series[0].labels).toEqual({});
    expect([...series[0].values]).toEqual([42]);
  });

  test('gzip answers are read', async () => {
    server.handle((_req, res, params) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(JSON.stringify(matrixFor(params))));
    });
    const series = await client().queryRange('up', 0, 60_000, 30_000, LIMITS);
    expect(server.seen[0].headers['accept-encoding']).toContain('gzip');
    expect([...series[0].values]).toEqual([0, 2, 4]);
  });

  test('warnings are passed on', async () => {
    server.handle((_req, res, params) =>
      json(res, 200, {
        ...matrixFor(params),
        warnings: ['PromQL warning: x'],
        infos: ['PromQL info: metric might not be a counter'],
      })
    );
    const result = await client().queryRangeWithWarnings('rate(x[5m])', 0, 60_000, 30_000, LIMITS);
    expect(result.warnings).toEqual(['PromQL warning: x', 'PromQL info: metric might not be a counter']);
  });
});

describe('failures a user can act on', () => {
  const secrets = {
    auth: 'basic' as const,
    basicAuthUser: 'grafana',
    basicAuthPassword: 'hunter2-secret',
    headers: { 'X-Api-Key': 'key-secret' },
  };

  test.each([
    [
      401,
      'unauthorized',
      { status: 'error', errorType: 'unauthorized', error: 'invalid credentials' },
      /rejected the credentials \(401 Unauthorized\)/,
    ],
    [403, 'forbidden', 'forbidden\n', /refused access \(403 Forbidden\).*: forbidden$/],
    [404, 'not-found', '404 page not found\n', /has no query_range \(404 Not Found\); wrong URL\?/],
    [
      400,
      'bad-request',
      { status: 'error', errorType: 'bad_data', error: '1:6: parse error: unclosed left parenthesis' },
      /^Prometheus rejected the query: 1:6: parse error: unclosed left parenthesis$/,
    ],
    [
      422,
      'too-large',
      {
        status: 'error',
        errorType: 'execution',
        error: 'query processing would load too many samples into memory in query execution',
      },
      /too many samples/,
    ],
    [
      422,
      'bad-request',
      { status: 'error', errorType: 'execution', error: 'vector cannot contain metrics with the same labelset' },
      /same labelset/,
    ],
    [500, 'upstream-error', 'internal error', /failed with 500: internal error/],
    [
      503,
      'timeout',
      { status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' },
      /stopped the query because it ran out of time \(503\).*: query timed out in expression evaluation$/,
    ],
    [504, 'timeout', '<html><body>Gateway Timeout</body></html>', /timed out \(504\): the answer was an HTML page/],
  ] as const)('%d → %s', async (status, kind, body, message) => {
    server.handle((_req, res) =>
      typeof body === 'string'
        ? res.writeHead(status, { 'content-type': body.startsWith('<') ? 'text/html' : 'text/plain' }).end(body)
        : json(res, status, body)
    );
    const error = await failure(client(secrets, { retries: 0 }).queryRange('up', 0, 60_000, 15_000, LIMITS));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/hunter2|key-secret|grafana:/);
  });

  test('the upstream message is kept verbatim', async () => {
    const text = '1:6: parse error: unclosed left parenthesis';
    server.handle((_req, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: text }));
    const error = await failure(client().query('sum(up', 0, LIMITS));
    expect(error.upstreamMessage).toBe(text);
  });

  test.each([
    ['an HTML page', 'not-prometheus', 'text/html', '<!doctype html><title>Grafana</title>'],
    ['JSON of something else', 'not-prometheus', 'application/json', '{"hello":"world"}'],
    [
      'a matrix of the wrong shape',
      'bad-response',
      'application/json',
      '{"status":"success","data":{"resultType":"matrix","result":[{"values":[]}]}}',
    ],
    [
      'a result type that is not numeric',
      'bad-response',
      'application/json',
      '{"status":"success","data":{"resultType":"string","result":[0,"x"]}}',
    ],
  ])('200 with %s → %s', async (_name, kind, contentType, body) => {
    server.handle((_req, res) => res.writeHead(200, { 'content-type': contentType }).end(body));
    const error = await failure(client().query('up', 0, LIMITS));
    expect(error.kind).toBe(kind);
  });

  test('connection refused → unreachable, naming the URL without credentials', async () => {
    const closed = await startServer((listener) => http.createServer(listener));
    const url = closed.url;
    await closed.close();
    const refused = new PrometheusClient(config(url.replace('http://', 'http://admin:pw@')));
    clients.push(refused);
    const error = await failure(refused.buildInfo());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(
      `could not connect to Prometheus at ${url} (connection refused); check the URL and that Prometheus is running`
    );
  });

  test('an unknown host → unreachable (host name not found)', async () => {
    const unknown = new PrometheusClient(config('http://no-such-host.invalid:9090'));
    clients.push(unknown);
    const error = await failure(unknown.buildInfo());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/host name not found/);
  });

  test('no answer within the timeout → timeout', async () => {
    server.handle(() => undefined);
    const error = await failure(client({ timeoutSeconds: 0.3 }).queryRange('up', 0, 60_000, 15_000, LIMITS));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer query_range within 0.3 s/);
  });

  test('the caller aborting → cancelled, without retrying', async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(client().queryRange('up', 0, 60_000, 15_000, LIMITS, controller.signal));
    expect(error.kind).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.seen).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'success', data: [] }));
    const error = await failure(client().labels(undefined, undefined, undefined, AbortSignal.abort()));
    expect(error.kind).toBe('cancelled');
    expect(server.seen).toHaveLength(0);
  });

  test('an answer larger than the cap → too-large, naming the fix', async () => {
    server.handle((_req, res, params) => json(res, 200, matrixFor(params)));
    // 10 points at most → the byte cap is the 8 MiB floor; a 10-point limit still rejects the decoded result.
    const error = await failure(client().queryRange('up', 0, 3_600_000, 1_000, { maxSeries: 10, maxPoints: 10 }));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/more than the limit of 10; use fewer series/);
  });

  test('a body past the byte cap stops reading', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"status":"success","data":${JSON.stringify({ pad: 'x'.repeat(9 << 20) })}}`);
    });
    const error = await failure(client().query('up', 0, { maxSeries: 1, maxPoints: 1 }));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/larger than 8 MiB/);
  });

  test('more series than allowed → too-many-series', async () => {
    server.handle((_req, res, params) => json(res, 200, matrixFor(params, [{ a: '1' }, { a: '2' }, { a: '3' }])));
    const error = await failure(client().queryRange('up', 0, 60_000, 30_000, { maxSeries: 2, maxPoints: 1000 }));
    expect(error.kind).toBe('too-many-series');
    expect(error.message).toMatch(/returned 3 series, more than the limit of 2/);
  });
});

describe('retries', () => {
  test('502/503/504 are retried with backoff, then reported', async () => {
    server.handle((_req, res) => res.writeHead(503).end('unavailable'));
    const error = await failure(client({}, { retries: 2 }).queryRange('up', 0, 60_000, 15_000, LIMITS));
    expect(error.kind).toBe('upstream-error');
    expect(server.seen).toHaveLength(3);
  });

  test('a transient 502 is invisible to the user', async () => {
    server.handle((_req, res, params, attempt) =>
      attempt === 1 ? res.writeHead(502).end('bad gateway') : json(res, 200, matrixFor(params))
    );
    const series = await client().queryRange('up', 0, 60_000, 30_000, LIMITS);
    expect(series).toHaveLength(1);
    expect(server.seen).toHaveLength(2);
  });

  test('a connection reset is retried', async () => {
    server.handle((req, res, params, attempt) =>
      attempt === 1 ? req.socket.destroy() : json(res, 200, matrixFor(params))
    );
    const series = await client().queryRange('up', 0, 60_000, 30_000, LIMITS);
    expect(series).toHaveLength(1);
    expect(server.seen).toHaveLength(2);
  });

  test.each([
    [400, { status: 'error', errorType: 'bad_data', error: 'parse error' }],
    [503, { status: 'error', errorType: 'timeout', error: 'query timed out' }],
  ])('%d %j is not retried', async (status, body) => {
    server.handle((_req, res) => json(res, status, body));
    await failure(client({}, { retries: 2 }).queryRange('up', 0, 60_000, 15_000, LIMITS));
    expect(server.seen).toHaveLength(1);
  });
});

describe('TLS with a self-signed certificate', () => {
  let tlsServer: TestServer;
  let caPem: string;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' }
    );
    caPem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const key = fs.readFileSync(path.join(dir, 'key.pem'));
    tlsServer = await startServer((listener) => https.createServer({ key, cert: caPem }, listener));
    tlsServer.handle((_req, res) => json(res, 200, { status: 'success', data: { version: '2.42.0' } }));
  });
  afterAll(async () => {
    await tlsServer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tlsClient = (extra: Partial<UpstreamConfig>) => {
    const created = new PrometheusClient(config(tlsServer.url, extra));
    clients.push(created);
    return created;
  };

  test('untrusted → unreachable, saying how to fix it', async () => {
    const error = await failure(tlsClient({}).buildInfo());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(
      /TLS handshake with Prometheus at https:\/\/localhost:\d+ failed \(DEPTH_ZERO_SELF_SIGNED_CERT\); add its CA certificate/
    );
  });

  test('trusted with the CA certificate from the settings', async () => {
    expect((await tlsClient({ tlsCACert: caPem }).buildInfo()).version).toBe('2.42.0');
  });

  test('accepted with "skip TLS verify"', async () => {
    expect((await tlsClient({ tlsSkipVerify: true }).buildInfo()).version).toBe('2.42.0');
  });
});
