/** @jest-environment node */
import type { ForesightQuery } from '../types';
import { applyDatasourceDefaults } from './applyDatasourceDefaults';
import { validateQuery } from './validateQuery';

function validated(analysis: Record<string, unknown>): ForesightQuery {
  const result = validateQuery({ refId: 'A', schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis });
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.query;
}

describe('applyDatasourceDefaults', () => {
  test.each([
    ['anomaly, settings unset', { kind: 'anomaly' }, undefined, { training: '7d', sensitivity: 0.5 }],
    [
      'anomaly, datasource defaults',
      { kind: 'anomaly' },
      { defaultTraining: '14d', defaultSensitivity: 0.8 },
      { training: '14d', sensitivity: 0.8 },
    ],
    [
      'anomaly, query wins',
      { kind: 'anomaly', training: '2d', sensitivity: 0.1 },
      { defaultTraining: '14d', defaultSensitivity: 0.8 },
      { training: '2d', sensitivity: 0.1 },
    ],
    ['sensitivity 0 is kept', { kind: 'anomaly', sensitivity: 0 }, { defaultSensitivity: 0.8 }, { sensitivity: 0 }],
    [
      'forecast gets training only',
      { kind: 'forecast' },
      { defaultTraining: '28d', defaultSensitivity: 0.8 },
      { training: '28d', sensitivity: undefined },
    ],
    [
      'outliers keep their own sensitivity default',
      { kind: 'outliers' },
      { defaultSensitivity: 0.9 },
      { training: '7d', sensitivity: 0.5 },
    ],
    ['passthrough needs no training', { kind: 'passthrough' }, { defaultTraining: '28d' }, { training: undefined }],
  ])('%s', (_name, analysis, settings, expected) => {
    const result = applyDatasourceDefaults(validated(analysis), settings);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const analysis = result.query.analysis as { training?: string; sensitivity?: number };
      for (const [field, value] of Object.entries(expected)) {
        expect(analysis[field as keyof typeof analysis]).toBe(value);
      }
    }
  });

  test.each([
    [
      { defaultTraining: 'a week' },
      'jsonData.defaultTraining: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "a week" (datasource setting "Default training window"; set analysis.training in the query or fix the datasource)',
    ],
    [
      { defaultSensitivity: 5 },
      'jsonData.defaultSensitivity: expected a number between 0 and 1, got 5 (datasource setting "Default sensitivity")',
    ],
  ])('a bad datasource setting %p is reported as a settings error', (settings, message) => {
    const result = applyDatasourceDefaults(validated({ kind: 'anomaly' }), settings);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([message]);
    }
  });

  test('does not change the query it was given', () => {
    const query = validated({ kind: 'anomaly' });
    applyDatasourceDefaults(query, { defaultTraining: '3d' });
    expect(query.analysis).not.toHaveProperty('training');
  });
});
