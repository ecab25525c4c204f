/** @jest-environment node */
import { createRollingQuantile } from './rollingQuantile';

function sortedCopy(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
function median(values: number[]): number {
  const s = sortedCopy(values);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

describe('createRollingQuantile', () => {
  it('keeps only the last `capacity` values', () => {
    const w = createRollingQuantile(3);
    [1, 5, 2, 10].forEach((v) => w.push(v));
    expect(w.size()).toBe(3);
    expect(w.median()).toBe(5);
    expect(w.mad()).toBe(3); // |5-5|, |2-5|, |10-5| → median(0, 3, 5)
    expect(w.quantile(0)).toBe(2);
    expect(w.quantile(1)).toBe(10);
    expect(w.quantile(0.25)).toBe(3.5);
  });

  it('is empty (NaN) before the first value and ignores NaN / Infinity', () => {
    const w = createRollingQuantile(4);
    expect(w.median()).toBeNaN();
    expect(w.mad()).toBeNaN();
    w.push(NaN);
    w.push(Infinity);
    expect(w.size()).toBe(0);
    w.push(7);
    expect(w.median()).toBe(7);
    expect(w.mad()).toBe(0);
  });

  it('matches a brute-force median and MAD on random streams with ties', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const capacity of [1, 2, 5, 16, 33]) {
      const w = createRollingQuantile(capacity);
      const history: number[] = [];
      for (let t = 0; t < 300; t++) {
        const v = Math.round(random() * 20) * (random() < 0.1 ? 10 : 1);
        w.push(v);
        history.push(v);
        const window = history.slice(-capacity);
        const m = median(window);
        expect(w.median()).toBe(m);
        expect(w.mad()).toBe(median(window.map((x) => Math.abs(x - m))));
      }
    }
  });

  it('rejects a non-positive capacity', () => {
    expect(() => createRollingQuantile(0)).toThrow('positive integer');
  });
});
