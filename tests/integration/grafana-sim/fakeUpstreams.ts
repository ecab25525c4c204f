/**
 * Small local HTTP servers on 127.0.0.1 standing in for broken or slow upstreams in CheckHealth and
 * QueryData tests: one that answers 401, one that is some other web server, one that holds requests.
 * The real Prometheus comes from tests/integration/fixtures/prometheus.ts.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  url: string;
  /** Requests seen, in arrival order. */
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }>;
  /** Most requests open at the same time. */
  maxInFlight: number;
  /** Requests whose connection the client closed before an answer was sent. */
  aborted: number;
  close(): Promise<void>;
}

export async function startFakeServer(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>
): Promise<FakeServer> {
  let inFlight = 0;
  const state: FakeServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    aborted: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((request, response) => {
    state.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    response.on('close', () => {
      inFlight--;
      if (!response.writableFinished) {
        state.aborted++;
      }
    });
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** Answers every request with 401, like a Prometheus behind an auth proxy without credentials. */
export function unauthorizedServer(): Promise<FakeServer> {
  return startFakeServer((_request, response) => {
    response.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Basic realm="prometheus"' });
    response.end('Unauthorized\n');
  });
}

/** Some other web server: 200 with an HTML page for any path. */
export function notPrometheusServer(): Promise<FakeServer> {
  return startFakeServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>Welcome to nginx!</title>');
  });
}

/** Answers 404 for every path, like a URL with a wrong path prefix in front of a reverse proxy. */
export function notFoundServer(): Promise<FakeServer> {
  return startFakeServer((_request, response) => {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('404 page not found\n');
  });
}

/** Never answers; counts how many requests the client gave up on. */
export function hangingServer(): Promise<FakeServer> {
  return startFakeServer(() => undefined);
}

/** A Prometheus look-alike whose query_range answers one constant series after `delayMs`. */
export function slowPrometheusServer(delayMs: number): Promise<FakeServer> {
  return startFakeServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    setTimeout(() => {
      if (response.destroyed) {
        return;
      }
      const start = Number(url.searchParams.get('start') ?? 0);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'matrix', result: [{ metric: { job: 'slow' }, values: [[start, '1']] }] },
        })
      );
    }, delayMs);
  });
}

/** A port on 127.0.0.1 where nothing listens (bound once, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
