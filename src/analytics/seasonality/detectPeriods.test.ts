/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';

import { detectPeriods } from './detectPeriods';

/** Deterministic noise with standard deviation 1 (mulberry32 uniforms, four summed). */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
}

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function series(length: number, valueAt: (i: number) => number): Float64Array {
  return Float64Array.from({ length }, (_, i) => valueAt(i));
}

describe('detectPeriods on synthetic series', () => {
  it.each([
    [1, 7, 1440],
    [5, 14, 288],
    [30, 14, 48],
  ])('finds the daily cycle of %d-minute data over %d days exactly (%d points)', (minutes, days, expected) => {
    const stepMs = minutes * MINUTE;
    const perDay = DAY / stepMs;
    const random = noise(minutes);
    const values = series(perDay * days, (i) => 10 + 3 * Math.sin((2 * Math.PI * i) / perDay) + random());
    expect(detectPeriods(values, { stepMs })).toEqual([expected]);
  });

  it('finds the day, not a multiple of a short ripple near it, at 1-minute data', () => {
    // A 43.6-minute ripple puts ACF peaks at 1,308 and 1,352 that reach 80 % of the daily peak; a
    // "shortest strong peak" rule reported 1,309 here.
    const random = noise(7);
    const values = series(1440 * 7, (i) => 3 * Math.sin((2 * Math.PI * i) / 1440) + Math.sin((2 * Math.PI * i) / 43.6) + 0.5 * random());
    expect(detectPeriods(values, { stepMs: MINUTE })).toEqual([1440]);
    // Without the step the harmonic test alone still rejects the ripple's far multiples; the best peak
    // is then the ripple's multiple closest to the day (33 × 43.6 = 1,439), within 1 % of it.
    const [withoutStep, ...rest] = detectPeriods(values);
    expect(Math.abs(withoutStep - 1440)).toBeLessThanOrEqual(14);
    expect(rest).toEqual([]);
  });

  it('finds day and week together when weekends differ', () => {
    const random = noise(2);
    const values = series(336 * 6, (i) => {
      const weekend = Math.floor(i / 48) % 7 >= 5;
      return (weekend ? 4 : 10) * (1 + Math.sin((2 * Math.PI * i) / 48)) + random();
    });
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48, 336]);
  });

  it('adds no multiple of the day that a slower ripple happens to line up with better', () => {
    // A 100-minute ripple is 0.4 cycles off after one day but only 0.2 after three: r(3 days) beats
    // r(1 day) and r(2 days), yet three days is no period of the data.
    const random = noise(10);
    const values = series(1440 * 7, (i) => 3 * Math.sin((2 * Math.PI * i) / 1440) + 1.5 * Math.sin((2 * Math.PI * i) / 100) + 0.5 * random());
    expect(detectPeriods(values, { stepMs: MINUTE })).toEqual([1440]);
  });

  it('adds the week when weekends only swing less, and no week when every day is alike', () => {
    // r is ≈ 0.97 at every whole day and 0.995 at the week: a small gain, but it removes most of what
    // the day leaves unexplained.
    const random = noise(9);
    const weaker = series(336 * 8, (i) => 100 + (Math.floor(i / 48) % 7 >= 5 ? 0.7 : 1) * 20 * Math.sin((2 * Math.PI * i) / 48) + random());
    expect(detectPeriods(weaker, { stepMs: HALF_HOUR })).toEqual([48, 336]);
    const alike = series(336 * 8, (i) => 100 + 20 * Math.sin((2 * Math.PI * i) / 48) + random());
    expect(detectPeriods(alike, { stepMs: HALF_HOUR })).toEqual([48]);
  });

  it('keeps the day under the week when weekends are almost idle', () => {
    // Office traffic: the week correlates far better than the day, yet every whole day is still a peak.
    const random = noise(6);
    const values = series(336 * 6, (i) => {
      const weekend = Math.floor(i / 48) % 7 >= 5;
      return (weekend ? 0.5 : 10) * Math.max(0, Math.sin((2 * Math.PI * (i - 12)) / 48)) + 0.5 * random();
    });
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48, 336]);
  });

  it('finds an hour and the day above it', () => {
    const random = noise(8);
    const values = series(1440 * 7, (i) => Math.sin((2 * Math.PI * i) / 1440) + 2 * Math.sin((2 * Math.PI * i) / 60) + 0.5 * random());
    expect(detectPeriods(values, { stepMs: MINUTE })).toEqual([60, 1440]);
    expect(detectPeriods(values, { stepMs: MINUTE, maxPeriods: 1 })).toEqual([60]);
  });

  it('snaps a near miss to the calendar period when the step is known', () => {
    // A cycle of 47.6 points peaks at lag 48 or 47; with a 30-minute step the day (48) wins.
    const values = series(48 * 10, (i) => Math.sin((2 * Math.PI * i) / 47.6));
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48]);
  });

  it('reports a non-calendar period as the nearest whole number of points', () => {
    const random = noise(4);
    const values = series(1000, (i) => Math.sin((2 * Math.PI * i) / 37.3) + 0.3 * random());
    expect(detectPeriods(values, { stepMs: MINUTE })).toEqual([37]);
  });

  it('returns no period for noise, a constant, a trend with noise or too little data', () => {
    const random = noise(3);
    expect(detectPeriods(series(1000, random))).toEqual([]);
    expect(detectPeriods(series(64, random))).toEqual([]);
    expect(detectPeriods(new Float64Array(500).fill(3))).toEqual([]);
    expect(detectPeriods(series(500, (i) => i * 0.1))).toEqual([]);
    expect(detectPeriods(series(2000, (i) => 0.05 * i + random()), { stepMs: 5 * MINUTE })).toEqual([]);
    // A curved trend leaves a bowl after the straight line is removed: still no period, not the day.
    expect(detectPeriods(series(2000, (i) => 1e-5 * i * i + random()), { stepMs: 5 * MINUTE })).toEqual([]);
    expect(detectPeriods(Float64Array.from([1, 2, 1]))).toEqual([]);
  });

  it('tolerates scattered gaps and a missing hour (NaN)', () => {
    const random = noise(14);
    const values = series(288 * 10, (i) => (i % 17 === 0 || (i > 500 && i < 560) ? NaN : 3 * Math.sin((2 * Math.PI * i) / 288) + random()));
    expect(detectPeriods(values, { stepMs: 5 * MINUTE })).toEqual([288]);
  });
});

/** Benchmark data lives next to the repository: <repo>/../shared/data (see its README.md). */
const dataDir = path.resolve(__dirname, '../../../../shared/data');
const haveData = fs.existsSync(dataDir);
const withData = haveData ? it : it.skip;
const skipNote = haveData ? '' : ` (skipped: benchmark data not found at ${path.relative(process.cwd(), dataDir)})`;

/** The second column of a CSV file with one header row. */
function csvValues(relativePath: string): Float64Array {
  const rows = fs.readFileSync(path.join(dataDir, relativePath), 'utf8').trim().split('\n').slice(1);
  return Float64Array.from(rows, (row) => Number(row.split(',')[1]));
}

describe('detectPeriods on real series', () => {
  withData(`finds the day (48) and the week (336) of NAB nyc_taxi, 30-minute taxi passengers${skipNote}`, () => {
    const values = csvValues('nab/data/realKnownCause/nyc_taxi.csv');
    expect(detectPeriods(values, { stepMs: HALF_HOUR, maxPeriod: 400 })).toEqual([48, 336]);
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48, 336]);
    // Three weeks are enough.
    expect(detectPeriods(values.subarray(0, 3 * 336), { stepMs: HALF_HOUR })).toEqual([48, 336]);
  });

  withData(`finds the day (24) and the week (168) of PJM hourly load${skipNote}`, () => {
    const values = csvValues('forecast/PJM_Load_hourly.csv');
    expect(detectPeriods(values, { stepMs: HOUR, maxPeriod: 200 })).toEqual([24, 168]);
    expect(detectPeriods(values.subarray(0, 8 * 168), { stepMs: HOUR })).toEqual([24, 168]);
  });

  withData(`finds the day (288) of NAB's 5-minute daily series and nothing in its noise${skipNote}`, () => {
    for (const file of ['art_daily_no_noise', 'art_daily_small_noise', 'art_daily_perfect_square_wave']) {
      expect(detectPeriods(csvValues(`nab/data/artificialNoAnomaly/${file}.csv`), { stepMs: 5 * MINUTE })).toEqual([288]);
    }
    expect(detectPeriods(csvValues('nab/data/artificialNoAnomaly/art_noisy.csv'), { stepMs: 5 * MINUTE })).toEqual([]);
    expect(detectPeriods(csvValues('nab/data/artificialNoAnomaly/art_flatline.csv'), { stepMs: 5 * MINUTE })).toEqual([]);
  });
});
