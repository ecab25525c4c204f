/** Seasonality: which periods a series repeats on, from its autocorrelation. */
export { detectPeriods } from './detectPeriods';
export type { DetectPeriodsOptions } from './detectPeriods';
export { autocorrelation } from './autocorrelation';
export { calendarPeriods, CALENDAR_CYCLES_MS } from './calendarPeriods';
export { parabolicPeak } from './parabolicPeak';
export { periodSearchBlock } from './periodSearchBlock';
export type { RefinedPeak } from './parabolicPeak';
