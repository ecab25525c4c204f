const HOUR_MS = 3_600_000;

/** The clock cycles monitoring data repeats on: an hour, a day, a week. */
export const CALENDAR_CYCLES_MS: readonly number[] = [HOUR_MS, 24 * HOUR_MS, 7 * 24 * HOUR_MS];

/**
 * The calendar cycles (hour, day, week) as whole numbers of samples at a sampling step, shortest first.
 * A cycle is left out when it is not within 1 % of a whole number of steps (a 7-minute step has no
 * exact hour) or shorter than two steps.
 *
 * @param stepMs sampling step in milliseconds; no cycles when it is not a positive number
 * @example
 * calendarPeriods(1_800_000); // [2, 48, 336]
 * calendarPeriods(60_000); // [60, 1440, 10080]
 */
export function calendarPeriods(stepMs: number | undefined): number[] {
  if (stepMs === undefined || !(stepMs > 0)) {
    return [];
  }
  const periods: number[] = [];
  for (const cycleMs of CALENDAR_CYCLES_MS) {
    const exact = cycleMs / stepMs;
    const whole = Math.round(exact);
    if (whole >= 2 && Math.abs(exact - whole) <= 0.01 * whole) {
      periods.push(whole);
    }
  }
  return periods;
}
