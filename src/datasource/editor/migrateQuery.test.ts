import { validateQuery } from '../query/validateQuery';
import { DEFAULT_QUERY, type ForesightQuery } from '../types';
import { isCurrentQuery, migrateQuery } from './migrateQuery';

describe('migrateQuery', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['an empty query gets the defaults', { refId: 'A' }, { ...DEFAULT_QUERY }],
    [
      'the create-plugin template shape is a passthrough of its expression',
      { refId: 'A', queryText: 'up' },
      {
        schemaVersion: 1,
        source: { kind: 'prometheus', expr: 'up' },
        analysis: { kind: 'passthrough' },
        output: 'full',
      },
    ],
    [
      'the pre-1.0 flat shape',
      { refId: 'A', sourceKind: 'loki', expr: 'rate({app="api"}[5m])', legendFormat: '{{app}}', analysis: 'forecast' },
      {
        schemaVersion: 1,
        source: { kind: 'loki', expr: 'rate({app="api"}[5m])', legendFormat: '{{app}}' },
        analysis: { kind: 'forecast' },
        output: 'full',
      },
    ],
    [
      'a missing output and schema version',
      { refId: 'A', source: { kind: 'loki', expr: 'x' }, analysis: { kind: 'decompose' } },
      { schemaVersion: 1, source: { kind: 'loki', expr: 'x' }, analysis: { kind: 'decompose' }, output: 'full' },
    ],
    [
      'quoted numbers and comma-separated seasonality',
      {
        refId: 'A',
        source: { kind: 'prometheus', expr: 'up' },
        analysis: { kind: 'anomaly', sensitivity: '0.8', seasonality: '1d, 1w' },
      },
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
  ])('%s', (_name, input, expected) => {
    const migrated = migrateQuery(input);
    expect(migrated).toEqual({ refId: 'A', ...expected });
    expect(isCurrentQuery(migrated)).toBe(true);
    // The editor shows what the backend runs: the shared validation accepts the result (an empty
    // expression aside) and reads the original the same way where it understands it.
    if (migrated.source.expr !== '') {
      expect(validateQuery(migrated).ok).toBe(true);
    }
  });

  it('reads legacy shapes as the shared validation does', () => {
    const legacy = { refId: 'A', queryText: 'up', sourceKind: 'loki', analysis: 'anomaly' };
    const validated = validateQuery(legacy);
    const migrated = validateQuery(migrateQuery(legacy));
    expect(validated.ok && migrated.ok).toBe(true);
    if (validated.ok && migrated.ok) {
      expect(migrated.query).toEqual(validated.query);
    }
  });

  it('keeps an unknown analysis kind for the editor and the backend to report', () => {
    const migrated = migrateQuery({ refId: 'A', expr: 'up', analysis: { kind: 'rootcause', depth: 2 } });
    expect(migrated.analysis).toEqual({ kind: 'rootcause', depth: 2 });
    expect(validateQuery(migrated).ok).toBe(false);
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
