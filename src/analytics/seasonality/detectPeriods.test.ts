/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';

import { detectPeriods } from './detectPeriods';

function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

const HALF_HOUR = 1_800_000;

describe('detectPeriods', () => {
  it('finds a daily cycle of 30-minute data', () => {
    const r = noise(1);
    const values = Float64Array.from({ length: 48 * 14 }, (_, i) => 10 + 3 * Math.sin((2 * Math.PI * i) / 48) + r());
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48]);
  });

  it('finds day and week together when weekends differ', () => {
    const r = noise(2);
    const values = Float64Array.from({ length: 336 * 6 }, (_, i) => {
      const weekend = Math.floor(i / 48) % 7 >= 5;
      return (weekend ? 4 : 10) * (1 + Math.sin((2 * Math.PI * i) / 48)) + r();
    });
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48, 336]);
  });

  it('snaps a near miss to the calendar period when the step is known', () => {
    // A cycle of 47.6 points would peak at 48 or 47; with a 30-minute step the day (48) wins.
    const values = Float64Array.from({ length: 48 * 10 }, (_, i) => Math.sin((2 * Math.PI * i) / 47.6));
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48]);
  });

  it('returns no period for noise, a constant, a trend or too little data', () => {
    const r = noise(3);
    expect(detectPeriods(Float64Array.from({ length: 1000 }, r))).toEqual([]);
    expect(detectPeriods(new Float64Array(500).fill(3))).toEqual([]);
    expect(detectPeriods(Float64Array.from({ length: 500 }, (_, i) => i * 0.1))).toEqual([]);
    expect(detectPeriods(Float64Array.from([1, 2, 1]))).toEqual([]);
  });

  it('tolerates gaps (NaN)', () => {
    const values = Float64Array.from({ length: 48 * 10 }, (_, i) =>
      i % 17 === 0 ? NaN : Math.sin((2 * Math.PI * i) / 48)
    );
    expect(detectPeriods(values, { stepMs: HALF_HOUR })).toEqual([48]);
  });

  const taxi = path.resolve(__dirname, '../../../../shared/data/nab/data/realKnownCause/nyc_taxi.csv');
  (fs.existsSync(taxi) ? it : it.skip)('finds the day (48) and/or week (336) of NAB nyc_taxi', () => {
    const rows = fs.readFileSync(taxi, 'utf8').trim().split('\n').slice(1);
    const values = Float64Array.from(rows, (row) => Number(row.split(',')[1]));
    const periods = detectPeriods(values, { stepMs: HALF_HOUR, maxPeriod: 400 });
    expect(periods[0]).toBe(48);
    expect(periods).toContain(336);
  });
});
