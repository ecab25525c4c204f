import type { OutlierInterval } from './types';

/**
 * The runs of consecutive outlying timestamps of one series, as [start, end) index ranges, so a UI or a
 * notice can say "outlying from 10:05 to 10:40" instead of listing points.
 *
 * @example
 * outlierIntervals(Int8Array.of(0, 1, 1, 0, -1)) // [{ start: 1, end: 3 }, { start: 4, end: 5 }]
 */
export function outlierIntervals(outlying: Int8Array): OutlierInterval[] {
  const intervals: OutlierInterval[] = [];
  let start = -1;
  for (let t = 0; t <= outlying.length; t++) {
    const on = t < outlying.length && outlying[t] !== 0;
    if (on && start < 0) {
      start = t;
    } else if (!on && start >= 0) {
      intervals.push({ start, end: t });
      start = -1;
    }
  }
  return intervals;
}
