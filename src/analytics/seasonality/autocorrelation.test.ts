/** @jest-environment node */
import { autocorrelation } from './autocorrelation';

/** The definition summed lag by lag, for comparison with the spectral route. */
function direct(x: Float64Array, maxLag: number): Float64Array {
  const n = x.length;
  const variance = x.reduce((sum, v) => sum + v * v, 0) / n;
  return Float64Array.from({ length: maxLag + 1 }, (_, k) => {
    let sum = 0;
    for (let i = k; i < n; i++) {
      sum += x[i] * x[i - k];
    }
    return sum / (n - k) / variance;
  });
}

describe('autocorrelation', () => {
  it('is 1 at lag 0 and −1 at odd lags of an alternating series', () => {
    expect(Array.from(autocorrelation(Float64Array.from([1, -1, 1, -1]), 2))).toEqual([1, -1, 1]);
  });

  it('normalises each lag by its overlap, so a sine keeps r ≈ 1 at whole periods far out', () => {
    const x = Float64Array.from({ length: 400 }, (_, i) => Math.sin((2 * Math.PI * i) / 50));
    const acf = autocorrelation(x, 200);
    expect(acf[50]).toBeCloseTo(1, 1);
    expect(acf[200]).toBeCloseTo(1, 1);
    expect(acf[25]).toBeCloseTo(-1, 1);
  });

  it('gives the same r through the FFT as by direct sums on a long series', () => {
    // 5,000 points × 1,500 lags is past the direct-sum limit, so this takes the spectral route.
    const x = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i / 30) + Math.cos(i / 7.3) * 0.5 + ((i * 7919) % 101) / 101 - 0.5);
    const mean = x.reduce((sum, v) => sum + v, 0) / x.length;
    x.forEach((v, i) => (x[i] = v - mean));
    const fast = autocorrelation(x, 1500);
    const reference = direct(x, 1500);
    expect(fast.length).toBe(1501);
    fast.forEach((value, k) => expect(Math.abs(value - reference[k])).toBeLessThan(1e-9));
  });

  it('is all zeros for a zero series and stops at lag n − 1', () => {
    expect(Array.from(autocorrelation(new Float64Array(5), 3))).toEqual([0, 0, 0, 0]);
    expect(autocorrelation(Float64Array.from([1, -1, 1]), 10).length).toBe(3);
  });
});
