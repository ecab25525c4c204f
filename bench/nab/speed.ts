/**
 * Throughput of the streaming detectors on long synthetic series, for `bench/nab/run.ts`.
 *
 * Two ways to run the same measurement:
 * - in-process (`measureThroughput`): the sources as `tsx` loads them, one module per file;
 * - as shipped (`measureBundled`): the detector bundled by esbuild exactly as `scripts/build-backend.ts`
 *   bundles the analysis worker (`bundle`, `platform: node`, `target: node20`, `format: cjs`), run in a
 *   fresh Node process. This is the code that runs in production. Per-file modules call imported
 *   functions through the getters of their export objects, which costs V8 inlining budget and makes the
 *   same detector ~15 % slower than its bundle.
 *
 * When this file is run directly (that is how the bundle runs) it measures the detector, series, points
 * and repetitions given as arguments and prints one JSON `Throughput`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { createDetector } from '../../src/analytics/anomaly';
import type { DetectorName } from '../../src/analytics/anomaly';

/** Kinds of long synthetic series for the speed test. */
export type SpeedSeries = 'daily' | 'walk';

/**
 * One long synthetic 1-minute series: `daily` = a daily cycle (1,440 points) + noise + 0.1 % spikes,
 * `walk` = a slow random walk + noise + spikes, no true cycle. On both the seasonal view ends up
 * judging (on `walk` period detection finds a spurious 307-point period in the first 750 points), so
 * the rolling view only records. Deterministic (LCG), so every run measures the same numbers.
 */
export function speedSeries(kind: SpeedSeries, points: number): { values: Float64Array; timestamps: Float64Array } {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const values = new Float64Array(points);
  const timestamps = new Float64Array(points);
  let walk = 0;
  for (let i = 0; i < points; i++) {
    timestamps[i] = 1.6e12 + i * 60_000;
    walk += random() - 0.5;
    const base = kind === 'daily' ? 100 + 20 * Math.sin((2 * Math.PI * i) / 1440) : 100 + 0.1 * walk;
    values[i] = base + 5 * random() + (random() < 0.001 ? 50 : 0);
  }
  return { values, timestamps };
}

export interface Throughput {
  /** Median over the repetitions of points per wall-clock second (one thread). */
  wallPointsPerSecond: number;
  /** Median over the repetitions of points per CPU second of this process (one thread → per core). */
  cpuPointsPerSecond: number;
  runs: Array<{ wallPointsPerSecond: number; cpuPointsPerSecond: number }>;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/**
 * Throughput of the streaming detector (one `update` per point, single thread) on a long series:
 * `warmup` untimed fresh detectors over the series (V8 compiles, and re-compiles after the paths a new
 * instance takes first; a long-running process pays this once), then `reps` timed fresh detectors,
 * median of the timed runs. CPU time is this process's user + system time (all its threads, the
 * compiler's and the garbage collector's included); wall time also counts waiting for the core on a
 * loaded machine.
 */
export function measureThroughput(
  detector: DetectorName,
  series: { values: Float64Array; timestamps: Float64Array },
  reps: number,
  warmup = 0
): Throughput {
  const { values, timestamps } = series;
  const points = values.length;
  const runs: Throughput['runs'] = [];
  let sink = 0;
  for (let r = -warmup; r < reps; r++) {
    if (r < 0) {
      const d = createDetector({ detector, warmup: 750 });
      for (let i = 0; i < points; i++) {
        sink += d.update(timestamps[i], values[i]).onset || 0;
      }
      continue;
    }
    const d = createDetector({ detector, warmup: 750 });
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < points; i++) {
      sink += d.update(timestamps[i], values[i]).onset || 0;
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ wallPointsPerSecond: points / seconds, cpuPointsPerSecond: points / ((cpu.user + cpu.system) / 1e6) });
  }
  if (sink < 0) {
    console.log(sink);
  }
  return {
    wallPointsPerSecond: median(runs.map((r) => r.wallPointsPerSecond)),
    cpuPointsPerSecond: median(runs.map((r) => r.cpuPointsPerSecond)),
    runs,
  };
}

let bundlePath: string | null = null;

/**
 * The same measurement on the esbuild bundle of this file (built once per benchmark run into the
 * system's temporary directory) in a fresh Node process: the detector as the backend ships it.
 */
export function measureBundled(
  detector: DetectorName,
  kind: SpeedSeries,
  points: number,
  reps: number,
  warmup = 0
): Throughput {
  if (bundlePath === null) {
    // Loaded here, not at the top: the bundle itself never needs esbuild.
    const esbuild = require('esbuild') as typeof import('esbuild');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-speed-'));
    bundlePath = path.join(dir, 'speed.js');
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    esbuild.buildSync({
      entryPoints: [__filename],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['esbuild'],
      outfile: bundlePath,
      logLevel: 'error',
    });
  }
  const out = execFileSync(
    process.execPath,
    [bundlePath, detector, kind, String(points), String(reps), String(warmup)],
    {
      encoding: 'utf8',
    }
  );
  return JSON.parse(out) as Throughput;
}

if (require.main === module) {
  const [detector, kind, points, reps, warmup] = process.argv.slice(2);
  const series = speedSeries(kind as SpeedSeries, Number(points));
  console.log(JSON.stringify(measureThroughput(detector as DetectorName, series, Number(reps), Number(warmup))));
}
