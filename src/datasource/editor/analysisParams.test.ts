import type { Analysis, AnalysisKind } from '../types';
import { changeAnalysisKind, parsePeriods, seasonalityChoice } from './analysisParams';

describe('changeAnalysisKind', () => {
  const anomaly: Analysis = {
    kind: 'anomaly',
    detector: 'seasonal',
    sensitivity: 0.8,
    training: '14d',
    seasonality: ['1d'],
  };
  test.each<[Analysis, AnalysisKind, Analysis]>([
    [anomaly, 'forecast', { kind: 'forecast', model: 'auto', training: '14d', seasonality: ['1d'] }],
    [anomaly, 'outliers', { kind: 'outliers', algorithm: 'dbscan', sensitivity: 0.8, training: '14d' }],
    [anomaly, 'decompose', { kind: 'decompose', training: '14d', seasonality: ['1d'] }],
    [anomaly, 'passthrough', { kind: 'passthrough' }],
    [{ kind: 'passthrough' }, 'anomaly', { kind: 'anomaly', detector: 'auto' }],
    [{ kind: 'forecast', horizon: '2d', threshold: 90 }, 'anomaly', { kind: 'anomaly', detector: 'auto' }],
  ])('%j → %s', (current, kind, expected) => {
    expect(changeAnalysisKind(current, kind)).toEqual(expected);
  });

  it('keeps the same analysis when the kind does not change', () => {
    expect(changeAnalysisKind(anomaly, 'anomaly')).toBe(anomaly);
  });
});

test.each([
  [undefined, 'auto'],
  ['auto', 'auto'],
  ['none', 'none'],
  [['1d'], 'periods'],
] as const)('seasonalityChoice(%j) → %s', (value, expected) => {
  expect(seasonalityChoice(value as never)).toBe(expected);
});

test.each([
  ['1d, 1w', ['1d', '1w']],
  [' 1d ,, ', ['1d']],
  ['', []],
])('parsePeriods(%j)', (text, expected) => {
  expect(parsePeriods(text)).toEqual(expected);
});
