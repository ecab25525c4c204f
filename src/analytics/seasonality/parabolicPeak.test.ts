/** @jest-environment node */
import { parabolicPeak } from './parabolicPeak';

describe('parabolicPeak', () => {
  it('keeps a symmetric peak where it is', () => {
    expect(parabolicPeak(Float64Array.from([0, 3, 4, 3]), 2)).toEqual({ position: 2, height: 4 });
  });

  it('moves the vertex towards the higher neighbour', () => {
    // a = 2, b = 4, c = 3: δ = (2 − 3) / (2 · (2 − 8 + 3)) = 1/6, height 4 + 1/24.
    const peak = parabolicPeak(Float64Array.from([0, 2, 4, 3]), 2);
    expect(peak.position).toBeCloseTo(2 + 1 / 6, 12);
    expect(peak.height).toBeCloseTo(4 + 1 / 24, 12);
  });

  it('recovers the fractional period of a sampled cosine peak', () => {
    const period = 47.6;
    const acf = Float64Array.from({ length: 60 }, (_, k) => Math.cos((2 * Math.PI * k) / period));
    expect(parabolicPeak(acf, 48).position).toBeCloseTo(period, 1);
  });

  it('returns the sample itself at an end or on a flat top', () => {
    expect(parabolicPeak(Float64Array.from([5, 3]), 0)).toEqual({ position: 0, height: 5 });
    expect(parabolicPeak(Float64Array.from([1, 1, 1]), 1)).toEqual({ position: 1, height: 1 });
  });
});
