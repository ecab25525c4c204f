/** @jest-environment node */
import type { DataQuery } from '../protocol/messages';
import { parseQuery } from './parseQuery';
import { QueryError } from './QueryError';

const SETTINGS = { defaultTraining: '7d', defaultSensitivity: 0.5 };

function dataQuery(json: string | object, overrides: Partial<DataQuery> = {}): DataQuery {
  return {
    refId: 'A',
    maxDataPoints: 1000,
    intervalMS: 15000,
    timeRange: { fromEpochMS: 1_700_000_000_000, toEpochMS: 1_700_003_600_000 },
    json: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)),
    queryType: '',
    ...overrides,
  };
}

function errorOf(run: () => unknown): QueryError {
  try {
    run();
  } catch (error) {
    return error as QueryError;
  }
  throw new Error('expected an error');
}

describe('parseQuery', () => {
  it('accepts a passthrough query with Grafana\'s own keys and keeps the request values', () => {
    const parsed = parseQuery(
      dataQuery({
        refId: 'A',
        datasource: { type: 'foresight-analytics-datasource', uid: 'x' },
        intervalMs: 15000,
        schemaVersion: 1,
        source: { kind: 'prometheus', expr: 'up', legendFormat: '{{job}}' },
        analysis: { kind: 'passthrough' },
      }),
      SETTINGS
    );
    expect(parsed.query.source).toEqual({ kind: 'prometheus', expr: 'up', legendFormat: '{{job}}' });
    expect(parsed.query.analysis.kind).toBe('passthrough');
    expect(parsed).toMatchObject({ refId: 'A', fromMs: 1_700_000_000_000, toMs: 1_700_003_600_000, intervalMs: 15000, maxDataPoints: 1000 });
  });

  it('fills the datasource defaults (training, sensitivity) into analyses that need them', () => {
    const parsed = parseQuery(
      dataQuery({ schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly' } }),
      { defaultTraining: '14d', defaultSensitivity: 0.3 }
    );
    expect(parsed.query.analysis).toMatchObject({ kind: 'anomaly', training: '14d', sensitivity: 0.3 });
  });

  it.each([
    ['{"source": ', /not valid JSON/],
    ['', /not valid JSON/],
    ['"up"', /query: expected an object/],
    [JSON.stringify({ schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'prophecy' } }), /analysis\.kind/],
    [JSON.stringify({ schemaVersion: 1, source: { kind: 'graphite', expr: 'up' }, analysis: { kind: 'passthrough' } }), /source\.kind/],
    [JSON.stringify({ schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly', training: '7x' } }), /analysis\.training/],
    [JSON.stringify({ schemaVersion: 9, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'passthrough' } }), /schemaVersion.*newer Foresight/],
  ])('rejects %s with a 400 plugin error naming the field', (json, message) => {
    const error = errorOf(() => parseQuery(dataQuery(json), SETTINGS));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.status).toBe(400);
    expect(error.errorSource).toBe('plugin');
    expect(error.message).toMatch(message);
  });

  it('rejects a time range that ends before it starts', () => {
    const error = errorOf(() =>
      parseQuery(
        dataQuery(
          { schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'passthrough' } },
          { timeRange: { fromEpochMS: 2000, toEpochMS: 1000 } }
        ),
        SETTINGS
      )
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/timeRange/);
  });
});
