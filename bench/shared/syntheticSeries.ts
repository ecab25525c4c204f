import { mulberry32 } from '../../src/analytics/stats/mulberry32';

const DAY_MS = 86_400_000;

/** One synthetic benchmark series: what was sampled, the signal without noise, and the noise's σ. */
export interface SyntheticSeries {
  values: Float64Array;
  signal: Float64Array;
  noiseSd: number;
}

/**
 * Series `seed` of the benchmarks' synthetic monitoring data: a daily cycle with its own level,
 * amplitude and phase, 3 % noise, a 5-point spike of 10 amplitudes and a level shift of half an
 * amplitude at random places; sampled at `startMs + i · stepMs`. The query benchmark backfills these
 * into Prometheus, and the forecast and decompose benchmarks time the analyses on the same shape.
 *
 * @example
 * syntheticSeries(0, 10_441).values; // 7 days + 6 hours at 1 minute
 */
export function syntheticSeries(seed: number, points: number, startMs = 0, stepMs = 60_000): SyntheticSeries {
  const next = mulberry32(1000 + seed);
  const level = 50 + 100 * next();
  const amplitude = level * (0.1 + 0.3 * next());
  const phase = next() * 2 * Math.PI;
  const noise = level * 0.03;
  const spikeAt = Math.floor(next() * points);
  const shiftAt = Math.floor(next() * points);
  const values = new Float64Array(points);
  const signal = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const t = startMs + i * stepMs;
    signal[i] = level + amplitude * Math.sin((2 * Math.PI * t) / DAY_MS + phase) + (i >= shiftAt ? 0.5 * amplitude : 0);
    // Three uniforms minus 1.5, doubled: mean 0, variance 4 · 3/12 = 1.
    values[i] =
      signal[i] + noise * (next() + next() + next() - 1.5) * 2 + (i >= spikeAt && i < spikeAt + 5 ? 10 * amplitude : 0);
  }
  return { values, signal, noiseSd: noise };
}
