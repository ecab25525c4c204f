/** @jest-environment node */
import { BlockSortedWindow } from './blockSortedWindow';

function reference(values: number[]): { median: number; mad: number; meanAbsDev: number } {
  const s = [...values].sort((a, b) => a - b);
  const med = (xs: number[]): number => {
    const m = xs.length >> 1;
    return xs.length & 1 ? xs[m] : 0.5 * (xs[m - 1] + xs[m]);
  };
  const center = med(s);
  const dev = s.map((x) => Math.abs(x - center)).sort((a, b) => a - b);
  return { median: center, mad: med(dev), meanAbsDev: dev.reduce((a, b) => a + b, 0) / dev.length };
}

describe('BlockSortedWindow', () => {
  it('matches the hand-checked example', () => {
    const w = new BlockSortedWindow(4, 2);
    expect(w.push(1)).toBe(false);
    expect(w.push(5)).toBe(true);
    expect(w.median).toBe(3);
    w.push(2);
    w.push(10);
    expect(w.median).toBe(3.5);
    w.push(4);
    w.push(6);
    // window [2, 10, 4, 6]: median 5, |x − 5| = 3, 5, 1, 1 → MAD 2, mean 2.5
    expect([w.median, w.mad, w.meanAbsDev, w.size]).toEqual([5, 2, 2.5, 4]);
  });

  it('equals a sorted copy of the last values at every refresh, with ties and NaN skipped', () => {
    let seed = 3;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const [capacity, block] of [
      [64, 8],
      [64, 16],
      [9, 3],
      [5, 5],
    ]) {
      const w = new BlockSortedWindow(capacity, block);
      const kept: number[] = [];
      for (let i = 0; i < 2000; i++) {
        // quantised values (many ties), NaN now and then
        const v = i % 37 === 0 ? NaN : Math.round(random() * 6) / 2;
        const refreshed = w.push(v);
        if (Number.isFinite(v)) {
          kept.push(v);
        }
        if (refreshed) {
          const ref = reference(kept.slice(-capacity));
          expect(w.size).toBe(Math.min(kept.length, capacity));
          expect(w.median).toBe(ref.median);
          expect(w.mad).toBe(ref.mad);
          expect(w.meanAbsDev).toBeCloseTo(ref.meanAbsDev, 12);
        }
      }
    }
  });
});

describe('BlockSortedWindow.record', () => {
  it('keeps the same window when values are only recorded, and sorts it once on the next push', () => {
    const a = new BlockSortedWindow(16, 4);
    const b = new BlockSortedWindow(16, 4);
    const values = Array.from({ length: 50 }, (_, i) => (i * 7919) % 23);
    for (let i = 0; i < 37; i++) {
      a.push(values[i]);
      if (i < 10) {
        b.push(values[i]);
      } else {
        b.record(values[i]);
      }
    }
    expect(b.isStale).toBe(true);
    b.rebuild();
    const ref = reference(values.slice(37 - 16, 37));
    expect([b.median, b.mad, b.size]).toEqual([ref.median, ref.mad, 16]);
    expect(b.meanAbsDev).toBeCloseTo(ref.meanAbsDev, 12);
    // pushing goes on from the rebuilt window: at each refresh it is the last 16 values again
    let refreshes = 0;
    for (let i = 37; i < 50; i++) {
      a.push(values[i]);
      if (b.push(values[i])) {
        refreshes++;
        expect(b.median).toBe(reference(values.slice(i + 1 - 16, i + 1)).median);
      }
    }
    expect(refreshes).toBe(3);
  });
});
