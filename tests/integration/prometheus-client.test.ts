/**
 * The Prometheus client against a real Prometheus (Debian's 2.42) holding the demo history: what a user
 * sees through it (values, labels, metadata for the editor), that split range queries return exactly what one
 * call returns, and that real PromQL errors reach the user verbatim.
 */
import { PrometheusClient } from '../../src/backend/upstream/prometheus';
import { UpstreamError, type FetchLimits, type UpstreamConfig } from '../../src/backend/upstream/types';
import { planRange } from '../../src/backend/query/planRange';
import { startPrometheus, type PrometheusInstance } from './fixtures/prometheus';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LIMITS: FetchLimits = { maxSeries: 500, maxPoints: 2_000_000 };

let prometheus: PrometheusInstance;
const clients: PrometheusClient[] = [];

function client(extra: Partial<UpstreamConfig> = {}, maxPointsPerRequest?: number): PrometheusClient {
  const created = new PrometheusClient(
    { url: prometheus.url, auth: 'none', tlsSkipVerify: false, timeoutSeconds: 30, headers: {}, ...extra },
    undefined,
    { maxPointsPerRequest }
  );
  clients.push(created);
  return created;
}

/** The UpstreamError a call fails with (the test fails if it succeeds). */
async function failure(pending: Promise<unknown>): Promise<UpstreamError> {
  const outcome = await pending.then(
    () => undefined,
    (error: unknown) => error
  );
  expect(outcome).toBeInstanceOf(UpstreamError);
  return outcome as UpstreamError;
}

beforeAll(async () => {
  prometheus = await startPrometheus({ days: 7 });
});

afterAll(async () => {
  clients.forEach((created) => created.close());
  await prometheus?.stop();
});

test('build info names the Prometheus version', async () => {
  const info = await client().buildInfo();
  expect(info.version).toMatch(/^2\.\d+\.\d+/);
  expect(typeof info.goVersion).toBe('string');
});

test('metadata for the editor: metric names, labels, label values, series', async () => {
  const prom = client();
  const names = await prom.metricNames();
  expect(names).toEqual(
    expect.arrayContaining(['http_requests_total', 'disk_used_bytes', 'process_cpu_seconds_total'])
  );
  const labels = await prom.labels(['http_requests_total'], prometheus.startMs, prometheus.endMs);
  expect(labels).toEqual(expect.arrayContaining(['__name__', 'service', 'status']));
  const statuses = await prom.labelValues('status', ['http_requests_total'], prometheus.startMs, prometheus.endMs);
  expect(statuses).toContain('5xx');
  const services = await prom.labelValues('service');
  const series = await prom.series(['disk_used_bytes'], prometheus.endMs - HOUR, prometheus.endMs);
  expect(series.map((labels) => labels.service).sort()).toEqual([...services].sort());
  expect(series.every((labels) => labels.__name__ === 'disk_used_bytes')).toBe(true);
});

test('a range query returns one series per service on the step grid, values as Prometheus computes them', async () => {
  const end = prometheus.endMs;
  const start = end - 6 * HOUR;
  const series = await client().queryRange(
    'sum by (service) (rate(http_requests_total[5m]))',
    start,
    end,
    MINUTE,
    LIMITS
  );
  const services = await client().labelValues('service');
  expect(series.map((s) => s.labels.service).sort()).toEqual([...services].sort());
  for (const item of series) {
    expect(item.timestamps.length).toBe(361);
    expect(item.timestamps[0]).toBe(start);
    expect(item.timestamps[360]).toBe(end);
    expect(item.values.every((value) => Number.isFinite(value) && value > 0)).toBe(true);
  }
  // An instant query at the end agrees with the last point of the range.
  const instant = await client().query('sum by (service) (rate(http_requests_total[5m]))', end, LIMITS);
  for (const point of instant) {
    const ranged = series.find((s) => s.labels.service === point.labels.service)!;
    expect(point.timestamps[0]).toBe(end);
    expect(point.values[0]).toBeCloseTo(ranged.values[360], 9);
  }
});

test('a split range query returns exactly what one call returns', async () => {
  const end = prometheus.endMs;
  const start = end - 2 * DAY;
  const expr = 'sum by (service) (rate(http_requests_total{status="5xx"}[5m]))';
  const whole = await client().queryRange(expr, start, end, 5 * MINUTE, LIMITS);
  const split = await client({}, 50).queryRange(expr, start, end, 5 * MINUTE, LIMITS);
  const byService = (list: typeof whole) =>
    Object.fromEntries(list.map((s) => [s.labels.service, { t: [...s.timestamps], v: [...s.values] }]));
  expect(whole[0].timestamps.length).toBe(577);
  expect(byService(split)).toEqual(byService(whole));
});

test('a week of training at 15 s (over 40,000 points per series) arrives at full resolution', async () => {
  const plan = planRange(prometheus.endMs - 6 * HOUR, prometheus.endMs, 15_000, 1_500, {
    trainingMs: 7 * DAY - 6 * HOUR,
  });
  expect(plan.stepMs).toBe(15_000);
  expect(plan.strategy).toBe('split');
  const series = await client().queryRange('disk_used_bytes', plan.fetchStartMs, plan.fetchEndMs, plan.stepMs, LIMITS);
  expect(series.length).toBeGreaterThan(0);
  const longest = Math.max(...series.map((s) => s.timestamps.length));
  // The history starts a little after fetchStartMs; every step inside it is there once, in order.
  expect(longest).toBeGreaterThan(40_000);
  const irregular = series.filter((item) =>
    item.timestamps.some((t, i) => i > 0 && t - item.timestamps[i - 1] !== 15_000)
  );
  expect(irregular).toEqual([]);
});

test('a PromQL mistake reaches the user in Prometheus’s own words', async () => {
  const error = await failure(
    client().queryRange('sum(rate(http_requests_total[5m])', prometheus.endMs - HOUR, prometheus.endMs, MINUTE, LIMITS)
  );
  expect(error).toBeInstanceOf(UpstreamError);
  expect(error.kind).toBe('bad-request');
  expect(error.status).toBe(400);
  expect(error.upstreamMessage).toMatch(/parse error/);
  expect(error.message).toBe(`Prometheus rejected the query: ${error.upstreamMessage}`);
});

test('a URL that includes /api/v1 is reported as the wrong URL', async () => {
  const error = await failure(client({ url: `${prometheus.url}/api/v1` }).buildInfo());
  expect(error.kind).toBe('not-found');
  expect(error.message).toMatch(/wrong URL\?/);
});

test('more series than the limit is refused with advice', async () => {
  const error = await failure(
    client().queryRange('http_requests_total', prometheus.endMs - HOUR, prometheus.endMs, MINUTE, {
      maxSeries: 2,
      maxPoints: 1_000_000,
    })
  );
  expect(error.kind).toBe('too-many-series');
  expect(error.message).toMatch(/aggregate it/);
});

test('cancelling stops a running query', async () => {
  const controller = new AbortController();
  const pending = client().queryRange(
    'sum by (service) (rate(http_requests_total[5m]))',
    prometheus.startMs,
    prometheus.endMs,
    15_000,
    LIMITS,
    controller.signal
  );
  controller.abort();
  await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
});
