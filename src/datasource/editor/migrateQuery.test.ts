import { DEFAULT_QUERY, type ForesightQuery } from '../types';
import { isCurrentQuery, migrateQuery } from './migrateQuery';

describe('migrateQuery', () => {
  test.each<[string, Record<string, unknown>, Omit<ForesightQuery, 'refId'> & Record<string, unknown>]>([
    ['an empty query gets the defaults', { refId: 'A' }, { ...DEFAULT_QUERY }],
    [
      'the create-plugin template shape',
      { refId: 'A', queryText: 'up' },
      { ...DEFAULT_QUERY, source: { kind: 'prometheus', expr: 'up' } },
    ],
    [
      'a flat hand-written shape',
      { refId: 'A', sourceKind: 'loki', expr: 'rate({app="api"}[5m])', legendFormat: '{{app}}', analysis: 'forecast', horizon: '2d', outputMode: 'forecast' },
      {
        schemaVersion: 1,
        source: { kind: 'loki', expr: 'rate({app="api"}[5m])', legendFormat: '{{app}}' },
        analysis: { kind: 'forecast', horizon: '2d' },
        output: 'forecast',
      },
    ],
    [
      'source given as a string',
      { refId: 'A', source: 'loki', expr: 'x', analysis: { kind: 'passthrough' } },
      { schemaVersion: 1, source: { kind: 'loki', expr: 'x' }, analysis: { kind: 'passthrough' }, output: 'full' },
    ],
    [
      'quoted numbers and comma-separated seasonality',
      { refId: 'A', source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly', sensitivity: '0.8', seasonality: '1d, 1w' } },
      {
        schemaVersion: 1,
        source: { kind: 'prometheus', expr: 'up' },
        analysis: { kind: 'anomaly', sensitivity: 0.8, seasonality: ['1d', '1w'] },
        output: 'full',
      },
    ],
    [
      'a non-numeric sensitivity is dropped so the datasource default applies',
      { refId: 'A', source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly', sensitivity: 'high' } },
      { schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly' }, output: 'full' },
    ],
    [
      'flat parameters without an analysis kind become an anomaly analysis',
      { refId: 'A', expr: 'up', sensitivity: 0.2 },
      { schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly', detector: 'auto', sensitivity: 0.2 }, output: 'full' },
    ],
    [
      'an unknown analysis kind is kept for the editor to report',
      { refId: 'A', expr: 'up', analysis: { kind: 'rootcause', depth: 2 } },
      { schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'rootcause', depth: 2 } as never, output: 'full' },
    ],
  ])('%s', (_name, input, expected) => {
    const migrated = migrateQuery(input);
    expect(migrated).toEqual({ refId: 'A', ...expected });
    expect(isCurrentQuery(migrated)).toBe(true);
  });

  it('keeps Grafana fields such as datasource, hide and intervalMs', () => {
    const datasource = { type: 'foresight-analytics-datasource', uid: 'fs' };
    const migrated = migrateQuery({ refId: 'B', datasource, hide: true, intervalMs: 15000, expr: 'up' });
    expect(migrated).toMatchObject({ refId: 'B', datasource, hide: true, intervalMs: 15000 });
  });

  it('returns the same object for a current query', () => {
    const query: ForesightQuery = { refId: 'A', ...DEFAULT_QUERY, source: { kind: 'prometheus', expr: 'up' } };
    expect(migrateQuery(query)).toBe(query);
  });

  it('leaves a query from a newer schema untouched', () => {
    const query = { refId: 'A', schemaVersion: 2, input: { promql: 'up' } };
    expect(migrateQuery(query)).toBe(query);
  });
});
