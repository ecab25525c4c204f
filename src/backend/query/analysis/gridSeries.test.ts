/** @jest-environment node */
import { findPeriods } from './compute';
import { gridTimestamps, lokiMissingMeansZero, toGrid } from './gridSeries';
import { anomalyWarmup } from './runAnalysis';

describe('gridSeries', () => {
  const series = { labels: { app: 'a' }, timestamps: Float64Array.of(120_000, 240_003, 300_000), values: Float64Array.of(1, 2, 3) };

  it('places samples on the step grid and leaves missing steps NaN', () => {
    expect(Array.from(gridTimestamps(60_000, 300_000, 60_000))).toEqual([60_000, 120_000, 180_000, 240_000, 300_000]);
    const grid = toGrid(series, 60_000, 60_000, 5);
    expect(Array.from(grid.values)).toEqual([NaN, 1, NaN, 2, 3]);
    expect(grid.firstSample).toBe(1);
  });

  it('fills missing steps with 0 for counts, but not before the series begins', () => {
    expect(Array.from(toGrid(series, 60_000, 60_000, 5, 0).values)).toEqual([NaN, 1, 0, 2, 3]);
  });

  it.each([
    ['sum by (app) (count_over_time({env="demo"}[5m]))', true],
    ['sum(rate({app="x"} |= "error" [1m]))', true],
    ['quantile_over_time(0.95, {app="x"} | json | unwrap latency [5m])', false],
    ['sum by (level) (bytes_rate({app="x"}[5m]))', true],
    ['avg_over_time({app="x"} | logfmt | unwrap took [1m])', false],
  ])('missing steps of %s mean zero: %s', (expr, zero) => {
    expect(lokiMissingMeansZero(expr)).toBe(zero);
  });
});

describe('anomalyWarmup', () => {
  it.each([
    [10_080, 5040], // 7 days at 1 minute: half for periods, half to calibrate scores
    [40_000, 8192], // capped where the detector stops looking for periods
    [400, 288], // short training: the detector's default
    [100, 100], // shorter still: all of it
    [0, 16], // no training: the minimum, and the first points of the range are unscored
  ])('%i training points → warm-up %i', (training, warmup) => {
    expect(anomalyWarmup(training)).toBe(warmup);
  });
});

describe('findPeriods', () => {
  /** Deterministic uniform noise in [−0.5, 0.5) (a linear congruential generator). */
  const noise = (seed: number) => () => ((seed = (seed * 1_664_525 + 1_013_904_223) % 4_294_967_296) / 4_294_967_296) - 0.5;
  const daily = (points: number, stepMs: number, next = noise(7)) =>
    Float64Array.from({ length: points }, (_, i) => 10 + 3 * Math.sin((2 * Math.PI * i * stepMs) / 86_400_000) + next());

  it.each([
    ['7 days at 1 minute', 10_080, 60_000, 1440],
    ['3 days at 5 minutes', 864, 300_000, 288],
    ['2 days at 30 seconds', 5760, 30_000, 2880],
  ])('finds the daily period of %s exactly', (_name, points, stepMs, period) => {
    expect(findPeriods(daily(points, stepMs), stepMs)).toEqual([period]);
  });

  it('finds day and week of 30-minute data exactly where block means of 5 would make the day 9.6 blocks', () => {
    const stepMs = 1_800_000;
    const next = noise(3);
    // 215 days of 30-minute data with a daily cycle and quieter weekends (NAB nyc_taxi's shape and length).
    const values = Float64Array.from({ length: 10_320 }, (_, i) => {
      const day = Math.floor(i / 48) % 7;
      const weekend = day >= 5 ? 0.6 : 1;
      return 10 + 4 * weekend * Math.sin((2 * Math.PI * i) / 48) + next();
    });
    expect(findPeriods(values, stepMs)).toEqual([48, 336]);
  });

  it('finds nothing in noise', () => {
    const next = noise(11);
    expect(findPeriods(Float64Array.from({ length: 5000 }, () => next()), 60_000)).toEqual([]);
  });
});
