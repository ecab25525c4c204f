/**
 * Period detection accuracy for bench:decompose: per family of synthetic series (random amplitudes,
 * phases, ripples and weekend levels over `seeds` seeds), the share where detectPeriods returns exactly
 * the true periods; and the periods found in real series with a known calendar rhythm.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../demo/generator/prng';
import { detectPeriods } from '../../src/analytics/seasonality';

const MINUTE_MS = 60_000;

/** Near-normal noise with standard deviation 1. */
function gaussian(next: () => number): number {
  return (next() + next() + next() + next() - 2) * Math.sqrt(3);
}

interface Family {
  name: string;
  stepMs: number;
  truth: number[];
  make: (next: () => number) => Float64Array;
}

const families: Family[] = [
  {
    name: 'daily, 1 min, 7 d, amplitude 0.3–3.3 σ',
    stepMs: MINUTE_MS,
    truth: [1440],
    make: (next) => {
      const amplitude = 0.3 + 3 * next();
      const phase = 2 * Math.PI * next();
      return Float64Array.from({ length: 1440 * 7 }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 1440 + phase) + gaussian(next));
    },
  },
  {
    name: 'daily bump, 5 min, 14 d, width 5–35 % of the day',
    stepMs: 5 * MINUTE_MS,
    truth: [288],
    make: (next) => {
      const width = 0.05 + 0.3 * next();
      return Float64Array.from({ length: 288 * 14 }, (_, i) => 5 * Math.exp(-(((i % 288) / 288 - 0.5) ** 2) / (width * width)) + gaussian(next));
    },
  },
  {
    name: 'daily + ripple of 10–110 min, 1 min, 7 d',
    stepMs: MINUTE_MS,
    truth: [1440],
    make: (next) => {
      const ripple = 10 + 100 * next();
      const size = 0.3 + 1.2 * next();
      return Float64Array.from({ length: 1440 * 7 }, (_, i) => 3 * Math.sin((2 * Math.PI * i) / 1440) + size * Math.sin((2 * Math.PI * i) / ripple) + 0.5 * gaussian(next));
    },
  },
  {
    name: 'day + week (weekend 20–80 %), 30 min, 3–8 weeks',
    stepMs: 30 * MINUTE_MS,
    truth: [48, 336],
    make: (next) => {
      const weekend = 0.2 + 0.6 * next();
      const weeks = 3 + Math.floor(next() * 6);
      return Float64Array.from({ length: 336 * weeks }, (_, i) => (Math.floor(i / 48) % 7 >= 5 ? weekend : 1) * 10 * (1 + Math.sin((2 * Math.PI * i) / 48)) + gaussian(next));
    },
  },
  {
    name: 'AR(1) φ = 0.9, 5 min, 2,000 points',
    stepMs: 5 * MINUTE_MS,
    truth: [],
    make: (next) => {
      let x = 0;
      return Float64Array.from({ length: 2000 }, () => (x = 0.9 * x + gaussian(next)));
    },
  },
  {
    name: 'white noise, 500–3,500 points',
    stepMs: 5 * MINUTE_MS,
    truth: [],
    make: (next) => Float64Array.from({ length: 500 + Math.floor(next() * 3000) }, () => gaussian(next)),
  },
  {
    name: 'linear trend + noise, 1 min, 3,000 points',
    stepMs: MINUTE_MS,
    truth: [],
    make: (next) => {
      const slope = 0.1 * next();
      return Float64Array.from({ length: 3000 }, (_, i) => slope * i + gaussian(next));
    },
  },
  {
    name: 'random walk, 1 min, 3,000 points',
    stepMs: MINUTE_MS,
    truth: [],
    make: (next) => {
      let x = 0;
      return Float64Array.from({ length: 3000 }, () => (x += gaussian(next)));
    },
  },
];

const realSeries = [
  { file: 'nab/data/realKnownCause/nyc_taxi.csv', stepMs: 30 * MINUTE_MS, truth: [48, 336] },
  { file: 'forecast/PJM_Load_hourly.csv', stepMs: 60 * MINUTE_MS, truth: [24, 168] },
  { file: 'nab/data/artificialNoAnomaly/art_daily_small_noise.csv', stepMs: 5 * MINUTE_MS, truth: [288] },
  { file: 'nab/data/artificialNoAnomaly/art_noisy.csv', stepMs: 5 * MINUTE_MS, truth: [] },
];

export interface PeriodRow {
  series: string;
  truth: number[];
  /** Synthetic families: share of seeds with exactly the true periods. */
  exact?: number;
  /** Synthetic families: the wrong answers and how often they came. */
  misses?: Record<string, number>;
  /** Real series: the periods found. */
  found?: number[];
}

export function periodAccuracy(seeds: number, dataDir: string): PeriodRow[] {
  const rows: PeriodRow[] = [];
  for (const family of families) {
    let exact = 0;
    const misses: Record<string, number> = {};
    for (let seed = 1; seed <= seeds; seed++) {
      const found = detectPeriods(family.make(mulberry32(seed * 7919)), { stepMs: family.stepMs });
      if (JSON.stringify(found) === JSON.stringify(family.truth)) {
        exact++;
      } else {
        const key = JSON.stringify(found);
        misses[key] = (misses[key] ?? 0) + 1;
      }
    }
    rows.push({ series: family.name, truth: family.truth, exact: exact / seeds, misses });
  }
  for (const real of realSeries) {
    const file = path.join(dataDir, real.file);
    if (!existsSync(file)) {
      continue;
    }
    const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
    const values = Float64Array.from(lines, (line) => Number(line.split(',')[1]));
    rows.push({ series: real.file, truth: real.truth, found: detectPeriods(values, { stepMs: real.stepMs }) });
  }
  return rows;
}
