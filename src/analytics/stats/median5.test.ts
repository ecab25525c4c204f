/** @jest-environment node */
import { median5 } from './median5';

const sortedMedian = (xs: number[]): number => [...xs].sort((a, b) => a - b)[2];

describe('median5', () => {
  it('returns the 3rd smallest of five values', () => {
    expect(median5(9, 1, 5, 2, 7)).toBe(5);
    expect(median5(100, 100, 0, 0, 0)).toBe(0);
    expect(median5(-1, 4, 4, -8, 3)).toBe(3);
  });

  it('agrees with a full sort on every 0/1 input and on random values with ties', () => {
    for (let mask = 0; mask < 32; mask++) {
      const xs = Array.from({ length: 5 }, (_, i) => (mask >> i) & 1);
      const [a, b, c, d, e] = xs;
      expect(median5(a, b, c, d, e)).toBe(sortedMedian(xs));
    }
    let seed = 5;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
    for (let trial = 0; trial < 2000; trial++) {
      const xs = Array.from({ length: 5 }, () => Math.round(random() * 4) - 2 + (random() < 0.5 ? random() : 0));
      const [a, b, c, d, e] = xs;
      expect(median5(a, b, c, d, e)).toBe(sortedMedian(xs));
    }
  });
});
