/**
 * Decomposition benchmark: time per series and recovery of a known trend + seasonal signal for
 * Foresight's mstlDecompose and augurs' MSTL (WebAssembly, AutoETS trend) on the same series, plus the
 * whole decompose task as the backend runs it (period detection + MSTL + change points).
 *
 *   npm run bench:decompose [-- --series 20] [--runs 3] [--seeds 40] [--data ../shared/data] [--out bench-results/decompose]
 *
 * Cases: the query benchmark's 1-minute series (a week + 6 h, daily cycle, noise, a spike and a level
 * shift), a 30-minute day + week series with a linear trend (8 weeks), and NAB nyc_taxi when the data
 * folder is present (no truth there: the remainder's share of the series' spread instead).
 * Quality: RMSE of trend + seasonal against the true signal, in units of the noise's standard
 * deviation (0 = perfect; the noise itself is 1). augurs only exposes in-sample fitted values (its
 * AutoETS trend is a one-step-ahead fit), so only that sum can be compared.
 * A second table gives period detection accuracy (bench/decompose/periods.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { mstlDecompose } from '../../src/analytics/decompose';
import { computeTask } from '../../src/backend/query/analysis/compute';
import { mulberry32 as random } from '../../demo/generator/prng';
import { syntheticSeries } from '../shared/syntheticSeries';
import { augursInSample } from './augursMstl';
import { periodAccuracy, type PeriodRow } from './periods';

const MINUTE_MS = 60_000;
const repoRoot = path.resolve(__dirname, '../..');

interface Options {
  series: number;
  runs: number;
  /** Seeds per synthetic family for the period detection table. */
  seeds: number;
  data: string;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { series: 20, runs: 3, seeds: 40, data: path.resolve(repoRoot, '../shared/data'), out: path.join(repoRoot, 'bench-results', 'decompose') };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--series':
        options.series = Number(value);
        break;
      case '--runs':
        options.runs = Number(value);
        break;
      case '--seeds':
        options.seeds = Number(value);
        break;
      case '--data':
        options.data = path.resolve(value);
        break;
      case '--out':
        options.out = path.resolve(value);
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}; see the comment at the top of bench/decompose/run.ts`);
    }
  }
  return options;
}

/** One series with, when synthetic, its true smooth signal (trend + seasonal) and noise level. */
interface Series {
  values: Float64Array;
  signal?: Float64Array;
  noiseSd?: number;
}

interface Case {
  name: string;
  stepMs: number;
  periods: number[];
  series: Series[];
}

/** The query benchmark's series, 7 days + 6 hours at 1 minute, with its signal kept apart. */
function minuteSeries(seed: number): Series {
  return syntheticSeries(seed, 7 * 1440 + 361);
}

function dayWeekSeries(seed: number): Series {
  const points = 8 * 336;
  const next = random(5000 + seed);
  const values = new Float64Array(points);
  const signal = new Float64Array(points);
  const weekendLevel = 0.3 + 0.5 * next();
  for (let i = 0; i < points; i++) {
    const weekend = Math.floor(i / 48) % 7 >= 5;
    signal[i] = 100 + 0.01 * i + (weekend ? weekendLevel : 1) * 20 * Math.sin((2 * Math.PI * i) / 48);
    values[i] = signal[i] + (next() + next() + next() - 1.5) * 2;
  }
  return { values, signal, noiseSd: 1 };
}

function nycTaxi(dataDir: string): Series[] {
  const file = path.join(dataDir, 'nab/data/realKnownCause/nyc_taxi.csv');
  if (!existsSync(file)) {
    process.stdout.write(`bench:decompose: ${file} not found, nyc_taxi case skipped (pass --data <dir>)\n`);
    return [];
  }
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return [{ values: Float64Array.from(rows, (row) => Number(row.split(',')[1])) }];
}

interface Row {
  case: string;
  method: string;
  points: number;
  series: number;
  msPerSeries: number;
  /** RMSE of trend + seasonal against the true signal, in noise standard deviations (synthetic cases). */
  signalRmse?: number;
  /** Remainder RMS over the series' standard deviation (real cases). */
  remainderShare?: number;
}

function rootMeanSquare(a: ArrayLike<number>, b?: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    sum += (a[i] - (b ? b[i] : 0)) ** 2;
  }
  return Math.sqrt(sum / a.length);
}

function standardDeviation(values: Float64Array): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median over runs of the mean time per series; the fitted values of the last run. */
function timed(series: Series[], runs: number, fit: (values: Float64Array) => Float64Array | null): { ms: number; fitted: Array<Float64Array | null> } {
  const times: number[] = [];
  let fitted: Array<Float64Array | null> = [];
  for (let run = 0; run < runs + 1; run++) {
    const started = performance.now();
    fitted = series.map((s) => fit(s.values));
    // The first run warms the JIT (and instantiates WebAssembly); it is not counted.
    if (run > 0) {
      times.push((performance.now() - started) / series.length);
    }
  }
  return { ms: median(times), fitted };
}

function quality(series: Series[], fitted: Array<Float64Array | null>): Pick<Row, 'signalRmse' | 'remainderShare'> {
  if (fitted.some((f) => f === null)) {
    return {};
  }
  if (series.every((s) => s.signal !== undefined && s.noiseSd !== undefined)) {
    return { signalRmse: series.reduce((sum, s, i) => sum + rootMeanSquare(fitted[i]!, s.signal) / s.noiseSd!, 0) / series.length };
  }
  return { remainderShare: series.reduce((sum, s, i) => sum + rootMeanSquare(s.values, fitted[i]!) / standardDeviation(s.values), 0) / series.length };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const cases: Case[] = [
    { name: '1-minute daily (query bench)', stepMs: MINUTE_MS, periods: [1440], series: Array.from({ length: options.series }, (_, i) => minuteSeries(i)) },
    { name: '30-minute day + week, trend', stepMs: 30 * MINUTE_MS, periods: [48, 336], series: Array.from({ length: options.series }, (_, i) => dayWeekSeries(i)) },
  ];
  const taxi = nycTaxi(options.data);
  if (taxi.length > 0) {
    cases.push({ name: 'NAB nyc_taxi (real)', stepMs: 30 * MINUTE_MS, periods: [48, 336], series: taxi });
  }
  const rows: Row[] = [];
  for (const benchCase of cases) {
    const { series, periods } = benchCase;
    const base = { case: benchCase.name, points: series[0].values.length, series: series.length };
    const ours = timed(series, options.runs, (values) => {
      const d = mstlDecompose(values, periods);
      return Float64Array.from(d.trend, (trend, t) => trend + d.seasonal.reduce((sum, component) => sum + component[t], 0));
    });
    rows.push({ ...base, method: 'Foresight mstlDecompose', msPerSeries: ours.ms, ...quality(series, ours.fitted) });
    const augurs = timed(series, options.runs, (values) => augursInSample(values, periods));
    rows.push({ ...base, method: 'augurs MSTL (AutoETS trend), fit + in-sample', msPerSeries: augurs.ms, ...quality(series, augurs.fitted) });
    const task = timed(series, options.runs, (values) => {
      const timestamps = Float64Array.from(values, (_, i) => i * benchCase.stepMs);
      const output = computeTask({ kind: 'decompose', values, timestamps, stepMs: benchCase.stepMs, periods: 'auto' });
      return output.kind === 'decompose' ? Float64Array.from(output.trend, (trend, t) => trend + output.seasonal[t]) : null;
    });
    rows.push({ ...base, method: 'decompose task (periods auto + MSTL + change points)', msPerSeries: task.ms, ...quality(series, task.fitted) });
  }
  printTable(rows, options);
  const periods = periodAccuracy(options.seeds, options.data);
  printPeriods(periods, options);
  mkdirSync(options.out, { recursive: true });
  const file = path.join(options.out, `decompose-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const environment = { node: process.version, cpus: cpus().length, loadavg: loadavg() };
  writeFileSync(file, `${JSON.stringify({ options: { series: options.series, runs: options.runs, seeds: options.seeds }, environment, rows, periods }, null, 2)}\n`);
  process.stdout.write(`bench:decompose: wrote ${path.relative(process.cwd(), file)}\n`);
}

function printPeriods(rows: PeriodRow[], options: Options): void {
  process.stdout.write(`\nPeriod detection (detectPeriods with the step known; synthetic: ${options.seeds} seeds per family)\n\n`);
  process.stdout.write('| series | true periods | exact | other answers (count) / found |\n|---|---|---:|---|\n');
  for (const row of rows) {
    const exact = row.exact === undefined ? '' : `${(100 * row.exact).toFixed(0)} %`;
    const other = row.found !== undefined ? JSON.stringify(row.found) : Object.entries(row.misses ?? {}).map(([answer, count]) => `${answer} (${count})`).join(', ');
    process.stdout.write(`| ${row.series} | ${JSON.stringify(row.truth)} | ${exact} | ${other} |\n`);
  }
}

function printTable(rows: Row[], options: Options): void {
  const header = ['case', 'method', 'points', 'series', 'ms/series', 'signal RMSE / noise sd', 'remainder / series sd'];
  process.stdout.write(`\nDecomposition benchmark: median of ${options.runs} run(s) after a warm-up, load ${loadavg()[0].toFixed(2)}\n\n`);
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|\n`);
  for (const row of rows) {
    const cells = [
      row.case,
      row.method,
      row.points.toLocaleString('en-US'),
      String(row.series),
      row.msPerSeries.toFixed(2),
      row.signalRmse === undefined ? '' : row.signalRmse.toFixed(3),
      row.remainderShare === undefined ? '' : row.remainderShare.toFixed(3),
    ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
}

main();
