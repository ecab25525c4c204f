/** @jest-environment node */
import { formatQueryErrors, validateQuery } from './validateQuery';

const source = { kind: 'prometheus', expr: 'rate(http_requests_total[5m])' };
const v1 = (fields: Record<string, unknown>) => ({ refId: 'A', schemaVersion: 1, source, ...fields });

function errorsOf(raw: unknown): string[] {
  const result = validateQuery(raw);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

describe('validateQuery accepts and fills query-level defaults', () => {
  test.each([
    [
      'anomaly with nothing set',
      v1({ analysis: { kind: 'anomaly' } }),
      { analysis: { kind: 'anomaly', detector: 'auto', seasonality: 'auto' }, output: 'full' },
    ],
    [
      'anomaly fully set',
      v1({
        analysis: {
          kind: 'anomaly',
          detector: 'seasonal',
          sensitivity: 0.8,
          training: '14d',
          seasonality: ['1d', '1w'],
        },
        output: 'score',
      }),
      {
        analysis: {
          kind: 'anomaly',
          detector: 'seasonal',
          sensitivity: 0.8,
          training: '14d',
          seasonality: ['1d', '1w'],
        },
        output: 'score',
      },
    ],
    [
      'forecast defaults',
      v1({ analysis: { kind: 'forecast' } }),
      {
        analysis: {
          kind: 'forecast',
          model: 'auto',
          horizon: '1d',
          intervalLevel: 0.95,
          thresholdDirection: 'above',
          seasonality: 'auto',
        },
        output: 'full',
      },
    ],
    [
      'forecast with a threshold for an alert',
      v1({
        analysis: { kind: 'forecast', threshold: 0.9, thresholdDirection: 'below', horizon: '3d' },
        output: 'time-to-threshold',
      }),
      {
        analysis: {
          kind: 'forecast',
          model: 'auto',
          horizon: '3d',
          intervalLevel: 0.95,
          threshold: 0.9,
          thresholdDirection: 'below',
          seasonality: 'auto',
        },
        output: 'time-to-threshold',
      },
    ],
    [
      'outliers defaults',
      v1({ analysis: { kind: 'outliers' } }),
      { analysis: { kind: 'outliers', algorithm: 'dbscan', sensitivity: 0.5 }, output: 'full' },
    ],
    [
      'decompose, no seasonality',
      v1({ analysis: { kind: 'decompose', seasonality: [] } }),
      { analysis: { kind: 'decompose', seasonality: 'none' }, output: 'full' },
    ],
    ['passthrough', v1({ analysis: { kind: 'passthrough' } }), { analysis: { kind: 'passthrough' }, output: 'full' }],
  ])('%s', (_name, raw, expected) => {
    const result = validateQuery(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.query.analysis).toEqual(expected.analysis);
      expect(result.query.output).toBe(expected.output);
      expect(result.query.source).toEqual(source);
      expect(result.notices).toEqual([]);
    }
  });

  test('keeps Grafana fields it does not own', () => {
    const raw = v1({
      analysis: { kind: 'passthrough' },
      datasource: { type: 'foresight', uid: 'x' },
      intervalMs: 15000,
      maxDataPoints: 800,
      hide: false,
    });
    const result = validateQuery(raw);
    expect(result.ok && result.query).toMatchObject({
      refId: 'A',
      datasource: { uid: 'x' },
      intervalMs: 15000,
      maxDataPoints: 800,
      hide: false,
    });
  });
});

describe('validateQuery names each bad field', () => {
  test.each([
    ['not an object', 'up', ['query: expected an object, got "up"']],
    ['null', null, ['query: expected an object, got null']],
    [
      'sensitivity above 1',
      v1({ analysis: { kind: 'anomaly', sensitivity: 2 } }),
      ['analysis.sensitivity: expected a number between 0 and 1, got 2'],
    ],
    [
      'sensitivity as text',
      v1({ analysis: { kind: 'anomaly', sensitivity: '0.5' } }),
      ['analysis.sensitivity: expected a number between 0 and 1, got "0.5"'],
    ],
    [
      'unknown analysis kind',
      v1({ analysis: { kind: 'prophet' } }),
      [
        'analysis.kind: unknown analysis "prophet"; expected one of passthrough, anomaly, forecast, outliers, decompose',
      ],
    ],
    ['missing analysis in v1', v1({}), ['analysis: expected an object like { "kind": "anomaly" }, got nothing']],
    [
      'bad training duration',
      v1({ analysis: { kind: 'anomaly', training: '7 days' } }),
      [
        'analysis.training: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "7 days"',
      ],
    ],
    [
      'training without unit',
      v1({ analysis: { kind: 'forecast', training: 30 } }),
      [
        'analysis.training: expected a duration such as 7d, 1h30m or 90s, got the number 30 (durations need a unit, e.g. "30s")',
      ],
    ],
    [
      'bad horizon',
      v1({ analysis: { kind: 'forecast', horizon: '0d' } }),
      ['analysis.horizon: "0d" is zero; expected a positive duration'],
    ],
    [
      'bad seasonality period',
      v1({ analysis: { kind: 'anomaly', seasonality: ['1d', 'weekly'] } }),
      [
        'analysis.seasonality[1]: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "weekly"',
      ],
    ],
    [
      'bad seasonality word',
      v1({ analysis: { kind: 'decompose', seasonality: 'daily' } }),
      ['analysis.seasonality: expected "auto", "none" or a list of periods such as ["1d", "1w"], got "daily"'],
    ],
    [
      'unknown detector',
      v1({ analysis: { kind: 'anomaly', detector: 'prophet' } }),
      ['analysis.detector: expected one of auto, rolling, seasonal, changepoint, got "prophet"'],
    ],
    [
      'unknown model',
      v1({ analysis: { kind: 'forecast', model: 'arima' } }),
      ['analysis.model: expected one of auto, linear, holt, mstl, seasonal-naive, got "arima"'],
    ],
    [
      'interval level of 95',
      v1({ analysis: { kind: 'forecast', intervalLevel: 95 } }),
      ['analysis.intervalLevel: expected a number strictly between 0 and 1 (e.g. 0.95 for a 95% interval), got 95'],
    ],
    [
      'threshold as text',
      v1({ analysis: { kind: 'forecast', threshold: '90%' } }),
      ['analysis.threshold: expected a finite number, got "90%"'],
    ],
    [
      'unknown output',
      v1({ analysis: { kind: 'anomaly' }, output: 'band' }),
      [
        'output: expected one of full, score, anomalous, expected, forecast, time-to-threshold, threshold-probability, got "band"',
      ],
    ],
    [
      'score without anomaly',
      v1({ analysis: { kind: 'forecast' }, output: 'score' }),
      [
        'output: "score" needs the anomaly analysis, but analysis.kind is "forecast"; use "full" or switch the analysis',
      ],
    ],
    [
      'anomalous on passthrough',
      v1({ analysis: { kind: 'passthrough' }, output: 'anomalous' }),
      [
        'output: "anomalous" needs the anomaly analysis, but analysis.kind is "passthrough"; use "full" or switch the analysis',
      ],
    ],
    [
      'forecast output on anomaly',
      v1({ analysis: { kind: 'anomaly' }, output: 'forecast' }),
      [
        'output: "forecast" needs the forecast analysis, but analysis.kind is "anomaly"; use "full" or switch the analysis',
      ],
    ],
    [
      'time-to-threshold without a threshold',
      v1({ analysis: { kind: 'forecast' }, output: 'time-to-threshold' }),
      [
        'output: "time-to-threshold" needs analysis.threshold (the value whose crossing is predicted); set it or use "forecast"',
      ],
    ],
    [
      'threshold-probability with a null threshold',
      v1({ analysis: { kind: 'forecast', threshold: null }, output: 'threshold-probability' }),
      [
        'output: "threshold-probability" needs analysis.threshold (the value whose crossing is predicted); set it or use "forecast"',
      ],
    ],
    [
      'empty expression',
      { schemaVersion: 1, source: { kind: 'loki', expr: '  ' }, analysis: { kind: 'passthrough' } },
      ['source.expr: is empty; enter a PromQL or LogQL expression'],
    ],
    [
      'unknown source kind',
      { schemaVersion: 1, source: { kind: 'influx', expr: 'x' }, analysis: { kind: 'passthrough' } },
      ['source.kind: expected one of prometheus, loki, got "influx"'],
    ],
    [
      'missing source',
      { schemaVersion: 1, analysis: { kind: 'passthrough' } },
      ['source: expected an object like { "kind": "prometheus", "expr": "up" }, got nothing'],
    ],
    [
      'newer schema',
      { schemaVersion: 2, source, analysis: { kind: 'anomaly' } },
      [
        'schemaVersion: this query was saved by a newer Foresight (query schema 2); this version understands schema 1 and older. Upgrade the Foresight plugin to run it.',
      ],
    ],
    [
      'schema as text',
      { schemaVersion: '1', source, analysis: { kind: 'anomaly' } },
      ['schemaVersion: expected a whole number ≥ 1, got "1"'],
    ],
    [
      'several problems at once',
      v1({ analysis: { kind: 'anomaly', sensitivity: -1, training: 'x' }, output: 'nope' }),
      [
        'analysis.sensitivity: expected a number between 0 and 1, got -1',
        'analysis.training: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "x"',
        'output: expected one of full, score, anomalous, expected, forecast, time-to-threshold, threshold-probability, got "nope"',
      ],
    ],
  ])('%s', (_name, raw, expected) => {
    expect(errorsOf(raw)).toEqual(expected);
  });

  test('formatQueryErrors joins them for a per-refId error', () => {
    const result = validateQuery(v1({ analysis: { kind: 'anomaly', sensitivity: 2 }, output: 'forecast' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatQueryErrors(result.errors)).toBe('analysis.sensitivity: expected a number between 0 and 1, got 2');
    }
  });
});

describe('queries saved before schemaVersion existed', () => {
  test.each([
    [
      'top-level expr and sourceKind',
      {
        refId: 'A',
        expr: 'sum(rate({app="x"}[5m]))',
        sourceKind: 'loki',
        legendFormat: '{{app}}',
        analysis: { kind: 'anomaly' },
      },
      { kind: 'loki', expr: 'sum(rate({app="x"}[5m]))', legendFormat: '{{app}}' },
      { kind: 'anomaly', detector: 'auto', seasonality: 'auto' },
      true,
    ],
    [
      'scaffold queryText, no analysis',
      { refId: 'A', queryText: 'up' },
      { kind: 'prometheus', expr: 'up' },
      { kind: 'passthrough' },
      true,
    ],
    [
      'analysis as a bare string',
      { refId: 'A', source: { kind: 'prometheus', expr: 'up' }, analysis: 'forecast' },
      { kind: 'prometheus', expr: 'up' },
      {
        kind: 'forecast',
        model: 'auto',
        horizon: '1d',
        intervalLevel: 0.95,
        thresholdDirection: 'above',
        seasonality: 'auto',
      },
      false,
    ],
  ])('%s → schema 1', (_name, raw, expectedSource, expectedAnalysis, noticed) => {
    const result = validateQuery(raw);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.query.schemaVersion).toBe(1);
      expect(result.query.source).toEqual(expectedSource);
      expect(result.query.analysis).toEqual(expectedAnalysis);
      expect(result.query).not.toHaveProperty('expr');
      expect(result.query).not.toHaveProperty('queryText');
      expect(result.notices.length > 0).toBe(noticed);
    }
  });

  test('a legacy query with a bad field still names it', () => {
    expect(errorsOf({ refId: 'A', expr: 'up', analysis: 'magic' })).toEqual([
      'analysis.kind: unknown analysis "magic"; expected one of passthrough, anomaly, forecast, outliers, decompose',
    ]);
  });
});
