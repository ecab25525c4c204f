/** @jest-environment node */
import { mstlDecompose } from './mstlDecompose';

/** Deterministic noise of standard deviation 1, near normal (sum of uniforms from a linear congruential generator). */
function noise(seed: number): () => number {
  let state = seed;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  // Four uniforms have variance 4/12; scaled to a standard deviation of 1.
  return () => (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
}

function rootMeanSquare(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    sum += (a[i] - b[i]) ** 2;
  }
  return Math.sqrt(sum / a.length);
}

describe('mstlDecompose', () => {
  it('recovers a trend, a daily and a weekly profile from noisy 30-minute data', () => {
    const day = 48;
    const week = 336;
    const n = 4 * week;
    const random = noise(7);
    const trend = Float64Array.from({ length: n }, (_, t) => 100 + 0.02 * t);
    const daily = Float64Array.from({ length: n }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / day));
    const weekly = Float64Array.from({ length: n }, (_, t) => (Math.floor(t / day) % 7 >= 5 ? -6 : 6 * (2 / 5)));
    const noiseLevel = 0.6;
    const values = Float64Array.from({ length: n }, (_, t) => trend[t] + daily[t] + weekly[t] + noiseLevel * random());
    const result = mstlDecompose(values, [week, day]);
    expect(result.periods).toEqual([day, week]);
    // Each component within a fraction of the noise (sd ≈ 0.6) of the truth; the weekly truth has mean 0.
    expect(rootMeanSquare(result.seasonal[0], daily)).toBeLessThan(0.3);
    expect(rootMeanSquare(result.seasonal[1], weekly)).toBeLessThan(0.5);
    expect(rootMeanSquare(result.trend, trend)).toBeLessThan(0.2);
    // What is left is the noise, not structure: about its size and without a daily rhythm.
    const remainderSize = Math.sqrt(result.remainder.reduce((sum, r) => sum + r * r, 0) / n);
    expect(remainderSize).toBeGreaterThan(0.4);
    expect(remainderSize).toBeLessThan(0.8);
    for (let t = 0; t < n; t++) {
      expect(result.trend[t] + result.seasonal[0][t] + result.seasonal[1][t] + result.remainder[t]).toBeCloseTo(values[t], 9);
    }
  });

  it('has a trend and a remainder only when no period is given', () => {
    const values = Float64Array.from({ length: 200 }, (_, t) => 5 + 0.5 * t);
    const result = mstlDecompose(values, []);
    expect(result.seasonal).toEqual([]);
    expect(rootMeanSquare(result.trend, values)).toBeLessThan(1e-9);
  });
});
