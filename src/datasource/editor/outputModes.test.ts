import type { Analysis, OutputMode } from '../types';
import { alertDefaultOutput, isAlertFriendly, outputModesFor, reconcileOutputMode } from './outputModes';

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
    ['forecast with threshold', forecastWithThreshold, ['full', 'forecast', 'time-to-threshold', 'threshold-probability']],
    ['outliers', outliers, ['full', 'score', 'anomalous']],
    ['decompose', decompose, ['full', 'expected']],
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
    [outliers, 'anomalous'],
    [decompose, 'expected'],
  ])('%j → %s', (analysis, expected) => {
    const mode = alertDefaultOutput(analysis);
    expect(mode).toBe(expected);
    expect(isAlertFriendly(mode, analysis)).toBe(true);
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
