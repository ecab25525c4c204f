/** @jest-environment node */
import { dampedHolt } from './dampedHolt';
import { levelPlusAr1 } from './levelPlusAr1';
import { linearTrend } from './linearTrend';
import { regularizeSeries } from './regularizeSeries';
import { seasonalNaive } from './seasonalNaive';
import { seasonalAdjustment } from './seasonalAdjustment';
import { fillGapsSeasonally } from './fillGapsSeasonally';
import { mstlDecompose } from '../decompose/mstlDecompose';
import { centeredMovingAverage } from '../decompose/centeredMovingAverage';

describe('seasonalNaive', () => {
  it('repeats the last season and widens by whole seasons ahead', () => {
    const result = seasonalNaive(Float64Array.from([1, 2, 3, 2, 3, 4]), 4, 3);
    expect(Array.from(result.point)).toEqual([2, 3, 4, 2]);
    // Seasonal differences are all 1: σ = 1, then √2 in the second season.
    expect(result.standardDeviation[0]).toBeCloseTo(1);
    expect(result.standardDeviation[3]).toBeCloseTo(Math.SQRT2);
  });
  it('refuses fewer than two seasons', () => {
    expect(() => seasonalNaive(Float64Array.from([1, 2, 3]), 2, 2)).toThrow(/at least 4 points/);
  });
});

describe('linearTrend', () => {
  it('extends an exact line with zero-width error', () => {
    const result = linearTrend(Float64Array.from([1, 3, 5, 7]), 2);
    expect(Array.from(result.point)).toEqual([9, 11]);
    expect(result.standardDeviation[1]).toBeCloseTo(0);
  });
  it('widens the interval further out', () => {
    const result = linearTrend(Float64Array.from([1, 3.5, 4.5, 7, 9.2, 10.8]), 5);
    expect(result.standardDeviation[4]).toBeGreaterThan(result.standardDeviation[0]);
  });
});

describe('dampedHolt', () => {
  it('keeps a constant series constant', () => {
    const result = dampedHolt(new Float64Array(20).fill(7), 3);
    result.point.forEach((value) => expect(value).toBeCloseTo(7));
  });
  it('follows a clean trend for the first steps', () => {
    const result = dampedHolt(
      Float64Array.from({ length: 30 }, (_, t) => 10 + 2 * t),
      2
    );
    expect(result.point[0]).toBeCloseTo(70, 0);
    expect(result.standardDeviation[1]).toBeGreaterThanOrEqual(result.standardDeviation[0]);
  });
});

describe('levelPlusAr1', () => {
  it('lets a last-step burst decay back to the level', () => {
    // A slowly wandering level around 10, then a jump to 14 at the very last point.
    const values = Float64Array.from({ length: 40 }, (_, t) => 10 + 0.5 * Math.sin(t / 3));
    values[39] = 14;
    const result = levelPlusAr1(values, 20, 40);
    expect(result.point[0]).toBeGreaterThan(11);
    expect(result.point[19]).toBeLessThan(result.point[0]);
    expect(Math.abs(result.point[19] - 10)).toBeLessThan(1);
  });
});

describe('regularizeSeries', () => {
  it('sorts, and fills a NaN and missing timestamps by linear interpolation', () => {
    const result = regularizeSeries(Float64Array.from([4, 1, NaN, 5]), Float64Array.from([4000, 0, 1000, 5000]));
    expect(result.stepMs).toBe(1000);
    expect(Array.from(result.values)).toEqual([1, 1.75, 2.5, 3.25, 4, 5]);
    expect(result.filledPoints).toBe(3);
  });
  it('stitches a counter reset but leaves a gauge that goes down alone', () => {
    const counter = Float64Array.from({ length: 30 }, (_, t) => (t < 20 ? 100 + 10 * t : 2 + 10 * (t - 20)));
    const times = Float64Array.from({ length: 30 }, (_, t) => t * 1000);
    const stitched = regularizeSeries(counter, times);
    expect(stitched.counterResets).toBe(1);
    expect(stitched.values[20]).toBe(290 + 2);
    const gauge = Float64Array.from({ length: 30 }, (_, t) => 50 + 10 * Math.sin(t));
    expect(regularizeSeries(gauge, times).counterResets).toBe(0);
  });
});

describe('seasonalAdjustment', () => {
  const day = [0, 4, 0, -4];
  const week = (t: number) => (Math.floor(t / 4) % 3 === 0 ? 3 : -1.5);
  const pattern = (t: number) => 20 + day[t % 4] + week(t);

  it('recovers two additive seasonal profiles', () => {
    const result = seasonalAdjustment(
      Float64Array.from({ length: 120 }, (_, t) => pattern(t)),
      [12, 4]
    );
    expect(result.periods).toEqual([4, 12]);
    // Their sum is the pattern exactly, so the adjusted series is flat; how the 4- and 12-point
    // profiles share a 4-periodic part is not identifiable (4 divides 12), so each is only close.
    result.seasonallyAdjusted.forEach((value) => expect(value).toBeCloseTo(20, 6));
    result.profiles[0].forEach((value, phase) => expect(Math.abs(value - day[phase])).toBeLessThan(0.1));
  });

  it('keeps filled-in points out of the profiles', () => {
    // Six points missing and filled by a straight line, as regularizeSeries does.
    const times = Float64Array.from({ length: 120 }, (_, t) => t * 1000);
    const series = regularizeSeries(
      Float64Array.from(times, (_, t) => (t >= 50 && t < 56 ? NaN : pattern(t))),
      times
    );
    const worstAdjusted = (observed?: Uint8Array) => {
      const result = seasonalAdjustment(series.values, [4, 12], observed);
      return Math.max(
        ...Array.from(result.seasonallyAdjusted).map((value, t) => (series.observed[t] ? Math.abs(value - 20) : 0))
      );
    };
    // Counting the straight line as data bends the profiles by about 0.43; left out, about 0.10.
    expect(worstAdjusted(series.observed)).toBeLessThan(0.15);
    expect(worstAdjusted()).toBeGreaterThan(0.3);
  });
});

describe('fillGapsSeasonally', () => {
  it('fills a gap of more than a cycle along the pattern, where a straight line would flatten it', () => {
    const truth = (t: number) => 100 + 20 * Math.sin((2 * Math.PI * t) / 24);
    const times = Float64Array.from({ length: 24 * 14 }, (_, t) => t * 3_600_000);
    const raw = Float64Array.from(times, (_, t) => (t >= 200 && t < 230 ? NaN : truth(t)));
    const series = regularizeSeries(raw, times);
    // The linear fill misses the cycle by up to its amplitude…
    expect(
      Math.max(...Array.from({ length: 30 }, (_, k) => Math.abs(series.values[200 + k] - truth(200 + k))))
    ).toBeGreaterThan(15);
    // …the seasonal fill follows it.
    const filled = fillGapsSeasonally(series.values, series.observed, [24]);
    for (let t = 200; t < 230; t++) {
      expect(Math.abs(filled[t] - truth(t))).toBeLessThan(0.1);
    }
    expect(filled[199]).toBe(raw[199]);
  });
});

describe('mstlDecompose', () => {
  it('recovers two additive seasonal profiles', () => {
    const day = [0, 4, 0, -4];
    const week = (t: number) => (Math.floor(t / 4) % 3 === 0 ? 3 : -1.5);
    const values = Float64Array.from({ length: 120 }, (_, t) => 20 + day[t % 4] + week(t));
    const result = mstlDecompose(values, [4, 12]);
    expect(result.periods).toEqual([4, 12]);
    result.profiles[0].forEach((value, phase) => expect(value).toBeCloseTo(day[phase], 6));
    result.remainder.forEach((value) => expect(Math.abs(value)).toBeLessThan(1e-6));
  });
  it('drops periods that do not fit twice', () => {
    expect(mstlDecompose(new Float64Array(30).fill(1), [4, 20]).periods).toEqual([4]);
  });
});

describe('centeredMovingAverage', () => {
  it('averages centred windows and truncates them at the ends', () => {
    expect(Array.from(centeredMovingAverage(Float64Array.from([1, 2, 3, 4, 5]), 3))).toEqual([1.5, 2, 3, 4, 4.5]);
  });
});
