/** @jest-environment node */
import { chooseStep, niceStepAtLeast } from './chooseStep';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('chooseStep', () => {
  test.each([
    ['Grafana interval wins when it is coarser', HOUR, 60_000, 1_000, undefined, 60_000],
    ['6 h over 1,000 points rounds 21.6 s up to 30 s', 6 * HOUR, 15_000, 1_000, undefined, 30_000],
    ['30 d over 1,000 points rounds 43.2 min up to 1 h', 30 * DAY, 15_000, 1_000, undefined, HOUR],
    ['never below the 1 s minimum', 5 * 60_000, 100, 10_000, undefined, 1_000],
    ['a larger minimum step (min interval) wins', HOUR, 15_000, 1_000, 60_000, 60_000],
    ['odd Grafana intervals become whole seconds', HOUR, 14_500, 1_000, undefined, 15_000],
    ['sub-second steps only when allowed', 60_000, 200, 1_000, 100, 200],
    ['no maxDataPoints: interval only', DAY, 20_000, 0, undefined, 20_000],
    ['a year over 100 points: whole days', 365 * DAY, 60_000, 100, undefined, 4 * DAY],
  ])('%s', (_name, rangeMs, intervalMs, maxDataPoints, minStepMs, expected) => {
    expect(chooseStep(rangeMs, intervalMs, maxDataPoints, minStepMs)).toBe(expected);
  });
});

describe('niceStepAtLeast', () => {
  test.each([
    [1, 1],
    [250.5, 251],
    [1_000, 1_000],
    [1_001, 2_000],
    [16_000, 30_000],
    [61_000, 120_000],
    [86_400_001, 172_800_000],
  ])('%d ms → %d ms', (ms, expected) => {
    expect(niceStepAtLeast(ms)).toBe(expected);
  });
});
