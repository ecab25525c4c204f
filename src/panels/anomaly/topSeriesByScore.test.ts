import { peakScore, topSeriesByScore, totalScore } from './topSeriesByScore';

const s = (name: string, score?: Array<number | null>) => ({ name, score });

describe('peakScore', () => {
  test.each([
    [undefined, -1],
    [[], -1],
    [[NaN, null, NaN], -1],
    [[NaN, 0.2, 0.7, null, 0.5], 0.7],
  ])('%p → %p', (score, peak) => {
    expect(peakScore(s('x', score as Array<number | null> | undefined))).toBe(peak);
  });
});

describe('totalScore', () => {
  test.each([
    [undefined, 0],
    [[NaN, null], 0],
    [[0.5, NaN, 0.25], 0.75],
  ])('%p → %p', (score, total) => {
    expect(totalScore(s('x', score as Array<number | null> | undefined))).toBe(total);
  });
});

describe('topSeriesByScore', () => {
  // b and e tie on the peak; e has more anomaly overall. f ties b exactly and comes later in the query.
  const all = [s('a', [0.1]), s('b', [0.9]), s('c'), s('d', [0.5, 0.95]), s('e', [0.9, 0.4, NaN]), s('f', [0.9])];

  test.each([
    [2, ['d', 'e']],
    [3, ['d', 'e', 'b']],
    [0, ['d', 'e', 'b', 'f', 'a', 'c']],
    [10, ['d', 'e', 'b', 'f', 'a', 'c']],
  ])('top %p', (n, names) => {
    expect(topSeriesByScore(all, n).map((x) => x.name)).toEqual(names);
  });
});
