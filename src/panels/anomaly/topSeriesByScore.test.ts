import { peakScore, topSeriesByScore } from './topSeriesByScore';

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

describe('topSeriesByScore', () => {
  const all = [s('a', [0.1]), s('b', [0.9]), s('c'), s('d', [0.5, 0.95]), s('e', [0.9])];

  test.each([
    [2, ['d', 'b']],
    [3, ['d', 'b', 'e']],
    [0, ['d', 'b', 'e', 'a', 'c']],
    [10, ['d', 'b', 'e', 'a', 'c']],
  ])('top %p', (n, names) => {
    expect(topSeriesByScore(all, n).map((x) => x.name)).toEqual(names);
  });
});
