/** @jest-environment node */
import { periodSearchBlock } from './periodSearchBlock';

describe('periodSearchBlock', () => {
  it.each([
    // points, step, max points → block: the calendar cycles that fit stay whole numbers of blocks
    [10_441, 60_000, 2048, 5], // day 1,440 = 288 × 5
    [10_320, 1_800_000, 2048, 4], // 5 would make the day 9.6 blocks; 4 makes it 12
    [40_320, 60_000, 2048, 18], // four weeks at 1 minute: 19 does not divide 1,440, 18 does (and 10,080)
    [4_032, 300_000, 2048, 1], // fewer than 2 × 2,048 points: no blocks
    [2_000, 60_000, 2048, 1], // short series: no blocks
  ])('%d points at %d ms, at most %d blocks → %d', (points, stepMs, maxPoints, expected) => {
    expect(periodSearchBlock(points, stepMs, maxPoints)).toBe(expected);
  });

  it('keeps the naive block when no calendar cycle is a whole number of steps', () => {
    // 7-second steps: an hour is 514.3 steps, a day 12,342.9; nothing to keep whole.
    expect(periodSearchBlock(100_000, 7_000, 2048)).toBe(48);
  });
});
