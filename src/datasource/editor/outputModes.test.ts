import type { Analysis, OutputMode } from '../types';
import { alertDefaultOutput, canAlertOn, isAlertFriendly, outputModesFor, reconcileOutputMode } from './outputModes';

const anomaly: Analysis = { kind: 'anomaly' };
const forecast: Analysis = { kind: 'forecast' };
const forecastWithThreshold: Analysis = { kind: 'forecast', threshold: 90 };
const outliers: Analysis = { kind: 'outliers' };
const decompose: Analysis = { kind: 'decompose' };
const passthrough: Analysis = { kind: 'passthrough' };

describe('outputModesFor', () => {
  test.each<[string, Analysis, OutputMode[]]>([
    ['passthrough', passthrough, ['full']],
    ['anomaly', anomaly, ['full', 'score', 'anomalous', 'expected']],
    ['forecast without threshold', forecast, ['full', 'forecast']],
    [
      'forecast with threshold',
      forecastWithThreshold,
      ['full', 'forecast', 'time-to-threshold', 'threshold-probability'],
    ],
    ['outliers', outliers, ['full']],
    ['decompose', decompose, ['full']],
  ])('%s', (_name, analysis, expected) => {
    expect(outputModesFor(analysis).map((option) => option.value)).toEqual(expected);
  });
});

describe('alertDefaultOutput', () => {
  test.each<[Analysis, OutputMode]>([
    [passthrough, 'full'],
    [anomaly, 'anomalous'],
    [forecast, 'forecast'],
    [forecastWithThreshold, 'threshold-probability'],
  ])('%j → %s', (analysis, expected) => {
    const mode = alertDefaultOutput(analysis);
    expect(mode).toBe(expected);
    expect(isAlertFriendly(mode, analysis)).toBe(true);
  });

  test.each([outliers, decompose])('%j has no single-series mode, so full', (analysis) => {
    expect(alertDefaultOutput(analysis)).toBe('full');
    expect(canAlertOn(analysis)).toBe(false);
  });
});

describe('reconcileOutputMode', () => {
  test.each<[OutputMode | undefined, Analysis, boolean, OutputMode]>([
    [undefined, anomaly, false, 'full'],
    ['score', anomaly, false, 'score'],
    ['score', forecast, false, 'full'],
    ['time-to-threshold', forecast, false, 'full'],
    ['time-to-threshold', forecastWithThreshold, false, 'time-to-threshold'],
    [undefined, anomaly, true, 'anomalous'],
    ['full', anomaly, true, 'anomalous'],
    ['score', anomaly, true, 'score'],
    ['anomalous', forecastWithThreshold, true, 'threshold-probability'],
    ['full', passthrough, true, 'full'],
  ])('%s on %j (alerting: %s) → %s', (current, analysis, forAlerting, expected) => {
    expect(reconcileOutputMode(current, analysis, forAlerting)).toBe(expected);
  });
});
