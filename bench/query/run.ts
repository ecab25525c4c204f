/**
 * Query benchmark: how long one Foresight query takes with 100 and 1,000 series and 7 days of training at a
 * 1-minute step, split into upstream (the real Prometheus answering query_range, gzip, JSON decoding),
 * analysis (grid + analytics on the worker pool + frame assembly) and encoding (Arrow IPC files), plus
 * the event loop's longest stall during the analysis and a repeated query served from the caches. The
 * whole-query figures run as if the window reached now (the clock given to queryData is set just after the
 * window's end): cold, repeated, and moved by one step, where the upstream history part comes from the cache
 * and anomaly continues the detectors saved by the previous evaluation (FORESIGHT_MODEL_CACHE_MB, default
 * 128, bounds them; set it to 0 to see the moving window without saved detectors).
 *
 *   npm run bench:query [-- --series 100,1000] [--analyses anomaly,outliers,decompose] [--days 7]
 *                         [--visible 6h] [--workers N] [--runs 1] [--out bench-results/query]
 *
 * The history is synthetic (bench/query/syntheticHistory.ts) and backfilled into Debian's prometheus with
 * promtool; the blocks are cached in the OS temp directory, so only the first run pays for them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseDuration, formatDuration } from '../../src/datasource/query';
import type { AnalysisKind, ForesightQuery } from '../../src/datasource/types';
import { encodeFrame } from '../../src/backend/frames/encodeFrame';
import { analysisRunner } from '../../src/backend/query/analyse';
import { anchorFetchStart } from '../../src/backend/query/anchorFetchStart';
import type { AnalysisInput } from '../../src/backend/query/analyse';
import { planRange } from '../../src/backend/query/planRange';
import { queryData } from '../../src/backend/query/queryData';
import { createLogger } from '../../src/backend/protocol/logger';
import type { QueryDataRequest } from '../../src/backend/protocol/messages';
import type { Frame } from '../../src/backend/frames/types';
import type { Series } from '../../src/backend/upstream/types';
import { httpClientFactory } from '../../src/backend/settings/createClients';
import { InstanceCache } from '../../src/backend/settings/datasourceInstance';
import { PrometheusClient } from '../../src/backend/upstream/prometheus';
import { defaultPoolSize, setAnalysisPool } from '../../src/backend/query/workers/analysisPool';
import { buildWorkerSource } from '../../src/backend/query/workers/buildWorkerSource';
import { WorkerPool } from '../../src/backend/query/workers/workerPool';
import { modelCacheBytes } from '../../src/backend/query/analysis/streamingAnomaly';
import { cachedBenchBlocks, METRIC, seriesName, startBenchPrometheus } from './syntheticHistory';

const MINUTE_MS = 60_000;

interface Options {
  series: number[];
  analyses: AnalysisKind[];
  days: number;
  visibleMs: number;
  workers: number;
  runs: number;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    series: [100, 1000],
    analyses: ['anomaly', 'outliers', 'decompose'],
    days: 7,
    visibleMs: 6 * 3_600_000,
    workers: defaultPoolSize(),
    runs: 1,
    out: path.resolve(__dirname, '../../bench-results/query'),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--series':
        options.series = value.split(',').map(Number);
        break;
      case '--analyses':
        options.analyses = value.split(',') as AnalysisKind[];
        break;
      case '--days':
        options.days = Number(value);
        break;
      case '--visible':
        options.visibleMs = parseDuration(value, '--visible');
        break;
      case '--workers':
        options.workers = Number(value);
        break;
      case '--runs':
        options.runs = Number(value);
        break;
      case '--out':
        options.out = path.resolve(value);
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}; see the comment at the top of bench/query/run.ts`);
    }
    i++;
  }
  return options;
}

function log(message: string): void {
  process.stderr.write(`bench:query: ${message}\n`);
}

function analysisFor(kind: AnalysisKind, trainingMs: number): ForesightQuery['analysis'] {
  const training = formatDuration(trainingMs);
  switch (kind) {
    case 'anomaly':
      return { kind, training, detector: 'auto', sensitivity: 0.5, seasonality: 'auto' };
    case 'forecast':
      return { kind, training, model: 'auto', horizon: '1d', threshold: 1000 };
    case 'outliers':
      return { kind, training, algorithm: 'dbscan', sensitivity: 0.5 };
    case 'decompose':
      return { kind, training, seasonality: 'auto' };
    default:
      return { kind: 'passthrough' };
  }
}

interface Row {
  series: number;
  analysis: AnalysisKind;
  pointsPerSeries: number;
  upstreamMs: number;
  analysisMs: number;
  encodingMs: number;
  /** (analysis + encoding) / upstream. */
  ratio: number;
  eventLoopMaxDelayMs: number;
  eventLoopP99DelayMs: number;
  frameBytes: number;
  coldQueryMs: number;
  cachedQueryMs: number;
  /** The whole query again with the window moved one step on (after the cold and cached ones). */
  movedQueryMs: number;
  /** The analysis alone over a window one step after one just analysed (anomaly: saved detectors continued). */
  movedAnalysisMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const stepMs = MINUTE_MS;
  const trainingMs = options.days * 86_400_000;
  const endMs = Date.UTC(2026, 0, 10, 12);
  const fromMs = endMs - options.visibleMs;
  const maxSeries = Math.max(...options.series);
  const blocks = cachedBenchBlocks({ series: maxSeries, days: options.days + Math.ceil(options.visibleMs / 86_400_000), endMs, stepMs }, log);
  const prometheus = await startBenchPrometheus(blocks);
  const workerSource = buildWorkerSource();
  let pool = new WorkerPool({ size: 0 });
  // A fresh pool (empty saved detectors in its workers) for each measurement, as one dashboard would see it.
  const freshPool = async () => {
    await pool.close();
    pool = new WorkerPool({
      size: options.workers,
      source: workerSource,
      workerData: { modelCacheBytes: Math.floor(modelCacheBytes() / Math.max(1, options.workers)) },
    });
    setAnalysisPool(pool);
  };
  await freshPool();
  const client = new PrometheusClient({ url: prometheus.url, auth: 'none', tlsSkipVerify: false, timeoutSeconds: 600, headers: {} });
  const rows: Row[] = [];
  try {
    for (const series of options.series) {
      const names = Array.from({ length: series }, (_, i) => seriesName(i));
      const expr = series === maxSeries ? METRIC : `${METRIC}{series=~"${names.join('|')}"}`;
      const limits = { maxSeries: series, maxPoints: series * 20_000 };
      const plan = planRange(fromMs, endMs, stepMs, 1_000_000, { trainingMs });
      for (const analysis of options.analyses) {
        const samples: Row[] = [];
        for (let run = 0; run < options.runs; run++) {
          const query: ForesightQuery = { refId: 'A', schemaVersion: 1, source: { kind: 'prometheus', expr }, analysis: analysisFor(analysis, trainingMs), output: 'full' };
          let started = performance.now();
          const fetched = await client.queryRangeWithWarnings(expr, plan.fetchStartMs, plan.fetchEndMs, plan.stepMs, limits);
          const upstreamMs = performance.now() - started;
          if (fetched.series.length !== series) {
            throw new Error(`expected ${series} series, Prometheus returned ${fetched.series.length}`);
          }
          const histogram = monitorEventLoopDelay({ resolution: 5 });
          histogram.enable();
          started = performance.now();
          const frames = await analysisRunner(analysis)({
            query,
            plan,
            series: fetched.series,
            settings: { defaultTraining: '7d', defaultSensitivity: 0.5, maxSeries: series, maxPoints: limits.maxPoints },
            meta: { type: 'timeseries-multi', executedQueryString: `Expr: ${expr}` },
            signal: new AbortController().signal,
          });
          const analysisMs = performance.now() - started;
          histogram.disable();
          await freshPool();
          const movedAnalysisMs = await movedAnalysis(analysisRunner(analysis), { query, series: fetched.series, limits, fromMs, endMs, trainingMs, stepMs }, `${series}/${analysis}/${run}`);
          started = performance.now();
          const encoded = frames.map((frame) => encodeFrame(frame, 'A'));
          const encodingMs = performance.now() - started;
          await freshPool();
          const { coldQueryMs, cachedQueryMs, movedQueryMs } = await wholeQuery(prometheus.url, query, options.visibleMs, endMs, limits);
          samples.push({
            series,
            analysis,
            pointsPerSeries: plan.pointsPerSeries,
            upstreamMs,
            analysisMs,
            encodingMs,
            ratio: (analysisMs + encodingMs) / upstreamMs,
            eventLoopMaxDelayMs: histogram.max / 1e6,
            eventLoopP99DelayMs: histogram.percentile(99) / 1e6,
            frameBytes: encoded.reduce((sum, bytes) => sum + bytes.byteLength, 0),
            coldQueryMs,
            cachedQueryMs,
            movedQueryMs,
            movedAnalysisMs,
          });
          log(
            `${series} series, ${analysis}, run ${run + 1}: upstream ${upstreamMs.toFixed(0)} ms, analysis ${analysisMs.toFixed(0)} ms, encoding ${encodingMs.toFixed(0)} ms, ` +
              `analysis moved 1 step ${movedAnalysisMs.toFixed(0)} ms, whole query ${coldQueryMs.toFixed(0)} ms, cached ${cachedQueryMs.toFixed(0)} ms, moved 1 step ${movedQueryMs.toFixed(0)} ms`
          );
        }
        const pick = (key: keyof Row) => median(samples.map((sample) => sample[key] as number));
        rows.push({
          series,
          analysis,
          pointsPerSeries: plan.pointsPerSeries,
          upstreamMs: pick('upstreamMs'),
          analysisMs: pick('analysisMs'),
          encodingMs: pick('encodingMs'),
          ratio: pick('ratio'),
          eventLoopMaxDelayMs: pick('eventLoopMaxDelayMs'),
          eventLoopP99DelayMs: pick('eventLoopP99DelayMs'),
          frameBytes: pick('frameBytes'),
          coldQueryMs: pick('coldQueryMs'),
          cachedQueryMs: pick('cachedQueryMs'),
          movedQueryMs: pick('movedQueryMs'),
          movedAnalysisMs: pick('movedAnalysisMs'),
        });
      }
    }
  } finally {
    client.close();
    await pool.close();
    await prometheus.stop();
  }
  printTable(rows, options);
  fs.mkdirSync(options.out, { recursive: true });
  const file = path.join(options.out, `query-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const environment = {
    node: process.version,
    cpus: cpus().length,
    availableParallelism: availableParallelism(),
    loadavg: loadavg(),
    workers: options.workers,
    modelCacheMb: modelCacheBytes() / 1024 / 1024,
  };
  fs.writeFileSync(file, `${JSON.stringify({ options: { ...options, out: undefined }, environment, rows }, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

/**
 * The analysis alone at two windows a step apart with the same origin (anomaly saves its detectors after the
 * first and continues them in the second); returns the second's time. The windows end half an hour before
 * the data and train for an hour less than asked, so both fall within the series already fetched.
 */
async function movedAnalysis(
  run: (input: AnalysisInput) => Frame[] | Promise<Frame[]>,
  given: { query: ForesightQuery; series: Series[]; limits: { maxSeries: number; maxPoints: number }; fromMs: number; endMs: number; trainingMs: number; stepMs: number },
  stateKey: string
): Promise<number> {
  const { query, series, limits, fromMs, endMs, trainingMs, stepMs } = given;
  const at = (shift: number) =>
    anchorFetchStart(planRange(fromMs - 31 * MINUTE_MS + shift, endMs - 31 * MINUTE_MS + shift, stepMs, 1_000_000, { trainingMs: trainingMs - 3_600_000 }));
  const input = (shift: number): AnalysisInput => ({
    query,
    plan: at(shift),
    series,
    settings: { defaultTraining: '7d', defaultSensitivity: 0.5, maxSeries: limits.maxSeries, maxPoints: limits.maxPoints },
    meta: { type: 'timeseries-multi', executedQueryString: `Expr: ${query.source.expr}` },
    signal: new AbortController().signal,
    stateKey: `bench/${stateKey}`,
  });
  await run(input(0));
  const started = performance.now();
  await run(input(stepMs));
  return performance.now() - started;
}

/**
 * The whole QueryData path (fetch, analysis, encoding) for "the last `visibleMs`" evaluated just after
 * `endMs − 2 steps` (so the range reaches now, as a dashboard's or an alert rule's does): cold, then again
 * from the caches, then a step later (the window moved: the history part of the upstream answer and, for
 * anomaly, the saved detectors are reused). Both windows share the origin (it moves on the whole hour).
 */
async function wholeQuery(url: string, query: ForesightQuery, visibleMs: number, endMs: number, limits: { maxSeries: number; maxPoints: number }) {
  const instances = new InstanceCache(httpClientFactory(() => undefined));
  const uid = `bench-${Math.random()}`;
  const request: QueryDataRequest = {
    pluginContext: {
      orgId: 1,
      pluginId: 'foresight-analytics-datasource',
      user: null,
      dataSourceInstanceSettings: {
        id: 1, name: 'bench', url: '', user: '', database: '', basicAuthEnabled: false, basicAuthUser: '',
        jsonData: Buffer.from(JSON.stringify({ prometheusUrl: url, prometheusTimeoutSeconds: 600, ...limits })),
        decryptedSecureJsonData: {}, lastUpdatedMS: 0, uid, apiVersion: '',
      },
      grafanaConfig: {}, pluginVersion: '', userAgent: 'bench', apiVersion: '', namespace: '',
    },
    headers: {},
    format: 'ARROW',
    queries: [],
  };
  let nowMs = endMs - 2 * MINUTE_MS + 20_000;
  const deps = { instance: (r: QueryDataRequest) => instances.get(r.pluginContext), logger: createLogger({ level: 'error' }), now: () => nowMs };
  const context = { signal: new AbortController().signal };
  const timed = async () => {
    const at = { ...request, queries: [{ refId: 'A', maxDataPoints: 1_000_000, intervalMS: MINUTE_MS, timeRange: { fromEpochMS: nowMs - visibleMs, toEpochMS: nowMs }, json: Buffer.from(JSON.stringify(query)), queryType: '' }] };
    const started = performance.now();
    const answer = await queryData(at, context, deps);
    if (answer.responses.A.status !== 200) {
      throw new Error(`query failed: ${answer.responses.A.error}`);
    }
    return performance.now() - started;
  };
  const coldQueryMs = await timed();
  const cachedQueryMs = await timed();
  nowMs += MINUTE_MS;
  const movedQueryMs = await timed();
  return { coldQueryMs, cachedQueryMs, movedQueryMs };
}

function printTable(rows: Row[], options: Options): void {
  const header = ['series', 'analysis', 'points/series', 'upstream ms', 'analysis ms', 'encoding ms', '(analysis+enc)/upstream', 'event loop max / p99 ms', 'frames MB', 'analysis moved 1 step ms', 'whole query ms', 'cached ms', 'whole query moved 1 step ms'];
  const lines = rows.map((row) => [
    String(row.series),
    row.analysis,
    row.pointsPerSeries.toLocaleString('en-US'),
    row.upstreamMs.toFixed(0),
    row.analysisMs.toFixed(0),
    row.encodingMs.toFixed(0),
    row.ratio.toFixed(2),
    `${row.eventLoopMaxDelayMs.toFixed(0)} / ${row.eventLoopP99DelayMs.toFixed(0)}`,
    (row.frameBytes / 1e6).toFixed(1),
    row.movedAnalysisMs.toFixed(0),
    row.coldQueryMs.toFixed(0),
    row.cachedQueryMs.toFixed(0),
    row.movedQueryMs.toFixed(0),
  ]);
  process.stdout.write(
    `\nQuery benchmark: ${options.days} d training + ${formatDuration(options.visibleMs)} visible at 1 m, ${options.workers} analysis workers, ` +
      `model cache ${modelCacheBytes() / 1024 / 1024} MB, ${options.runs} run(s), median, load average ${loadavg().map((v) => v.toFixed(1)).join(' ')}\n\n`
  );
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|\n`);
  for (const line of lines) {
    process.stdout.write(`| ${line.join(' | ')} |\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench:query failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
