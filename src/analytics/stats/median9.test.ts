/** @jest-environment node */
import { median9 } from './median9';

const sortedMedian = (xs: number[]): number => [...xs].sort((a, b) => a - b)[4];

describe('median9', () => {
  it('returns the 5th smallest of nine values', () => {
    expect(median9(9, 1, 8, 2, 7, 3, 6, 4, 5)).toBe(5);
    expect(median9(0, 0, 0, 0, 100, 100, 100, 100, 100)).toBe(100);
    expect(median9(-3, 7, 7, 7, -1, 2, 2, 50, -8)).toBe(2);
  });

  it('agrees with a full sort on every 0/1 input (0-1 principle) and on random values with ties', () => {
    for (let mask = 0; mask < 512; mask++) {
      const xs = Array.from({ length: 9 }, (_, i) => (mask >> i) & 1);
      expect(median9(...(xs as [number, number, number, number, number, number, number, number, number]))).toBe(
        sortedMedian(xs)
      );
    }
    let seed = 11;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
    for (let trial = 0; trial < 2000; trial++) {
      const xs = Array.from({ length: 9 }, () => Math.round(random() * 6) - 3 + (random() < 0.5 ? random() : 0));
      const [a, b, c, d, e, f, g, h, i] = xs;
      expect(median9(a, b, c, d, e, f, g, h, i)).toBe(sortedMedian(xs));
    }
  });
});
