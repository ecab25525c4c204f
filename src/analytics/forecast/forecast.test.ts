/** @jest-environment node */
import { forecast } from './forecast';
import { hourlyTimestamps, HOUR_MS, seededNormal, simulate } from './__fixtures__/simulate';

const DAYS = 28;
const N = DAYS * 24;
const daily = (t: number) => 20 * Math.sin((2 * Math.PI * t) / 24);
const weekly = (t: number) => (Math.floor(t / 24) % 7 >= 5 ? -15 : 0);

function maxAbsError(point: Float64Array, truth: (t: number) => number, start: number): number {
  let worst = 0;
  point.forEach((value, h) => {
    worst = Math.max(worst, Math.abs(value - truth(start + h)));
  });
  return worst;
}

describe('forecast on hand-made series', () => {
  it('continues a pure trend and brackets it with the interval', () => {
    const line = (t: number) => 50 + 0.5 * t;
    // Minute data: no daily or weekly cycle fits into 600 points, so only trend models compete.
    const timestamps = Float64Array.from({ length: 600 }, (_, i) => i * 60_000);
    const result = forecast(simulate(600, line, 1, 1), timestamps, { model: 'auto', horizon: 60, level: 0.95 });
    expect(['linear', 'holt']).toContain(result.model);
    expect(maxAbsError(result.point, line, 600)).toBeLessThan(4);
    expect(result.lower[59]).toBeLessThan(line(659));
    expect(result.upper[59]).toBeGreaterThan(line(659));
    expect(result.timestamps[0]).toBe(600 * 60_000);
  });

  it('repeats a pure daily + weekly pattern', () => {
    const pattern = (t: number) => 100 + daily(t) + weekly(t);
    const result = forecast(simulate(N, pattern, 1, 2), hourlyTimestamps(N), {
      model: 'auto',
      horizon: 48,
      level: 0.95,
    });
    expect(maxAbsError(result.point, pattern, N)).toBeLessThan(3.5);
    // The weekend dip and the daily swing both show in the forecast.
    expect(Math.max(...result.point) - Math.min(...result.point)).toBeGreaterThan(35);
  });

  it('follows trend and seasonality together', () => {
    const both = (t: number) => 100 + 0.2 * t + daily(t);
    const result = forecast(simulate(N, both, 1, 3), hourlyTimestamps(N), { model: 'auto', horizon: 48, level: 0.95 });
    expect(result.model).toBe('mstl');
    expect(maxAbsError(result.point, both, N)).toBeLessThan(4);
  });

  // Known limitation: the weekly profile absorbs part of a shift inside the last week, so the forecast
  // covers most, not all, of the step three days later (about 3/4 measured).
  it('moves most of the way to the new level after a level shift three days before the end', () => {
    const shifted = (t: number) => 100 + daily(t) + (t >= N - 72 ? 50 : 0);
    const result = forecast(simulate(N, shifted, 1, 4), hourlyTimestamps(N), {
      model: 'auto',
      horizon: 24,
      level: 0.95,
    });
    const meanError = result.point.reduce((sum, value, h) => sum + (value - shifted(N + h)), 0) / 24;
    expect(Math.abs(meanError)).toBeLessThan(50 / 3);
  });

  it('forecasts through gaps, NaN and unsorted input and reports them', () => {
    const pattern = (t: number) => 100 + daily(t);
    const values = simulate(N, pattern, 1, 5);
    const timestamps = hourlyTimestamps(N);
    const keep: number[] = [];
    for (let i = 0; i < N; i++) {
      if (!(i >= 300 && i < 310)) {
        keep.push(i);
      }
    }
    values[100] = NaN;
    keep.reverse();
    const result = forecast(
      Float64Array.from(keep, (i) => values[i]),
      Float64Array.from(keep, (i) => timestamps[i]),
      { model: 'auto', horizon: 24, level: 0.95 }
    );
    expect(result.historyTimestamps.length).toBe(N);
    expect(result.stepMs).toBe(HOUR_MS);
    expect(result.notices.join(' ')).toMatch(/11 missing or non-finite points/);
    expect(maxAbsError(result.point, pattern, N)).toBeLessThan(4);
  });

  it('forecasts after a two-day outage as well as without it', () => {
    const pattern = (t: number) => 100 + daily(t) + weekly(t);
    const values = simulate(N, pattern, 1, 8);
    const timestamps = hourlyTimestamps(N);
    // Two days missing, ending one day before the forecast starts.
    const keep = Array.from({ length: N }, (_, i) => i).filter((i) => i < N - 72 || i >= N - 24);
    const result = forecast(
      Float64Array.from(keep, (i) => values[i]),
      Float64Array.from(keep, (i) => timestamps[i]),
      { model: 'auto', horizon: 24, level: 0.95 }
    );
    expect(result.notices.join(' ')).toMatch(/48 missing or non-finite points .* seasonal pattern/);
    expect(maxAbsError(result.point, pattern, N)).toBeLessThan(4);
  });

  it('follows a level shift in a series without seasonality', () => {
    const level = (t: number) => (t < 500 ? 100 : 130);
    const timestamps = Float64Array.from({ length: 600 }, (_, i) => i * 60_000);
    const result = forecast(simulate(600, level, 1, 9), timestamps, { model: 'auto', horizon: 30, level: 0.95 });
    result.point.forEach((value) => expect(Math.abs(value - 130)).toBeLessThan(3));
  });

  it('continues a counter on its raw scale across a reset', () => {
    const normal = seededNormal(6);
    let raw = 0;
    const values = Float64Array.from({ length: 400 }, (_, i) => {
      raw = i === 250 ? 3 : raw + 10 + normal();
      return raw;
    });
    const timestamps = Float64Array.from({ length: 400 }, (_, i) => i * 15_000);
    const result = forecast(values, timestamps, { model: 'holt', horizon: 10, level: 0.9 });
    expect(result.notices.join(' ')).toMatch(/counter reset/);
    // The next point continues from the last raw value, about 10 per step.
    expect(result.point[0]).toBeGreaterThan(values[399] + 5);
    expect(result.point[0]).toBeLessThan(values[399] + 15);
  });

  it('rejects a horizon or level a user could mistype', () => {
    const values = simulate(50, () => 1, 1, 7);
    const timestamps = hourlyTimestamps(50);
    expect(() => forecast(values, timestamps, { model: 'auto', horizon: 0, level: 0.95 })).toThrow(/horizon/);
    expect(() => forecast(values, timestamps, { model: 'auto', horizon: 5, level: 95 })).toThrow(/level/);
  });
});

describe('interval coverage on simulated data with known noise', () => {
  // Model-based intervals that ignored the noise structure would be too narrow (AR(1) noise) or
  // miss the growing uncertainty (random-walk level); calibrated ones must cover close to the
  // nominal level over many replications.
  const generators = {
    'seasonal + AR(1) noise (φ = 0.6, σ = 2)': (seed: number, length: number) => {
      const normal = seededNormal(seed);
      let noise = 0;
      return Float64Array.from({ length }, (_, t) => {
        noise = 0.6 * noise + 2 * normal();
        return 200 + daily(t) + weekly(t) + noise;
      });
    },
    'daily cycle on a random-walk level (σ = 0.5) + white noise (σ = 2)': (seed: number, length: number) => {
      const normal = seededNormal(seed);
      let level = 100;
      return Float64Array.from({ length }, (_, t) => {
        level += 0.5 * normal();
        return level + daily(t) + 2 * normal();
      });
    },
  };

  function coverage(generate: (seed: number, length: number) => Float64Array, level: number): number {
    let covered = 0;
    let total = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const series = generate(1000 + seed, N + 24);
      const result = forecast(series.subarray(0, N), hourlyTimestamps(N), { model: 'auto', horizon: 24, level });
      for (let h = 0; h < 24; h++) {
        total++;
        covered += series[N + h] >= result.lower[h] && series[N + h] <= result.upper[h] ? 1 : 0;
      }
    }
    return covered / total;
  }

  describe.each(Object.entries(generators))('%s, 60 replications', (_, generate) => {
    it.each([
      [0.95, 0.92, 0.98],
      [0.9, 0.86, 0.94],
    ])('intervals at level %d cover between %d and %d of the next day', (level, low, high) => {
      const observed = coverage(generate, level);
      expect(observed).toBeGreaterThan(low);
      expect(observed).toBeLessThan(high);
    });
  });
});
