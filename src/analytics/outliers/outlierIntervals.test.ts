import { outlierIntervals } from './outlierIntervals';

describe('outlierIntervals', () => {
  it.each([
    [[], []],
    [[0, 0], []],
    [[1, 1, 0, -1], [{ start: 0, end: 2 }, { start: 3, end: 4 }]],
    [[0, 1, -1, 0], [{ start: 1, end: 3 }]],
  ])('%j → %j', (outlying, expected) => {
    expect(outlierIntervals(Int8Array.from(outlying))).toEqual(expected);
  });
});
