import { CALENDAR_CYCLES_MS } from './calendarPeriods';

/**
 * How many samples to average into one block before searching a long series for periods, so that the
 * search sees at most about `maxPoints` blocks and the calendar cycles stay whole numbers of blocks.
 *
 * Averaging blocks of b samples cuts the autocorrelation search by b² (b times fewer points, b times
 * fewer lags) but a period can then only be found as a whole number of blocks. With 30-minute data a
 * block of 5 makes the day 9.6 blocks: it is found as 10 (50 samples, a 25-hour "day"). So the block is
 * the largest size up to points / maxPoints that divides the longest calendar cycle the data can show
 * (a week, else a day, else an hour: whichever fits twice) and every shorter calendar cycle that is
 * itself a whole number of steps; 1 when nothing divides.
 *
 * @param points samples in the series
 * @param stepMs sampling step in ms
 * @param maxPoints blocks the search may see; at least 1
 * @example
 * periodSearchBlock(10_441, 60_000, 2048); // 5 (the day is 288 blocks of 5 minutes)
 * periodSearchBlock(10_320, 1_800_000, 2048); // 4, not 5 (the day is 12 blocks of 2 hours)
 */
export function periodSearchBlock(points: number, stepMs: number, maxPoints: number): number {
  const largest = Math.max(1, Math.floor(points / Math.max(1, maxPoints)));
  if (largest === 1 || !(stepMs > 0)) {
    return 1;
  }
  // Calendar cycles in whole samples that the data can show twice; the hour only when it is ≥ 4
  // blocks, the shortest period the search looks for.
  const cycles = CALENDAR_CYCLES_MS.map((cycleMs) => cycleMs / stepMs).filter((samples) => Number.isInteger(samples) && 2 * samples <= points);
  if (cycles.length === 0) {
    return largest;
  }
  for (let block = largest; block > 1; block--) {
    if (cycles.every((samples) => samples % block === 0 || samples < 4 * block)) {
      return block;
    }
  }
  return 1;
}
