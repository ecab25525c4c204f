/** @jest-environment node */
import type { CallResourceRequest } from '../protocol/messages';
import type { DatasourceInstance } from '../settings/datasourceInstance';
import { SettingsError } from '../settings/parseSettings';
import { routeResource } from './router';

const NOTHING_CONFIGURED: DatasourceInstance = {
  settings: { defaultTraining: '7d', defaultSensitivity: 0.5, maxSeries: 500, maxPoints: 2_000_000 },
  clients: {},
};

/** As Grafana sends it: `path` without the query string, `url` with it. */
function request(url: string, method = 'GET'): CallResourceRequest {
  return { pluginContext: null, path: url.split('?')[0], method, url, headers: {}, body: Buffer.alloc(0) };
}

const context = { signal: new AbortController().signal };

async function call(path: string, method = 'GET', instance = () => NOTHING_CONFIGURED) {
  const response = await routeResource(request(path, method), context, instance);
  return { ...response, json: JSON.parse(String(response.body)) };
}

describe('routeResource', () => {
  it('answers an unknown path with 404 and the list of routes', async () => {
    const response = await call('secrets');
    expect(response.status).toBe(404);
    expect(response.json.error).toContain(
      'available: health, labels, label-values, metrics, prometheus/metrics, prometheus/labels, prometheus/label-values, loki/labels, loki/label-values'
    );
  });

  it('does not treat inherited object keys as routes', async () => {
    expect((await call('constructor')).status).toBe(404);
  });

  it('answers GET only', async () => {
    const response = await call('labels', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers?.Allow).toEqual(['GET']);
  });

  it('explains that Prometheus is not configured instead of failing', async () => {
    const response = await call('labels');
    expect(response.status).toBe(400);
    expect(response.json.error).toContain('no Prometheus URL');
  });

  it.each([
    ['prometheus/labels', 'no Prometheus URL'],
    ['prometheus/label-values?label=job', 'no Prometheus URL'],
    ['prometheus/metrics', 'no Prometheus URL'],
    ['loki/labels', 'no Loki URL'],
    ['loki/label-values?label=job', 'no Loki URL'],
  ])('%s says which upstream is missing', async (path, message) => {
    const response = await call(path);
    expect(response.status).toBe(400);
    expect(response.json.error).toContain(message);
  });

  it.each([
    ['prometheus/label-values?label=1bad', /label must be a Prometheus label name/],
    ['prometheus/labels?match[]=', /match\[\] must be a series selector/],
    [`prometheus/metrics?match[]=${'x'.repeat(5000)}`, /match\[\] must be a series selector/],
    ['prometheus/labels?start=yesterday', /start must be epoch milliseconds/],
    ['loki/label-values?label=a-b', /label must be a Loki label name/],
    ['loki/labels?query=rate(x)', /LogQL stream selector/],
  ])('rejects %s with 400 and a message naming the parameter', async (path, message) => {
    const configured = (): DatasourceInstance => ({
      ...NOTHING_CONFIGURED,
      clients: {
        prometheus: { labels: async () => [], labelValues: async () => [], metricNames: async () => [] } as never,
        loki: { labels: async () => [], labelValues: async () => [] } as never,
      },
    });
    const response = await routeResource(request(path), context, configured);
    expect(response.status).toBe(400);
    expect(JSON.parse(String(response.body)).error).toMatch(message);
  });

  it('returns the health result as JSON', async () => {
    const response = await call('health');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'ERROR', details: { problem: 'not-configured' } });
  });

  it('reports invalid datasource settings as 400 with the settings message', async () => {
    const response = await call('labels', 'GET', () => {
      throw new SettingsError('jsonData.prometheusUrl is not a URL');
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toContain('jsonData.prometheusUrl is not a URL');
  });
});
