import { CoreApp, type DataSourceInstanceSettings, type ScopedVars, type TypedVariableModel } from '@grafana/data';
import { setTemplateSrv, type TemplateSrv } from '@grafana/runtime';

import { DataSource } from './datasource';
import { DEFAULT_QUERY, type ForesightDataSourceOptions, type ForesightQuery } from './types';

function makeDataSource(jsonData: ForesightDataSourceOptions = {}) {
  return new DataSource({
    uid: 'foresight',
    type: 'foresight-analytics-datasource',
    name: 'Foresight',
    jsonData,
    meta: {} as DataSourceInstanceSettings['meta'],
    readOnly: false,
    access: 'proxy',
  } as DataSourceInstanceSettings<ForesightDataSourceOptions>);
}

/** Grafana's TemplateSrv is part of Grafana itself; this stand-in replaces `$name` the same way for the cases below. */
function useVariables(variables: Record<string, string | string[]>) {
  const templateSrv: Partial<TemplateSrv> = {
    replace: (target = '', _scopedVars?: ScopedVars, format?: string | Function) =>
      target.replace(/\$(\w+)/g, (match, name: string) => {
        const value = variables[name];
        if (value === undefined) {
          return match;
        }
        if (typeof format === 'function') {
          return format(value, { multi: Array.isArray(value) });
        }
        return Array.isArray(value) ? value.join(',') : value;
      }),
    getVariables: () => [] as TypedVariableModel[],
  };
  setTemplateSrv(templateSrv as TemplateSrv);
}

function query(overrides: Partial<ForesightQuery> = {}): ForesightQuery {
  return { refId: 'A', ...DEFAULT_QUERY, source: { kind: 'prometheus', expr: 'up' }, ...overrides };
}

describe('DataSource', () => {
  it('starts queries with an anomaly analysis; in the alert rule editor with a single-series output', () => {
    const datasource = makeDataSource();
    expect(datasource.getDefaultQuery(CoreApp.PanelEditor)).toMatchObject({
      analysis: { kind: 'anomaly' },
      output: 'full',
    });
    expect(datasource.getDefaultQuery(CoreApp.UnifiedAlerting)).toMatchObject({
      analysis: { kind: 'anomaly' },
      output: 'anomalous',
    });
  });

  test.each<[string, Record<string, unknown>, boolean]>([
    ['an expression', { ...query() }, true],
    ['an empty expression', { ...query({ source: { kind: 'prometheus', expr: '  ' } }) }, false],
    ['a legacy query with an expression', { refId: 'A', queryText: 'up' }, true],
    ['a legacy query without one', { refId: 'A' }, false],
  ])('filterQuery runs a query with %s: %s', (_name, input, expected) => {
    expect(makeDataSource().filterQuery(input as unknown as ForesightQuery)).toBe(expected);
  });

  it('interpolates the expression and legend, regex-joining multi-value variables', () => {
    useVariables({ job: ['api', 'web'], env: 'prod' });
    const result = makeDataSource().applyTemplateVariables(
      query({ source: { kind: 'prometheus', expr: 'up{job=~"$job", env="$env"}', legendFormat: '$env {{instance}}' } }),
      {}
    );
    expect(result.source).toEqual({
      kind: 'prometheus',
      expr: 'up{job=~"(api|web)", env="prod"}',
      legendFormat: 'prod {{instance}}',
    });
  });

  it('sends legacy queries in the current shape', () => {
    useVariables({});
    const legacy = { refId: 'A', expr: 'rate(x[5m])', analysis: 'forecast' } as unknown as ForesightQuery;
    expect(makeDataSource().applyTemplateVariables(legacy, {})).toMatchObject({
      schemaVersion: 1,
      source: { kind: 'prometheus', expr: 'rate(x[5m])' },
      analysis: { kind: 'forecast' },
      output: 'full',
    });
  });

  it('uses the datasource defaults for training and sensitivity hints', () => {
    expect(makeDataSource({ defaultTraining: '14d', defaultSensitivity: 0.3 }).defaults).toEqual({
      training: '14d',
      sensitivity: 0.3,
    });
    expect(makeDataSource().defaults).toEqual({ training: '7d', sensitivity: 0.5 });
  });

  describe('suggestion resources', () => {
    it('asks the backend routes with the metric as match[]', async () => {
      const datasource = makeDataSource();
      const getResource = jest.spyOn(datasource, 'getResource').mockResolvedValue(['job', 'instance']);
      await expect(datasource.getLabelNames('prometheus', 'up')).resolves.toEqual(['job', 'instance']);
      await datasource.getLabelValues('prometheus', 'job', 'up');
      await datasource.getLabelValues('loki', 'app');
      await datasource.getMetricNames();
      expect(getResource.mock.calls).toEqual([
        ['prometheus/labels', { 'match[]': 'up' }],
        ['prometheus/label-values', { label: 'job', 'match[]': 'up' }],
        ['loki/label-values', { label: 'app' }],
        ['prometheus/metrics', undefined],
      ]);
    });

    it('reuses an answer instead of asking again on every keystroke', async () => {
      const datasource = makeDataSource();
      const getResource = jest.spyOn(datasource, 'getResource').mockResolvedValue(['up']);
      await datasource.getMetricNames();
      await datasource.getMetricNames();
      expect(getResource).toHaveBeenCalledTimes(1);
    });

    it('yields no names when the route fails or answers something else, and retries after a failure', async () => {
      const datasource = makeDataSource();
      const getResource = jest
        .spyOn(datasource, 'getResource')
        .mockRejectedValueOnce(new Error('502 Bad Gateway'))
        .mockResolvedValueOnce({ status: 'error' })
        .mockResolvedValueOnce(['up', 42, 'node_load1']);
      await expect(datasource.getMetricNames()).resolves.toEqual([]);
      await expect(datasource.getLabelNames('loki')).resolves.toEqual([]);
      await expect(datasource.getMetricNames()).resolves.toEqual(['up', 'node_load1']);
      expect(getResource).toHaveBeenCalledTimes(3);
    });

    it('also reads names wrapped as { data: [...] }, as the Prometheus API answers', async () => {
      const datasource = makeDataSource();
      jest.spyOn(datasource, 'getResource').mockResolvedValue({ status: 'success', data: ['job', 'instance'] });
      await expect(datasource.getLabelNames('prometheus')).resolves.toEqual(['job', 'instance']);
    });

    test.each<[string, unknown]>([
      ['the detail itself', { prometheus: { ok: true }, loki: { ok: false, message: 'connection refused' } }],
      [
        'CheckHealth as JSON',
        {
          status: 'ERROR',
          message: 'Loki: connection refused',
          details: { prometheus: { ok: true }, loki: { ok: false, message: 'connection refused' } },
        },
      ],
    ])('reads per-upstream health from %s', async (_name, body) => {
      const datasource = makeDataSource();
      jest.spyOn(datasource, 'getResource').mockResolvedValue(body);
      await expect(datasource.getHealthDetail()).resolves.toEqual({
        prometheus: { ok: true },
        loki: { ok: false, message: 'connection refused' },
      });
    });

    it('reports no health detail when the route fails', async () => {
      const datasource = makeDataSource();
      jest.spyOn(datasource, 'getResource').mockRejectedValue(new Error('404'));
      await expect(datasource.getHealthDetail()).resolves.toBeUndefined();
    });
  });
});
