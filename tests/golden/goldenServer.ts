/**
 * Serves recorded upstream answers for the golden tests, and records them from a real upstream.
 *
 * A recording is `{ request: { method, path, params }, response: { status, contentType, body } }`, the
 * format of the shared Loki fixtures. A request matches a recording with the same path and query when its
 * times are the same instants and its step the same duration, whatever the spelling (RFC 3339, Unix
 * seconds or nanoseconds; `1m` or `60`): the Prometheus client sends float seconds in a POST form, the Loki
 * client nanoseconds in the URL, and the Loki fixtures were recorded with RFC 3339 times.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recording {
  request: { method?: string; path: string; params: Record<string, string> };
  response: { status: number; contentType?: string; body: unknown };
}

export interface GoldenServer {
  url: string;
  /** Requests that matched no recording (a test fails on any). */
  unmatched: string[];
  /** What was recorded in proxy mode, in request order. */
  recorded: Recording[];
  close(): Promise<void>;
}

/** Epoch ms of a time parameter: RFC 3339, Unix seconds (float) or nanoseconds. */
export function instantMs(value: string): number {
  if (/^\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    return number > 1e15 ? number / 1e6 : number * 1000;
  }
  return Date.parse(value);
}

/** Ms of a step: a Prometheus duration (`5m`, `1h30m`) or seconds. */
export function durationMs(value: string): number {
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Number(value) * 1000;
  }
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) {
    total += Number(amount) * units[unit];
  }
  return total;
}

function sameRequest(path: string, params: URLSearchParams, recording: Recording): boolean {
  const want = recording.request.params;
  if (recording.request.path !== path || (want.query ?? '') !== (params.get('query') ?? '')) {
    return false;
  }
  for (const name of ['start', 'end', 'time']) {
    if ((want[name] === undefined) !== (params.get(name) === null)) {
      return false;
    }
    if (want[name] !== undefined && Math.abs(instantMs(want[name]) - instantMs(params.get(name)!)) > 1) {
      return false;
    }
  }
  if (want.step !== undefined && durationMs(want.step) !== durationMs(params.get('step') ?? '')) {
    return false;
  }
  return true;
}

async function readParams(request: http.IncomingMessage): Promise<{ path: string; params: URLSearchParams; body: string }> {
  const url = new URL(request.url ?? '/', 'http://golden');
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  const params = new URLSearchParams(url.search);
  if ((request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    new URLSearchParams(body).forEach((value, name) => params.append(name, value));
  }
  return { path: url.pathname, params, body };
}

/**
 * Answers from `recordings`; or, with `proxyTo`, forwards every request there and records the answer.
 */
export async function startGoldenServer(recordings: Recording[], options: { proxyTo?: string } = {}): Promise<GoldenServer> {
  const state: GoldenServer = { url: '', unmatched: [], recorded: [], close: async () => undefined };
  const server = http.createServer((request, response) => {
    void (async () => {
      const { path, params, body } = await readParams(request);
      if (options.proxyTo !== undefined) {
        const upstream = await fetch(`${options.proxyTo}${request.url}`, {
          method: request.method,
          headers: { 'Content-Type': request.headers['content-type'] ?? 'text/plain' },
          body: request.method === 'POST' ? body : undefined,
        });
        const text = await upstream.text();
        const contentType = upstream.headers.get('content-type') ?? '';
        state.recorded.push({
          request: { method: request.method, path, params: Object.fromEntries(params) },
          response: { status: upstream.status, contentType, body: contentType.includes('json') ? JSON.parse(text) : text },
        });
        response.writeHead(upstream.status, { 'Content-Type': contentType });
        response.end(text);
        return;
      }
      const recording = recordings.find((candidate) => sameRequest(path, params, candidate));
      if (recording === undefined) {
        state.unmatched.push(`${request.method} ${path}?${params.toString()}`);
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end('no recording matches this request');
        return;
      }
      const { status, contentType, body: recorded } = recording.response;
      response.writeHead(status, { 'Content-Type': contentType ?? 'application/json' });
      response.end(typeof recorded === 'string' ? recorded : JSON.stringify(recorded));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
