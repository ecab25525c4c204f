/** @jest-environment node */
import { centeredMovingAverage } from './centeredMovingAverage';

/** The definition, summed window by window (the reference the running-sum version must match). */
function direct(values: Float64Array, window: number): Float64Array {
  const half = Math.floor(window / 2);
  return Float64Array.from(values, (_, t) => {
    let sum = 0;
    let weight = 0;
    for (let i = Math.max(0, t - half); i <= Math.min(values.length - 1, t + half); i++) {
      if (!Number.isNaN(values[i])) {
        const w = window % 2 === 0 && Math.abs(i - t) === half ? 0.5 : 1;
        sum += w * values[i];
        weight += w;
      }
    }
    return weight > 0 ? sum / weight : NaN;
  });
}

describe('centeredMovingAverage', () => {
  it('averages an odd window and truncates it at the ends', () => {
    expect(Array.from(centeredMovingAverage(Float64Array.from([1, 2, 3, 4, 5]), 3))).toEqual([1.5, 2, 3, 4, 4.5]);
  });

  it('gives the two outermost points of an even window half weight', () => {
    // t = 2, window 4: (0.5·1 + 2 + 3 + 4 + 0.5·5) / 4 = 3; t = 0: (1 + 2 + 0.5·3) / 2.5 = 1.8.
    const result = centeredMovingAverage(Float64Array.from([1, 2, 3, 4, 5, 6]), 4);
    expect(result[2]).toBeCloseTo(3, 12);
    expect(result[0]).toBeCloseTo(1.8, 12);
  });

  it('skips NaN gaps and is NaN only where the whole window is missing', () => {
    const result = centeredMovingAverage(Float64Array.from([NaN, NaN, NaN, NaN, 4, 6]), 3);
    expect(Number.isNaN(result[1])).toBe(true);
    expect(result[3]).toBe(4);
    expect(result[5]).toBe(5);
  });

  it('matches the window-by-window definition on a long series at a large level, with gaps', () => {
    const values = Float64Array.from({ length: 3000 }, (_, t) => (t % 97 === 5 ? NaN : 1e9 + 1000 * Math.sin(t / 40) + ((t * 7919) % 13)));
    for (const window of [1, 2, 7, 288, 1440]) {
      const fast = centeredMovingAverage(values, window);
      const reference = direct(values, window);
      // A one-point window over a gap has nothing to average: NaN in both.
      fast.forEach((value, t) => expect(Number.isNaN(reference[t]) ? Number.isNaN(value) : Math.abs(value - reference[t]) < 1e-5).toBe(true));
    }
  });

  it('rejects a window that is not a whole number of points', () => {
    expect(() => centeredMovingAverage(new Float64Array(3), 0)).toThrow('whole number of points');
    expect(() => centeredMovingAverage(new Float64Array(3), 2.5)).toThrow('whole number of points');
  });
});
