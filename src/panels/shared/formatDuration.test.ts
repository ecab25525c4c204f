import { formatDuration } from './formatDuration';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('formatDuration', () => {
  test.each([
    [0, '0 s'],
    [45 * s, '45 s'],
    [59.6 * s, '1 min'],
    [min, '1 min'],
    [12 * min + 20 * s, '12 min'],
    [h, '1 h'],
    [2 * h + 5 * min, '2 h 5 min'],
    [23 * h + 59 * min + 40 * s, '1 d'],
    [3 * d + 4 * h, '3 d 4 h'],
    [3 * d + 4 * h + 40 * min, '3 d 5 h'],
    [2 * d, '2 d'],
    [-90 * min, '−1 h 30 min'],
    [NaN, '–'],
  ])('%p ms → %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
