/**
 * `npm run bench:forecast -- --speed [--series 40] [--points 10441]`: time `forecast()` (model auto,
 * one-day horizon, 95% interval) and `thresholdCrossing()` per series on synthetic 1-minute series
 * of bench:query (`bench/shared/syntheticSeries.ts`: a daily cycle with its own level, amplitude and
 * phase, 3% noise, a spike and a level shift), the size the datasource analyses for 7 days at a 1-minute step.
 */
import { forecast, thresholdCrossing } from '../../src/analytics/forecast';
import { syntheticSeries } from '../shared/syntheticSeries';

const MINUTE_MS = 60_000;
const DAY_POINTS = 1440;

export interface SpeedRow {
  points: number;
  series: number;
  forecastMsMedian: number;
  forecastMsP90: number;
  /** CPU time of the process per forecast (user + system), median: less sensitive to other load than wall time. */
  forecastCpuMsMedian: number;
  crossingMsMedian: number;
  chosen: Record<string, number>;
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

/** Times every series once after three warm-up series (the JIT's first calls are several times slower). */
export function runSpeed(seriesCount: number, points: number): SpeedRow {
  const timestamps = Float64Array.from({ length: points }, (_, i) => i * MINUTE_MS);
  for (let warm = 0; warm < 3; warm++) {
    const result = forecast(syntheticSeries(-1 - warm, points).values, timestamps, {
      model: 'auto',
      horizon: DAY_POINTS,
      level: 0.95,
    });
    thresholdCrossing(result, 1000);
  }
  const forecastMs: number[] = [];
  const forecastCpuMs: number[] = [];
  const crossingMs: number[] = [];
  const chosen: Record<string, number> = {};
  for (let s = 0; s < seriesCount; s++) {
    const { values } = syntheticSeries(s, points);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = forecast(values, timestamps, { model: 'auto', horizon: DAY_POINTS, level: 0.95 });
    const forecasted = performance.now();
    const used = process.cpuUsage(cpu);
    forecastCpuMs.push((used.user + used.system) / 1000);
    thresholdCrossing(result, Math.max(...values));
    crossingMs.push(performance.now() - forecasted);
    forecastMs.push(forecasted - started);
    chosen[result.model] = (chosen[result.model] ?? 0) + 1;
  }
  return {
    points,
    series: seriesCount,
    forecastMsMedian: quantile(forecastMs, 0.5),
    forecastMsP90: quantile(forecastMs, 0.9),
    forecastCpuMsMedian: quantile(forecastCpuMs, 0.5),
    crossingMsMedian: quantile(crossingMs, 0.5),
    chosen,
  };
}
