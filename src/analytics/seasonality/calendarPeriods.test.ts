/** @jest-environment node */
import { calendarPeriods } from './calendarPeriods';

describe('calendarPeriods', () => {
  it.each([
    [60_000, [60, 1440, 10080]],
    [300_000, [12, 288, 2016]],
    [1_800_000, [2, 48, 336]],
    [3_600_000, [24, 168]],
    [86_400_000, [7]],
  ])('step %d ms → %j samples', (stepMs, expected) => {
    expect(calendarPeriods(stepMs)).toEqual(expected);
  });

  it('leaves out cycles that are no whole number of steps, and has none without a step', () => {
    // 7 minutes: an hour is 8.57 steps (out), a day 205.7 (206 is within 1 %), a week exactly 1,440.
    expect(calendarPeriods(420_000)).toEqual([206, 1440]);
    expect(calendarPeriods(undefined)).toEqual([]);
    expect(calendarPeriods(0)).toEqual([]);
  });
});
