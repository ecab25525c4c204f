/** @jest-environment node */
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
