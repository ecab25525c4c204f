/**
 * Rolling-origin forecast benchmark (protocol in the shared data's forecast/ANCHORS.md):
 * one origin per day, a one-day horizon, the 28 days before each origin as training window;
 * MASE scaled by the in-sample MAE of the daily seasonal naive forecast on that window, sMAPE,
 * coverage of the 95% interval and fit time, for every model side by side in the same run.
 *
 *   npm run bench:forecast
 *   npm run bench:forecast -- --data <file.csv|dir> [--season 24,168] [--origins 7] [--from 2014-08-26]
 *                             [--every 1] [--training-days 28] [--horizon-days 1] [--level 0.95] [--out bench-results/forecast]
 *   npm run bench:forecast -- --speed [--series 40] [--points 10441]   (time per series, see speed.ts)
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { forecast, regularizeSeries, candidateSeasonalities } from '../../src/analytics/forecast';
import type { ForecastModelName } from '../../src/analytics/forecast';
import { augursMstlForecast } from './augursMstl';
import { runSpeed } from './speed';
import { readCsvSeries, type CsvSeries } from './csv';
import { coveredCount, meanAbsoluteError, seasonalNaiveScale, symmetricMape } from './metrics';

const DAY_MS = 86_400_000;
const repoRoot = path.resolve(__dirname, '../..');

interface Options {
  data?: string;
  season?: number[];
  origins: number;
  /** Days between consecutive origins. */
  every: number;
  from?: number;
  /** Time forecast() on synthetic 10,441-point series instead of the accuracy run. */
  speed: boolean;
  /** --speed: series to time and points per series. */
  speedSeries: number;
  speedPoints: number;
  trainingDays: number;
  horizonDays: number;
  level: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    origins: 7,
    every: 1,
    speed: false,
    speedSeries: 40,
    speedPoints: 10_441,
    trainingDays: 28,
    horizonDays: 1,
    level: 0.95,
    out: path.join(repoRoot, 'bench-results', 'forecast'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const take = () => {
      i++;
      if (value === undefined) {
        throw new Error(`${flag} needs a value`);
      }
      return value;
    };
    switch (flag) {
      case '--data':
        options.data = path.resolve(take());
        break;
      case '--season':
        options.season = take().split(',').map(Number);
        break;
      case '--origins':
        options.origins = Number(take());
        break;
      case '--from': {
        // A date (origins at 00:00 UTC) or a date and time, e.g. 2001-12-24T09:00.
        const text = take();
        options.from = Date.parse(
          text.length <= 10
            ? `${text}T00:00:00Z`
            : `${text.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? '' : 'Z'}`
        );
        if (!Number.isFinite(options.from)) {
          throw new Error(`--from ${text} is not a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)`);
        }
        break;
      }
      case '--every':
        options.every = Number(take());
        break;
      case '--speed':
        options.speed = true;
        break;
      case '--series':
        options.speedSeries = Number(take());
        break;
      case '--points':
        options.speedPoints = Number(take());
        break;
      case '--training-days':
        options.trainingDays = Number(take());
        break;
      case '--horizon-days':
        options.horizonDays = Number(take());
        break;
      case '--level':
        options.level = Number(take());
        break;
      case '--out':
        options.out = path.resolve(take());
        break;
      default:
        throw new Error(`unknown flag ${flag}; see the header of bench/forecast/run.ts`);
    }
  }
  return options;
}

/** One evaluation: a series and the origins (timestamps of the first forecast point). */
interface Evaluation {
  name: string;
  series: CsvSeries;
  origins: number[];
}

/** Origins `every` days apart: `count` of them from `from`, or the last `count` ending one horizon day before the file ends. */
function dailyOrigins(series: CsvSeries, count: number, from?: number, every = 1): number[] {
  const times = series.timestamps;
  const step = times.length > 1 ? times[times.length - 1] - times[times.length - 2] : DAY_MS;
  const first = from ?? times[times.length - 1] + step - DAY_MS - (count - 1) * every * DAY_MS;
  return Array.from({ length: count }, (_, k) => first + k * every * DAY_MS);
}

function defaultEvaluations(options: Options): Evaluation[] {
  const dataDir = path.join(repoRoot, '..', 'shared', 'data');
  const taxi = readCsvSeries(path.join(dataDir, 'nab', 'data', 'realKnownCause', 'nyc_taxi.csv'), 'nyc_taxi');
  const pjm = readCsvSeries(path.join(dataDir, 'forecast', 'PJM_Load_hourly.csv'), 'PJM_Load_hourly');
  return [
    {
      name: 'nyc_taxi, 28 origins from 2014-08-26',
      series: taxi,
      origins: dailyOrigins(taxi, 28, Date.parse('2014-08-26T00:00:00Z')),
    },
    { name: 'nyc_taxi, last 7 days (blizzard)', series: taxi, origins: dailyOrigins(taxi, 7) },
    // ANCHORS.md's "last 7 days" of PJM: its seasonal naive and augurs figures (1.200 / 1.529 / 1.184)
    // are reproduced exactly with origins at 09:00 of the file's clock, 2001-12-24 … 12-30 (days cut
    // 9 h off the file's midnight, e.g. a UTC+9 parse); the last 7 whole days are reported as well.
    {
      name: 'PJM_Load_hourly, anchor origins 2001-12-24 09:00 … 12-30 09:00',
      series: pjm,
      origins: dailyOrigins(pjm, 7, Date.parse('2001-12-24T09:00:00Z')),
    },
    { name: 'PJM_Load_hourly, last 7 days (origins 01:00)', series: pjm, origins: dailyOrigins(pjm, 7) },
  ];
}

function userEvaluations(options: Options): Evaluation[] {
  const target = options.data!;
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((file) => file.toLowerCase().endsWith('.csv'))
        .map((file) => path.join(target, file))
    : [target];
  return files.map((file) => {
    const series = readCsvSeries(file, path.basename(file, '.csv'));
    const spacing = options.every === 1 ? '' : `, every ${options.every} d`;
    const label =
      options.from !== undefined
        ? `${options.origins} origins from ${new Date(options.from).toISOString().slice(0, 16)}${spacing}`
        : `last ${options.origins} origins${spacing}`;
    return {
      name: `${series.name}, ${label}`,
      series,
      origins: dailyOrigins(series, options.origins, options.from, options.every),
    };
  });
}

interface ModelRow {
  model: string;
  mase: number;
  smape: number;
  coverage: number;
  fitMsMean: number;
  fitMsMax: number;
  chosen?: Record<string, number>;
}

type Runner = (
  training: { values: Float64Array; timestamps: Float64Array },
  horizon: number
) => {
  point: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  label?: string;
};

function evaluate(
  evaluation: Evaluation,
  options: Options
): { rows: ModelRow[]; step: number; horizon: number; periods: number[] } {
  const { series } = evaluation;
  const whole = regularizeSeries(series.values, series.timestamps);
  const step = whole.stepMs;
  const horizon = Math.round((options.horizonDays * DAY_MS) / step);
  const dayPeriod = Math.round(DAY_MS / step);
  const periods = options.season ?? candidateSeasonalities(step, Math.round((options.trainingDays * DAY_MS) / step));
  const level = options.level;
  const runWith =
    (model: ForecastModelName, seasonalities?: number[]): Runner =>
    (training, h) => {
      const result = forecast(training.values, training.timestamps, { model, horizon: h, level, seasonalities });
      return { ...result, label: result.model };
    };
  const runners: Array<[string, Runner]> = [];
  const naivePeriods = [...new Set([dayPeriod, 7 * dayPeriod, ...(options.season ?? [])])].filter((p) => p >= 1);
  for (const period of naivePeriods) {
    const name =
      period === dayPeriod
        ? 'seasonal naive, daily'
        : period === 7 * dayPeriod
          ? 'seasonal naive, weekly'
          : `seasonal naive (${period})`;
    runners.push([name, runWith('seasonal-naive', [period])]);
  }
  runners.push([
    'augurs MSTL + AutoETS',
    (training, h) => {
      const regular = regularizeSeries(training.values, training.timestamps).values;
      return augursMstlForecast(
        regular,
        h,
        periods.filter((p) => regular.length >= 2 * p),
        level
      );
    },
  ]);
  runners.push(['linear', runWith('linear', periods)]);
  runners.push(['holt', runWith('holt', periods)]);
  runners.push(['mstl', runWith('mstl', periods)]);
  runners.push(['auto', runWith('auto', periods)]);

  // Training windows and actuals once per origin (binary search: long runs have thousands of origins).
  const lowerBound = (time: number) => {
    let low = 0;
    let high = series.timestamps.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (series.timestamps[middle] < time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  };
  const windows = evaluation.origins
    .map((origin) => {
      const from = lowerBound(origin - options.trainingDays * DAY_MS);
      const to = lowerBound(origin);
      const training = { values: series.values.slice(from, to), timestamps: series.timestamps.slice(from, to) };
      // Actuals on the forecast grid: the file's rows at origin + k·step (NaN where a row is missing).
      const actual = new Float64Array(horizon).fill(NaN);
      const lastTraining = training.timestamps[training.timestamps.length - 1];
      for (let k = 0; k < horizon; k++) {
        const index = lowerBound(lastTraining + (k + 1) * step);
        actual[k] = series.timestamps[index] === lastTraining + (k + 1) * step ? series.values[index] : NaN;
      }
      const scale = seasonalNaiveScale(regularizeSeries(training.values, training.timestamps).values, dayPeriod);
      return { training, actual, scale };
    })
    .filter((window) => window.training.values.length >= 2 && window.actual.some(Number.isFinite));

  const rows: ModelRow[] = [];
  for (const [name, runner] of runners) {
    const maseValues: number[] = [];
    const smapeValues: number[] = [];
    const times: number[] = [];
    let covered = 0;
    let total = 0;
    const chosen: Record<string, number> = {};
    for (const { training, actual, scale } of windows) {
      const started = performance.now();
      const result = runner(training, horizon);
      times.push(performance.now() - started);
      if (result.label) {
        chosen[result.label] = (chosen[result.label] ?? 0) + 1;
      }
      maseValues.push(meanAbsoluteError(actual, result.point) / scale);
      smapeValues.push(symmetricMape(actual, result.point));
      const c = coveredCount(actual, result.lower, result.upper);
      covered += c.covered;
      total += c.total;
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    rows.push({
      model: name,
      mase: mean(maseValues),
      smape: mean(smapeValues),
      coverage: covered / total,
      fitMsMean: mean(times),
      fitMsMax: Math.max(...times),
      ...(name === 'auto' ? { chosen } : {}),
    });
  }
  return { rows, step, horizon, periods };
}

function writeResults(options: Options, payload: string): void {
  mkdirSync(options.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join(options.out, `${options.speed ? 'speed' : 'forecast'}-${stamp}.json`), payload);
  writeFileSync(path.join(options.out, options.speed ? 'speed-latest.json' : 'latest.json'), payload);
  console.log(
    `\nwrote ${path.relative(process.cwd(), path.join(options.out, `${options.speed ? 'speed' : 'forecast'}-${stamp}.json`))}`
  );
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (options.speed) {
    const row = runSpeed(options.speedSeries, options.speedPoints);
    console.log(
      `\nforecast() speed: ${row.series} synthetic 1-minute series of ${row.points} points, model auto, horizon 1 d, 95% interval`
    );
    console.log(
      '| points | series | forecast wall ms (median / p90) | forecast CPU ms (median) | thresholdCrossing ms (median) | auto chose |'
    );
    console.log('|---:|---:|---:|---:|---:|---|');
    const chosen = Object.entries(row.chosen)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ');
    console.log(
      `| ${row.points} | ${row.series} | ${row.forecastMsMedian.toFixed(1)} / ${row.forecastMsP90.toFixed(1)} | ${row.forecastCpuMsMedian.toFixed(1)} | ${row.crossingMsMedian.toFixed(2)} | ${chosen} |`
    );
    writeResults(options, JSON.stringify({ createdAt: new Date().toISOString(), speed: row }, null, 2));
    return;
  }
  const evaluations = options.data ? userEvaluations(options) : defaultEvaluations(options);
  const results = [];
  for (const evaluation of evaluations) {
    const { rows, step, horizon, periods } = evaluate(evaluation, options);
    const best = Math.min(...rows.map((row) => row.mase));
    console.log(
      `\n${evaluation.name} — step ${step / 60000} min, horizon ${horizon}, training ${options.trainingDays} d, periods [${periods.join(', ')}], ${evaluation.origins.length} origins`
    );
    console.log(
      `| model | MASE | sMAPE % | ${Math.round(options.level * 100)}% coverage | fit ms (mean / max) | auto chose |`
    );
    console.log('|---|---:|---:|---:|---:|---|');
    for (const row of rows) {
      const mase = row.mase === best ? `**${row.mase.toFixed(3)}**` : row.mase.toFixed(3);
      const chosen = row.chosen
        ? Object.entries(row.chosen)
            .map(([k, v]) => `${k} ×${v}`)
            .join(', ')
        : '';
      console.log(
        `| ${row.model} | ${mase} | ${row.smape.toFixed(1)} | ${(row.coverage * 100).toFixed(1)}% | ${row.fitMsMean.toFixed(1)} / ${row.fitMsMax.toFixed(0)} | ${chosen} |`
      );
    }
    results.push({
      evaluation: evaluation.name,
      stepMs: step,
      horizon,
      periods,
      origins: evaluation.origins.map((o) => new Date(o).toISOString()),
      rows,
    });
  }
  const payload = JSON.stringify(
    {
      createdAt: new Date().toISOString(),
      options: { ...options, data: options.data ? path.basename(options.data) : 'default', out: undefined },
      results,
    },
    null,
    2
  );
  writeResults(options, payload);
}

main();
