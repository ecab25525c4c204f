/** @jest-environment node */
import { splitRange } from './splitRange';

describe('splitRange', () => {
  test.each([
    ['fits in one call', 0, 100_000, 10_000, 11, [[0, 100_000]]],
    [
      'one point more than fits',
      0,
      110_000,
      10_000,
      11,
      [
        [0, 100_000],
        [110_000, 110_000],
      ],
    ],
    [
      'two points per call',
      0,
      30_000,
      10_000,
      2,
      [
        [0, 10_000],
        [20_000, 30_000],
      ],
    ],
    [
      'end off the grid is not passed',
      0,
      35_000,
      10_000,
      2,
      [
        [0, 10_000],
        [20_000, 30_000],
      ],
    ],
    ['a single instant', 5_000, 5_000, 1_000, 11_000, [[5_000, 5_000]]],
  ])('%s', (_name, start, end, step, maxPoints, expected) => {
    expect(splitRange(start, end, step, maxPoints).map((r) => [r.startMs, r.endMs])).toEqual(expected);
  });

  test('a maximum span also cuts calls', () => {
    const day = 86_400_000;
    const ranges = splitRange(0, 70 * day, 3_600_000, 11_000, 30 * day);
    expect(ranges.map((r) => [r.startMs / day, r.endMs / day])).toEqual([
      [0, 30],
      [30 + 1 / 24, 60 + 1 / 24],
      [60 + 2 / 24, 70],
    ]);
  });

  test('a day at 1 s needs 8 calls of at most 11,000 points', () => {
    const ranges = splitRange(0, 86_400_000, 1_000);
    expect(ranges).toHaveLength(8);
    expect(ranges.every((r) => (r.endMs - r.startMs) / 1_000 + 1 <= 11_000)).toBe(true);
    expect(ranges.reduce((sum, r) => sum + (r.endMs - r.startMs) / 1_000 + 1, 0)).toBe(86_401);
  });

  test('empty when the range ends before it starts; refuses a zero step', () => {
    expect(splitRange(10, 0, 1)).toEqual([]);
    expect(() => splitRange(0, 10, 0)).toThrow('positive step');
  });
});
