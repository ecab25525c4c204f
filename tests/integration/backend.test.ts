/**
 * End-to-end tests of the PACKAGED backend (dist/datasource/gpx_foresight_linux_amd64) under
 * grafana-sim, the stand-in for Grafana's plugin host, against a real Prometheus with demo history.
 * Build first: `npm run build` (or `npm run build:backend`).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { tableFromIPC } from 'apache-arrow';
import { loadProtocol } from '../../src/backend/protocol/loadProtos';
import { startPrometheus, type PrometheusInstance } from './fixtures/prometheus';
import {
  closedPortUrl,
  hangingServer,
  notFoundServer,
  notPrometheusServer,
  slowPrometheusServer,
  unauthorizedServer,
  type FakeServer,
} from './grafana-sim/fakeUpstreams';
import {
  cleanUp,
  PLUGIN_BINARY,
  readFrameFile,
  requirePackagedBinary,
  runGrafanaSim,
  type SimRun,
} from './grafana-sim/grafanaSim';

const MINUTE_MS = 60_000;

interface QueryResponse {
  status: number;
  error?: string;
  errorSource?: string;
  frames: Array<{ file: string; bytes: number; arrowFile: boolean; problem?: string }>;
}

function responses(run: SimRun, callIndex: number): Record<string, QueryResponse> {
  return run.calls[callIndex].responses as Record<string, QueryResponse>;
}

function passthrough(expr: string, legendFormat?: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    source: { kind: 'prometheus', expr, ...(legendFormat !== undefined ? { legendFormat } : {}) },
    analysis: { kind: 'passthrough' },
  };
}

/** What Prometheus itself answers for the same range query, keyed by the series' label set. */
async function prometheusMatrix(
  url: string,
  expr: string,
  startMs: number,
  endMs: number,
  stepMs: number
): Promise<Map<string, Array<[number, number]>>> {
  const params = new URLSearchParams({
    query: expr,
    start: String(startMs / 1000),
    end: String(endMs / 1000),
    step: String(stepMs / 1000),
  });
  const body = (await (await fetch(`${url}/api/v1/query_range?${params}`)).json()) as {
    data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
  };
  return new Map(
    body.data.result.map((series) => [
      labelKey(series.metric),
      series.values.map(([t, v]): [number, number] => [Math.round(t * 1000), Number(v)]),
    ])
  );
}

function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

describe('packaged backend under grafana-sim', () => {
  let prometheus: PrometheusInstance;
  const servers: FakeServer[] = [];
  const runs: SimRun[] = [];

  beforeAll(async () => {
    requirePackagedBinary();
    prometheus = await startPrometheus({ days: 2 });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    runs.forEach(cleanUp);
    await prometheus?.stop();
  });

  async function session(script: Parameters<typeof runGrafanaSim>[0], flags: string[] = []): Promise<SimRun> {
    const run = await runGrafanaSim(script, flags);
    runs.push(run);
    return run;
  }

  describe('a full session against the real Prometheus', () => {
    let run: SimRun;
    let fromMs: number;
    let toMs: number;

    beforeAll(async () => {
      toMs = prometheus.endMs;
      fromMs = toMs - 6 * 60 * MINUTE_MS;
      const window = { from: fromMs, to: toMs, intervalMs: MINUTE_MS, maxDataPoints: 1000 };
      run = await session(
        {
          datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url } },
          calls: [
            { method: 'Ping' },
            { method: 'CheckHealth', expect: { status: 'OK', contains: 'Prometheus' } },
            {
              method: 'QueryData',
              queries: [
                { refId: 'A', ...window, json: passthrough('sum by (service) (rate(http_requests_total[5m]))', '{{service}} rps') },
                { refId: 'B', ...window, json: passthrough('process_resident_memory_bytes') },
                { refId: 'EMPTY', ...window, json: passthrough('does_not_exist_total') },
                { refId: 'NOTOBJECT', ...window, json: '{"source": ', rawJson: true },
                { refId: 'KIND', ...window, json: { ...passthrough('up'), analysis: { kind: 'prophecy' } } },
                {
                  refId: 'DURATION',
                  ...window,
                  json: { ...passthrough('up'), analysis: { kind: 'anomaly', training: '7x' } },
                },
                { refId: 'PROMQL', ...window, json: passthrough('sum(rate(http_requests_total[5m])') },
                { refId: 'OUTPUT', ...window, json: { ...passthrough('up'), analysis: { kind: 'forecast' }, output: 'time-to-threshold' } },
              ],
            },
            { method: 'CallResource', path: 'health', url: 'health', httpMethod: 'GET', expect: { status: 200 } },
            {
              method: 'CallResource',
              path: 'labels',
              url: `labels?match[]=http_requests_total&start=${fromMs}&end=${toMs}`,
              httpMethod: 'GET',
              expect: { status: 200, contains: 'service' },
            },
            { method: 'CallResource', path: 'nope', url: 'nope', httpMethod: 'GET', expect: { status: 404 } },
            { method: 'CollectMetrics', expect: { contains: 'foresight_plugin_requests_total' } },
          ],
        },
        ['--expect-refuse-without-cookie']
      );
    });

    it('passes every grafana-sim check with only hclog lines on stderr and a graceful shutdown', () => {
      expect(run.summary.failures).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.summary.stderrNonHclogLines).toBe(0);
      expect(run.summary.shutdownGraceful).toBe(true);
      expect(run.stdout).toMatch(/grafana-sim: 7 calls, 0 failures/);
    });

    it('handshakes with protocol 2 over tcp on 127.0.0.1 and answers the go-plugin health check', () => {
      expect(run.summary.negotiatedVersion).toBe(2);
      expect(run.summary.address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(run.calls[0].health).toBe('SERVING');
    });

    it('refuses to start without the magic cookie: non-zero exit, no handshake, an error line on stderr', () => {
      const refusal = run.summary.refuseWithoutCookie!;
      expect(refusal.ok).toBe(true);
      expect(refusal.exitCode).not.toBe(0);
      expect(refusal.stdout).toBe('');
      const line = JSON.parse(refusal.stderr.trim().split('\n')[0]);
      expect(line['@level']).toBe('error');
      expect(line['@message']).toContain('grafana_plugin_type=datasource');
    });

    it('reports a healthy Prometheus with its version', () => {
      expect(run.calls[1].status).toBe('OK');
      expect(run.calls[1].message).toMatch(/Prometheus \d+\.\d+\.\d+\S* at http:\/\/127\.0\.0\.1:\d+ is reachable/);
      const details = jsonDetails(run.calls[1].jsonDetails);
      expect(details.prometheus.ok).toBe(true);
    });

    it('returns exactly the values Prometheus returns, one frame per series with labels and legend', async () => {
      const response = responses(run, 2).A;
      expect(response.status).toBe(200);
      const stepMs = MINUTE_MS;
      const startMs = Math.floor(fromMs / stepMs) * stepMs;
      const endMs = Math.floor(toMs / stepMs) * stepMs;
      const expected = await prometheusMatrix(prometheus.url, 'sum by (service) (rate(http_requests_total[5m]))', startMs, endMs, stepMs);
      expect(expected.size).toBeGreaterThan(1);
      expect(response.frames).toHaveLength(expected.size);
      for (const frame of response.frames) {
        const table = tableFromIPC(readFrameFile(run, frame.file));
        expect(table.schema.metadata.get('refId')).toBe('A');
        const meta = JSON.parse(table.schema.metadata.get('meta')!);
        expect(meta.type).toBe('timeseries-multi');
        expect(meta.executedQueryString).toContain('sum by (service) (rate(http_requests_total[5m]))');
        const [timeField, valueField] = table.schema.fields;
        expect([timeField.name, valueField.name]).toEqual(['time', 'value']);
        const labels = JSON.parse(valueField.metadata.get('labels')!);
        const config = JSON.parse(valueField.metadata.get('config')!);
        expect(config.displayNameFromDS).toBe(`${labels.service} rps`);
        const want = expected.get(labelKey(labels));
        expect(want).toBeDefined();
        const times = Array.from(table.getChild('time')!.toArray() as BigInt64Array, (ns) => Number(ns / BigInt(1_000_000)));
        const values = Array.from(table.getChild('value')!.toArray() as Float64Array);
        expect(times).toEqual(want!.map(([t]) => t));
        expect(values).toEqual(want!.map(([, v]) => v));
      }
    });

    it('keeps every label (including __name__) when there is no legend template', async () => {
      const response = responses(run, 2).B;
      expect(response.status).toBe(200);
      const table = tableFromIPC(readFrameFile(run, response.frames[0].file));
      const value = table.schema.fields[1];
      expect(JSON.parse(value.metadata.get('labels')!).__name__).toBe('process_resident_memory_bytes');
      expect(value.metadata.has('config')).toBe(false);
    });

    it('answers a query without data with one empty frame and status 200', () => {
      const response = responses(run, 2).EMPTY;
      expect(response.status).toBe(200);
      expect(response.frames).toHaveLength(1);
      const table = tableFromIPC(readFrameFile(run, response.frames[0].file));
      expect(table.numRows).toBe(0);
      expect(table.schema.fields.map((f) => f.name)).toEqual(['time', 'value']);
    });

    it.each([
      ['NOTOBJECT', 400, 'plugin', /query/],
      ['KIND', 400, 'plugin', /analysis\.kind.*prophecy/],
      ['DURATION', 400, 'plugin', /analysis\.training.*7x/],
      ['PROMQL', 400, 'downstream', /Prometheus rejected the query/],
      ['OUTPUT', 400, 'plugin', /output.*threshold/],
    ])('answers refId %s with status %i (%s) and a message naming the problem, next to refIds that succeed', (refId, status, source, message) => {
      const response = responses(run, 2)[refId];
      expect(response.status).toBe(status);
      expect(response.errorSource).toBe(source);
      expect(response.error).toMatch(message);
      expect(response.frames).toEqual([]);
      expect(responses(run, 2).A.status).toBe(200);
    });

    it('serves CallResource routes: health, labels, and a 404 listing the routes', () => {
      expect(JSON.parse(String(run.calls[3].body)).status).toBe('OK');
      expect(JSON.parse(String(run.calls[4].body)).data).toEqual(expect.arrayContaining(['__name__', 'service', 'status']));
      expect(run.calls[5].code).toBe(404);
      expect(String(run.calls[5].body)).toContain('available: health, labels');
    });

    it('exposes request, upstream and process metrics in the Prometheus text format', () => {
      const text = String(run.calls[6].prometheus);
      expect(text).toMatch(/^foresight_plugin_requests_total\{method="QueryData"\} 1$/m);
      expect(text).toMatch(/^foresight_plugin_request_errors_total\{method="QueryData"\} 1$/m);
      expect(text).toMatch(/^foresight_plugin_request_duration_seconds_count\{method="CheckHealth"\} 1$/m);
      expect(text).toMatch(/^foresight_upstream_request_duration_seconds_count\{upstream="prometheus",endpoint="query_range",status="200"\} \d+$/m);
      expect(text).toMatch(/^foresight_upstream_request_duration_seconds_count\{upstream="prometheus",endpoint="buildinfo",status="200"\} [1-9]/m);
      for (const name of ['process_resident_memory_bytes', 'process_cpu_seconds_total', 'process_start_time_seconds', 'nodejs_heap_size_used_bytes']) {
        expect(text).toMatch(new RegExp(`^${name} [0-9.e+]+$`, 'm'));
      }
    });

    it('logs only hclog JSON with string @level/@message/@timestamp (6 fractional digits) and no stdout chatter', () => {
      const lines = run.pluginStderr.trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const entry = JSON.parse(line);
        expect(['trace', 'debug', 'info', 'warn', 'error']).toContain(entry['@level']);
        expect(typeof entry['@message']).toBe('string');
        expect(entry['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
      }
    });
  });

  it('runs with only the Grafana variables when skip_host_env_vars is set (no PATH, no HOME)', async () => {
    const run = await session(
      {
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url } },
        calls: [
          { method: 'CheckHealth', expect: { status: 'OK' } },
          {
            method: 'QueryData',
            queries: [{ refId: 'A', from: prometheus.endMs - 3_600_000, to: prometheus.endMs, json: passthrough('process_resident_memory_bytes') }],
            expect: { status: 200 },
          },
        ],
      },
      ['--skip-host-env']
    );
    expect(run.summary.failures).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.summary.stderrNonHclogLines).toBe(0);
    expect(responses(run, 1).A.frames.length).toBeGreaterThan(0);
  });

  describe('CheckHealth explains each kind of broken upstream', () => {
    it.each([
      ['nothing configured', async () => ({}), /No upstream is configured/, 'not-configured'],
      ['an unreachable port', async () => ({ prometheusUrl: await closedPortUrl() }), /could not connect.*connection refused/, 'unreachable'],
      [
        'a 401 answer',
        async () => {
          const server = await unauthorizedServer();
          servers.push(server);
          return { prometheusUrl: server.url };
        },
        /401 Unauthorized.*check the auth method/,
        'unauthorized',
      ],
      [
        'a wrong URL (404)',
        async () => {
          const server = await notFoundServer();
          servers.push(server);
          return { prometheusUrl: `${server.url}/prom` };
        },
        /404 Not Found.*wrong URL/,
        'not-found',
      ],
      [
        'a server that is not Prometheus',
        async () => {
          const server = await notPrometheusServer();
          servers.push(server);
          return { prometheusUrl: server.url };
        },
        /not .*Prometheus|Prometheus API/i,
        'not-prometheus',
      ],
      ['an invalid URL', async () => ({ prometheusUrl: 'prometheus:9090' }), /prometheusUrl must start with http/, undefined],
    ])('%s', async (_name, jsonData, message, problem) => {
      const run = await session({
        datasource: { uid: 'foresight', jsonData: await jsonData() },
        calls: [{ method: 'CheckHealth', expect: { status: 'ERROR' } }],
      });
      expect(run.summary.failures).toEqual([]);
      const result = run.calls[0];
      expect(result.status).toBe('ERROR');
      expect(result.message).toMatch(message);
      const details = jsonDetails(result.jsonDetails);
      expect(details).toEqual(expect.any(Object));
      if (problem !== undefined && problem !== 'not-configured') {
        expect(details.prometheus.problem).toBe(problem);
      }
    });
  });

  it('never writes secrets to its logs or answers', async () => {
    const secrets = ['bearer-SECRET-1f2e', 'header-SECRET-9a8b'];
    const run = await session({
      datasource: {
        uid: 'foresight',
        jsonData: {
          prometheusUrl: prometheus.url,
          prometheusAuth: 'bearer',
          customHeaders: [{ target: 'prometheus', name: 'X-Scope-OrgID' }],
        },
        secureJsonData: { prometheusBearerToken: secrets[0], customHeaderValue0: secrets[1] },
      },
      calls: [
        { method: 'CheckHealth', expect: { status: 'OK' } },
        {
          method: 'QueryData',
          queries: [
            { refId: 'A', from: 'now-1h', to: 'now', json: passthrough('up') },
            { refId: 'B', from: 'now-1h', to: 'now', json: passthrough('sum(') },
          ],
        },
        { method: 'CallResource', path: 'nope', url: 'nope', httpMethod: 'GET' },
      ],
    });
    expect(run.summary.failures).toEqual([]);
    const everything = [run.pluginStderr, run.stdout, ...fs.readdirSync(run.outDir).filter((f) => f.endsWith('.json') && f !== 'script.json').map((f) => fs.readFileSync(`${run.outDir}/${f}`, 'utf8'))].join('\n');
    for (const secret of secrets) {
      expect(everything).not.toContain(secret);
    }
  });

  it('ignores SIGINT like Go plugins and exits promptly on GRPCController/Shutdown', async () => {
    const child = spawn(PLUGIN_BINARY, [], {
      env: { grafana_plugin_type: 'datasource', PLUGIN_PROTOCOL_VERSIONS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) {
          resolve(out.split('\n')[0]);
        }
      });
    });
    expect(line).toMatch(/^1\|2\|tcp\|127\.0\.0\.1:\d+\|grpc$/);
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    const root = grpc.loadPackageDefinition(loadProtocol());
    const Controller = (root.plugin as grpc.GrpcObject).GRPCController as grpc.ServiceClientConstructor;
    const client = new Controller(line.split('|')[3], grpc.credentials.createInsecure());
    await new Promise<void>((resolve, reject) => client.Shutdown({}, (error: Error | null) => (error ? reject(error) : resolve())));
    client.close();
    expect(await exited).toBe(0);
  });

  it('runs the queries of one request concurrently', async () => {
    const slow = await slowPrometheusServer(300);
    servers.push(slow);
    const queries = ['A', 'B', 'C', 'D'].map((refId) => ({
      refId,
      from: 'now-1h',
      to: 'now',
      json: passthrough(`up{ref="${refId}"}`),
    }));
    const run = await session({
      datasource: { uid: 'foresight', jsonData: { prometheusUrl: slow.url } },
      calls: [{ method: 'QueryData', queries, expect: { status: 200 } }],
    });
    expect(run.summary.failures).toEqual([]);
    expect(slow.requests.filter((r) => r.url.includes('query_range'))).toHaveLength(4);
    expect(slow.maxInFlight).toBe(4);
  });

  it('aborts upstream requests when the gRPC deadline passes, and keeps serving', async () => {
    const hanging = await hangingServer();
    servers.push(hanging);
    const run = await session({
      datasource: { uid: 'foresight', jsonData: { prometheusUrl: hanging.url, prometheusTimeoutSeconds: 60 } },
      calls: [
        {
          method: 'QueryData',
          timeoutMs: 1000,
          queries: [{ refId: 'A', from: 'now-1h', to: 'now', json: passthrough('up') }],
          expect: { grpcCode: 'DeadlineExceeded' },
        },
        { method: 'CallResource', path: 'nope', url: 'nope', httpMethod: 'GET', expect: { status: 404 } },
      ],
    });
    expect(run.summary.failures).toEqual([]);
    expect(hanging.requests).toHaveLength(1);
    // The hanging server saw its request closed by the plugin, not left open until the 60 s timeout.
    await waitFor(() => hanging.aborted === 1, 5000);
    expect(hanging.aborted).toBe(1);
  });
});

/** grafana-sim records jsonDetails decoded when it is JSON. */
function jsonDetails(value: unknown): Record<string, any> {
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, any>;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
