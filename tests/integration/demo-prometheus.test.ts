/**
 * The demo history in a real Prometheus: the scheduled incidents are where incidents.ts says, as
 * seen through the PromQL a dashboard would use.
 */
import { incidentWindow, type IncidentWindow } from '../../demo/generator/incidents';
import { startPrometheus, type PrometheusInstance } from './fixtures/prometheus';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface MatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

let prometheus: PrometheusInstance;

beforeAll(async () => {
  prometheus = await startPrometheus({ days: 7 });
});

afterAll(async () => {
  await prometheus?.stop();
});

async function queryRange(expr: string, startMs: number, endMs: number, stepSeconds: number): Promise<MatrixSeries[]> {
  const params = new URLSearchParams({
    query: expr,
    start: String(startMs / 1000),
    end: String(endMs / 1000),
    step: String(stepSeconds),
  });
  const response = await fetch(`${prometheus.url}/api/v1/query_range?${params}`);
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data: { resultType: string; result: MatrixSeries[] };
  };
  if (body.status !== 'success') {
    throw new Error(`query_range ${expr} failed: ${body.error}`);
  }
  expect(body.data.resultType).toBe('matrix');
  return body.data.result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Per service: median of the values inside the incident's full-strength part, and outside it (with a margin). */
function insideAndOutside(series: MatrixSeries[], incident: IncidentWindow, label = 'service') {
  const fullFrom = incident.startMs + incident.rampMs + 5 * MINUTE;
  const fullTo = incident.endMs - incident.rampMs;
  const result: Record<string, { inside: number; outside: number }> = {};
  for (const { metric, values } of series) {
    const inside: number[] = [];
    const outside: number[] = [];
    for (const [seconds, text] of values) {
      const timeMs = seconds * 1000;
      const value = Number(text);
      if (timeMs >= fullFrom && timeMs <= fullTo) {
        inside.push(value);
      } else if (timeMs < incident.startMs - 15 * MINUTE || timeMs > incident.endMs + 15 * MINUTE) {
        outside.push(value);
      }
    }
    result[metric[label]] = { inside: median(inside), outside: median(outside) };
  }
  return result;
}

test('the history spans the requested days up to the anchor', async () => {
  expect(prometheus.endMs - prometheus.startMs).toBe(7 * 24 * HOUR);
  const [series] = await queryRange('count(http_requests_total)', prometheus.startMs, prometheus.endMs, 3600);
  expect(Number(series.values[0][1])).toBe(15); // 5 services × 3 status classes
  expect(series.values[0][0] * 1000).toBe(prometheus.startMs);
  expect(series.values[series.values.length - 1][0] * 1000).toBe(prometheus.endMs);
});

test('the db latency spike raises p95 latency of db and of its callers, not of unrelated services', async () => {
  const incident = incidentWindow('db-latency-spike', prometheus.endMs);
  const series = await queryRange(
    'histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket[5m])))',
    incident.startMs - 6 * HOUR,
    incident.endMs + 6 * HOUR,
    60
  );
  const p95 = insideAndOutside(series, incident);
  expect(p95.db.inside).toBeGreaterThan(8 * p95.db.outside);
  expect(p95.catalog.inside).toBeGreaterThan(4 * p95.catalog.outside);
  expect(p95.frontend.inside).toBeGreaterThan(1.5 * p95.frontend.outside);
  expect(p95.payments.inside).toBeLessThan(1.3 * p95.payments.outside);
  expect(p95.checkout.inside).toBeLessThan(1.3 * p95.checkout.outside);
});

test('the payments error burst shows in the 5xx ratio of payments and its callers', async () => {
  const incident = incidentWindow('payments-error-burst', prometheus.endMs);
  const series = await queryRange(
    'sum by (service) (rate(http_requests_total{status="5xx"}[5m])) / sum by (service) (rate(http_requests_total[5m]))',
    incident.startMs - 6 * HOUR,
    incident.endMs + 6 * HOUR,
    60
  );
  const errorRatio = insideAndOutside(series, incident);
  expect(errorRatio.payments.inside).toBeGreaterThan(0.2);
  expect(errorRatio.payments.outside).toBeLessThan(0.02);
  expect(errorRatio.checkout.inside).toBeGreaterThan(0.1);
  expect(errorRatio.frontend.inside).toBeGreaterThan(3 * errorRatio.frontend.outside);
  expect(errorRatio.catalog.inside).toBeLessThan(0.01);
});

test.each([
  ['checkout-memory-leak', 'process_resident_memory_bytes', 'process_memory_limit_bytes'],
  ['db-disk-fill', 'disk_used_bytes', 'disk_total_bytes'],
])(
  '%s: a linear extrapolation at the anchor reaches the capacity when incidents.ts says',
  async (id, used, capacity) => {
    const incident = incidentWindow(id, prometheus.endMs);
    const service = incident.service;
    // Slope over the last two days of history and the capacity, both at the anchor.
    const [slope] = await queryRange(
      `deriv(${used}{service="${service}"}[2d])`,
      prometheus.endMs,
      prometheus.endMs,
      60
    );
    const [current] = await queryRange(`${used}{service="${service}"}`, prometheus.endMs, prometheus.endMs, 60);
    const [total] = await queryRange(`${capacity}{service="${service}"}`, prometheus.endMs, prometheus.endMs, 60);
    const perSecond = Number(slope.values[0][1]);
    expect(perSecond).toBeGreaterThan(0);
    const exhaustionMs =
      prometheus.endMs + ((Number(total.values[0][1]) - Number(current.values[0][1])) / perSecond) * 1000;
    const leakRunMs = incident.endMs - incident.startMs;
    expect(Math.abs(exhaustionMs - incident.endMs)).toBeLessThan(0.1 * leakRunMs);
    // Before the leak, the same resource was flat or cyclic: no such trend.
    const before = await queryRange(
      `deriv(${used}{service="${service}"}[1d])`,
      incident.startMs - HOUR,
      incident.startMs - HOUR,
      60
    );
    expect(Number(before[0].values[0][1])).toBeLessThan(perSecond / 4);
  }
);
