/**
 * The provisioned service-health dashboard's Prometheus queries, run against the demo history in a
 * real Prometheus: every panel has data for every service, as a user opening the dashboard expects.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { SERVICES } from '../../demo/generator/topology';
import { startPrometheus, type PrometheusInstance } from './fixtures/prometheus';

interface Target {
  refId: string;
  expr?: string;
  datasource: { type: string; uid: string };
  source?: { kind: string; expr: string };
}

const dashboard = JSON.parse(
  readFileSync(resolve(__dirname, '../../provisioning/dashboards/service-health.json'), 'utf8')
) as { panels: Array<{ title: string; targets: Target[] }> };

/** What Grafana substitutes for the dashboard's variables, with every service selected. */
function interpolate(expr: string): string {
  return expr.replace(/\$__rate_interval/g, '5m').replace(/\$service/g, '.*');
}

const prometheusTargets = dashboard.panels.flatMap((panel) =>
  panel.targets
    .filter((target) => target.datasource.type === 'prometheus')
    .map((target) => [panel.title, target.refId, target.expr!] as const)
);

let prometheus: PrometheusInstance;

beforeAll(async () => {
  prometheus = await startPrometheus({ days: 7 });
});

afterAll(async () => {
  await prometheus?.stop();
});

async function queryRange(expr: string) {
  const params = new URLSearchParams({
    query: expr,
    start: String((prometheus.endMs - 24 * 3_600_000) / 1000),
    end: String(prometheus.endMs / 1000),
    step: '300',
  });
  const body = (await (await fetch(`${prometheus.url}/api/v1/query_range?${params}`)).json()) as {
    status: string;
    error?: string;
    data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
  };
  if (body.status !== 'success') {
    throw new Error(`${expr}: ${body.error}`);
  }
  return body.data.result;
}

test('the dashboard has Prometheus panels for request rate, errors, latency, memory and disk', () => {
  expect(prometheusTargets.map(([title]) => title)).toEqual(
    expect.arrayContaining(['Request rate', 'Error ratio (5xx)', 'p95 latency', 'Memory', 'Disk used'])
  );
});

test.each(prometheusTargets)(
  'panel "%s" (%s) shows a finite series per service over the last day',
  async (_title, _refId, expr) => {
    const series = await queryRange(interpolate(expr));
    expect(series.map((one) => one.metric.service).sort()).toEqual(SERVICES.map((service) => service.name).sort());
    for (const { values } of series) {
      expect(values.length).toBeGreaterThan(250);
      expect(values.every(([, value]) => Number.isFinite(Number(value)))).toBe(true);
    }
  }
);

test('the Foresight panel asks for an anomaly analysis of a PromQL expression that has data', async () => {
  const foresight = dashboard.panels
    .flatMap((panel) => panel.targets)
    .filter((target) => target.datasource.uid === 'foresight');
  expect(foresight).toHaveLength(1);
  expect(foresight[0]).toMatchObject({
    schemaVersion: 1,
    source: { kind: 'prometheus' },
    analysis: { kind: 'anomaly' },
    output: 'full',
  });
  const series = await queryRange(foresight[0].source!.expr);
  expect(series).toHaveLength(1);
  expect(series[0].values.length).toBeGreaterThan(250);
});
