/**
 * The analyses behind `anomaly`, `forecast`, `outliers` and `decompose`: put the fetched series on the
 * step grid, build one task per series (one per group for outliers), run the tasks on the worker pool,
 * and turn the outputs into one frame per input series for the visible range [from, to] (forecast: plus
 * the horizon after it). The training window before `from` is analysed too, causally, but never returned.
 */
import {
  FIELD,
  type AnomalyAnalysis,
  type DecomposeAnalysis,
  type ForecastAnalysis,
  type ForecastModel,
  type OutliersAnalysis,
  type OutputMode,
  type Seasonality,
} from '../../../datasource/types';
import { formatDuration, parseDuration } from '../../../datasource/query';
import { outlierIntervals } from '../../../analytics/outliers';
import type { Frame, FrameMeta, FrameNotice } from '../../frames/types';
import type { AnalysisInput } from '../analyse';
import { labelKey } from '../cache/cachedFetch';
import { forecastChoiceCache } from '../cache/queryCache';
import { renderLegend } from '../renderLegend';
import { QueryError } from '../QueryError';
import { AnalysisCancelledError, type WorkerPool } from '../workers/workerPool';
import { emptyFrame, seriesFrame, type NumericColumn } from './buildFrame';
import { gridTimestamps, lokiMissingMeansZero, toGrid, type GridSeries } from './gridSeries';
import type {
  AnalysisOutput,
  AnalysisTask,
  AnomalyOutput,
  ForecastOutput,
} from './tasks';

/** Points per worker batch: large enough that messaging is negligible, small enough to interleave queries. */
const BATCH_POINTS = 200_000;
/** Forecasts backtest several models per series: smaller batches keep other queries moving. */
const FORECAST_BATCH_POINTS = 20_000;
/** Longest forecast, in points, one query may ask for. */
const MAX_HORIZON_POINTS = 20_000;
/** Longest anomaly warm-up in points (the detector looks for periods in at most this much history). */
const MAX_WARMUP = 8192;
const DEFAULT_WARMUP = 288;
const HOUR_MS = 3_600_000;

/** The grid of one query: every series over the whole fetch, and where the visible range starts. */
interface Grid {
  timestamps: Float64Array;
  series: GridSeries[];
  /** Index of plan.startMs: the first visible point; everything before it is training. */
  visibleStart: number;
  /** Points in the visible range. */
  visibleLength: number;
}

function buildGrid(input: AnalysisInput): { grid: Grid; notices: FrameNotice[] } {
  const { plan, query } = input;
  const timestamps = gridTimestamps(plan.fetchStartMs, plan.endMs, plan.stepMs);
  const notices: FrameNotice[] = [];
  const zeroFill = query.source.kind === 'loki' && lokiMissingMeansZero(query.source.expr);
  if (zeroFill) {
    notices.push({ severity: 'info', text: 'Steps without log lines count as 0 (Loki returns no sample for them).' });
  }
  const series = input.series.map((s) => toGrid(s, plan.fetchStartMs, plan.stepMs, timestamps.length, zeroFill ? 0 : NaN));
  const visibleStart = Math.round((plan.startMs - plan.fetchStartMs) / plan.stepMs);
  const grid = { timestamps, series, visibleStart, visibleLength: timestamps.length - visibleStart };
  const truncated = series.filter((s) => s.firstSample > 0 && s.firstSample < timestamps.length);
  // A series that starts within the first step or two of the fetch is complete; anything later lacks training.
  const short = truncated.filter((s) => s.firstSample > Math.max(2, visibleStart * 0.05));
  if (plan.trainingMs > 0 && short.length > 0) {
    const latest = short.reduce((a, b) => (b.firstSample > a.firstSample ? b : a));
    const available = Math.max(0, visibleStart - latest.firstSample) * plan.stepMs;
    notices.push({
      severity: 'warning',
      text:
        `Training window truncated for ${short.length} of ${series.length} series: the data starts after the ` +
        `${formatDuration(plan.trainingMs)} training window begins (as little as ${formatDuration(available)} of history before the ` +
        'visible range). Results at the start of the range are less reliable.',
    });
  }
  return { grid, notices };
}

/** Seasonality from the query in points at the plan's step; unusable durations become notices. */
function seasonalityInPoints(
  seasonality: Seasonality | undefined,
  stepMs: number,
  length: number,
  notices: FrameNotice[]
): 'auto' | 'none' | number[] {
  if (seasonality === undefined || seasonality === 'auto' || seasonality === 'none') {
    return seasonality ?? 'auto';
  }
  const periods: number[] = [];
  for (const duration of seasonality) {
    const points = Math.round(parseDuration(duration, 'analysis.seasonality') / stepMs);
    if (points < 2) {
      notices.push({ severity: 'warning', text: `Seasonality ${duration} ignored: it is shorter than two steps of ${formatDuration(stepMs)}.` });
    } else if (points * 2 > length) {
      notices.push({
        severity: 'warning',
        text: `Seasonality ${duration} ignored: the training window and the visible range hold fewer than two cycles of it; lengthen analysis.training.`,
      });
    } else {
      periods.push(points);
    }
  }
  return periods.length > 0 ? periods : 'none';
}

/**
 * Runs tasks on the pool in batches of about `batchPoints` points; one job per query for fair scheduling.
 * Tasks with a `stateKey` go to the worker chosen by its hash, which holds their saved state.
 */
async function runTasks(pool: WorkerPool, tasks: AnalysisTask[], pointsPerTask: number, batchPoints: number, signal: AbortSignal) {
  const perBatch = Math.max(1, Math.floor(batchPoints / Math.max(1, pointsPerTask)));
  const jobKey = {};
  const groups = new Map<number | undefined, number[]>();
  tasks.forEach((task, index) => {
    const slot = task.kind === 'anomaly' && task.stateKey !== undefined ? stringHash(task.stateKey) % pool.slotCount : undefined;
    const group = groups.get(slot);
    if (group === undefined) {
      groups.set(slot, [index]);
    } else {
      group.push(index);
    }
  });
  const outputs: AnalysisOutput[] = new Array(tasks.length);
  const batches: Array<Promise<void>> = [];
  for (const [slot, indices] of groups) {
    for (let i = 0; i < indices.length; i += perBatch) {
      const batch = indices.slice(i, i + perBatch);
      batches.push(
        pool.run(batch.map((index) => tasks[index]), { jobKey, signal, slot }).then((results) => {
          results.forEach((result, k) => (outputs[batch[k]] = result));
        })
      );
    }
  }
  try {
    await Promise.all(batches);
    return outputs;
  } catch (error) {
    if (error instanceof AnalysisCancelledError) {
      throw new QueryError(499, 'plugin', 'the query was cancelled before its analysis finished');
    }
    throw error;
  }
}

/** A non-negative 31-bit hash of a string (FNV-1a), to spread state keys over the workers. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 1;
}

function frameMeta(base: FrameMeta, extra: FrameNotice[], custom?: Record<string, unknown>): FrameMeta {
  const notices = [...(base.notices ?? []), ...extra];
  const meta: FrameMeta = { ...base, custom: { ...(base.custom ?? {}), ...(custom ?? {}) } };
  if (notices.length > 0) {
    meta.notices = notices;
  } else {
    delete meta.notices;
  }
  return meta;
}

function infoNotices(texts: string[]): FrameNotice[] {
  return texts.map((text) => ({ severity: 'info' as const, text }));
}

function failedNotice(output: AnalysisOutput, legend: string | undefined, labels: Record<string, string>): FrameNotice[] {
  if (output.kind !== 'failed') {
    return [];
  }
  const name = legend ?? (Object.keys(labels).length > 0 ? JSON.stringify(labels) : 'the series');
  return [{ severity: 'warning', text: `No analysis for ${name}: ${output.message}` }];
}

const slice = (values: Float64Array, grid: Grid) => values.subarray(grid.visibleStart);

/** The query-level meta plus what every frame shares. */
function sharedMeta(input: AnalysisInput, notices: FrameNotice[], description: string): FrameMeta {
  return frameMeta(
    { ...input.meta, executedQueryString: `${input.meta.executedQueryString ?? ''}\n${description}`.trim() },
    notices
  );
}

/** One empty frame when the query returned no series, with the field names the output mode would have. */
function noSeries(meta: FrameMeta, names: string[]): Frame[] {
  return [emptyFrame(meta, names)];
}

// ---------------------------------------------------------------------------------------------- anomaly

const ANOMALY_FIELDS: Record<Extract<OutputMode, 'score' | 'anomalous' | 'expected'>, keyof AnomalyOutput> = {
  score: 'score',
  anomalous: 'anomalous',
  expected: 'expected',
};

/** Warm-up in points: half the training window (periods are detected from it, the rest calibrates scores). */
export function anomalyWarmup(trainingPoints: number): number {
  return Math.min(MAX_WARMUP, Math.max(Math.floor(trainingPoints / 2), Math.min(DEFAULT_WARMUP, Math.max(16, trainingPoints))));
}

export async function runAnomaly(input: AnalysisInput, pool: WorkerPool): Promise<Frame[]> {
  const analysis = input.query.analysis as AnomalyAnalysis;
  const output = input.query.output ?? 'full';
  const { grid, notices } = buildGrid(input);
  const seasonality = seasonalityInPoints(analysis.seasonality, input.plan.stepMs, grid.timestamps.length, notices);
  // The training window counted from the origin (the fetch start, which anchorFetchStart may have moved
  // back to the whole hour): warm-up and period search depend on it only, so they stay the same while
  // the window moves within the hour.
  const trainingPoints = Math.min(grid.visibleStart, Math.round(input.plan.trainingMs / input.plan.stepMs));
  const warmup = anomalyWarmup(trainingPoints);
  const detector = analysis.detector ?? 'auto';
  const sensitivity = analysis.sensitivity ?? 0.5;
  const description =
    `Analysis: anomaly (detector ${detector}, sensitivity ${sensitivity}, training ${formatDuration(input.plan.trainingMs)}, ` +
    `seasonality ${Array.isArray(seasonality) ? seasonality.map((p) => formatDuration(p * input.plan.stepMs)).join(', ') : seasonality}, warm-up ${warmup} points)`;
  if (warmup > grid.visibleStart) {
    notices.push({
      severity: 'warning',
      text: `Warm-up not reached before the visible range: the first ${warmup - grid.visibleStart} points have no score. Lengthen analysis.training (now ${formatDuration(input.plan.trainingMs)}).`,
    });
  }
  const meta = sharedMeta(input, notices, description);
  const names = output === 'full' ? [FIELD.actual, FIELD.expected, FIELD.lower, FIELD.upper, FIELD.score, FIELD.anomalous] : [output];
  if (grid.series.length === 0) {
    return noSeries(meta, names);
  }
  const tasks: AnalysisTask[] = grid.series.map((series) => ({
    kind: 'anomaly',
    values: series.values,
    timestamps: grid.timestamps,
    detector,
    sensitivity,
    seasonality,
    warmup,
    stepMs: input.plan.stepMs,
    trainingPoints,
    outputStart: grid.visibleStart,
    // Everything the detector's state depends on: the data (query, series, step, origin) and the parameters.
    stateKey:
      input.stateKey === undefined
        ? undefined
        : JSON.stringify([input.stateKey, labelKey(series.labels), input.plan.stepMs, input.plan.fetchStartMs, detector, sensitivity, seasonality, warmup, trainingPoints]),
  }));
  const outputs = await runTasks(pool, tasks, grid.timestamps.length, BATCH_POINTS, input.signal);
  const timestampsMs = slice(grid.timestamps, grid);
  return grid.series.map((series, index) => {
    const result = outputs[index];
    const legend = renderLegend(input.query.source.legendFormat, series.labels);
    // The detector's own warm-up note only matters when the warm-up reaches into the visible range (said above).
    const detectorNotes = result.kind === 'anomaly' ? result.notices.filter((text) => !text.startsWith('Warm-up:')) : [];
    const extra = result.kind === 'anomaly' ? infoNotices(detectorNotes) : failedNotice(result, legend, series.labels);
    const missing = new Float64Array(grid.visibleLength).fill(NaN);
    const field = (name: keyof AnomalyOutput) => (result.kind === 'anomaly' ? (result[name] as Float64Array).subarray(grid.visibleStart - result.offset) : missing);
    const actual: NumericColumn = { name: FIELD.actual, values: slice(series.values, grid), nanIsMissing: false };
    const columns: NumericColumn[] =
      output === 'full'
        ? [
            actual,
            { name: FIELD.expected, values: field('expected') },
            { name: FIELD.lower, values: field('lower') },
            { name: FIELD.upper, values: field('upper') },
            { name: FIELD.score, values: field('score'), config: { min: 0, max: 1 } },
            { name: FIELD.anomalous, values: field('anomalous'), config: { min: -1, max: 1 } },
          ]
        : [{ name: output, values: field(ANOMALY_FIELDS[output as keyof typeof ANOMALY_FIELDS]) }];
    return seriesFrame({
      legend,
      labels: series.labels,
      meta: frameMeta(meta, extra),
      timestampsMs,
      stepMs: input.plan.stepMs,
      columns,
    });
  });
}

// --------------------------------------------------------------------------------------------- forecast

export async function runForecast(input: AnalysisInput, pool: WorkerPool): Promise<Frame[]> {
  const analysis = input.query.analysis as ForecastAnalysis;
  const output = input.query.output ?? 'full';
  const { plan } = input;
  const { grid, notices } = buildGrid(input);
  const horizonMs = parseDuration(analysis.horizon ?? '1d', 'analysis.horizon');
  let horizon = Math.max(1, Math.ceil(horizonMs / plan.stepMs));
  if (horizon > MAX_HORIZON_POINTS) {
    notices.push({
      severity: 'warning',
      text: `Horizon cut to ${MAX_HORIZON_POINTS.toLocaleString('en-US')} steps (${formatDuration(MAX_HORIZON_POINTS * plan.stepMs)}): ${analysis.horizon} at a ${formatDuration(plan.stepMs)} step is too many points; zoom out for a longer horizon.`,
    });
    horizon = MAX_HORIZON_POINTS;
  }
  const seasonality = seasonalityInPoints(analysis.seasonality, plan.stepMs, grid.timestamps.length, notices);
  const model = analysis.model ?? 'auto';
  const level = analysis.intervalLevel ?? 0.95;
  const direction = analysis.thresholdDirection ?? 'above';
  const description =
    `Analysis: forecast (model ${model}, horizon ${formatDuration(horizon * plan.stepMs)}, training ${formatDuration(plan.trainingMs)}, interval ${level}` +
    `${analysis.threshold !== undefined ? `, threshold ${direction} ${analysis.threshold}` : ''})`;
  const meta = sharedMeta(input, notices, description);
  const names =
    output === 'full'
      ? [FIELD.actual, FIELD.forecast, FIELD.lower, FIELD.upper]
      : output === 'time-to-threshold'
        ? [FIELD.timeToThreshold]
        : output === 'threshold-probability'
          ? [FIELD.thresholdProbability]
          : [FIELD.forecast];
  if (grid.series.length === 0) {
    return noSeries(meta, names);
  }
  // A moving window re-fits the model `auto` chose earlier in the same hour (see forecastChoiceCache).
  const choiceKeys = grid.series.map((series) =>
    input.stateKey === undefined || model !== 'auto'
      ? undefined
      : JSON.stringify([input.stateKey, labelKey(series.labels), plan.stepMs, Math.floor(plan.endMs / HOUR_MS), horizon, seasonality])
  );
  const choices = choiceKeys.map((key) => (key === undefined ? undefined : forecastChoiceCache.get(key)));
  const tasks: AnalysisTask[] = grid.series.map((series, index) => ({
    kind: 'forecast',
    values: series.values,
    timestamps: grid.timestamps,
    model: choices[index] ?? model,
    horizon,
    level,
    seasonalities: seasonality === 'auto' ? undefined : seasonality === 'none' ? [] : seasonality,
    threshold: analysis.threshold,
    direction,
  }));
  const outputs = await runTasks(pool, tasks, grid.timestamps.length, FORECAST_BATCH_POINTS, input.signal);
  outputs.forEach((result, index) => {
    const key = choiceKeys[index];
    if (key !== undefined && choices[index] === undefined && result.kind === 'forecast') {
      forecastChoiceCache.set(key, result.model as ForecastModel, 256 + key.length * 2, HOUR_MS);
    }
  });
  return grid.series.map((series, index) => {
    const result = outputs[index];
    const legend = renderLegend(input.query.source.legendFormat, series.labels);
    if (result.kind !== 'forecast') {
      return forecastFailedFrame(input, grid, series, legend, meta, names, failedNotice(result, legend, series.labels));
    }
    const custom = forecastCustom(result, analysis, horizon * plan.stepMs, level, direction);
    const frameMetaWithCustom = frameMeta(meta, infoNotices(result.notices), custom);
    const base = { legend, labels: series.labels, meta: frameMetaWithCustom, stepMs: plan.stepMs };
    switch (output) {
      case 'time-to-threshold': {
        const seconds = result.crossing?.expectedTimeToCrossMs;
        return seriesFrame({
          ...base,
          timestampsMs: Float64Array.of(result.originMs),
          // No crossing within the horizon: +Inf, so "time to threshold below X" stays false for alerts.
          columns: [{ name: FIELD.timeToThreshold, values: Float64Array.of(seconds === null || seconds === undefined ? Infinity : seconds / 1000), nanIsMissing: true, config: { unit: 's' } }],
        });
      }
      case 'threshold-probability':
        return seriesFrame({
          ...base,
          timestampsMs: Float64Array.of(result.originMs),
          columns: [{ name: FIELD.thresholdProbability, values: Float64Array.of(result.crossing?.probabilityWithinHorizon ?? NaN), config: { unit: 'percentunit', min: 0, max: 1 } }],
        });
      case 'full':
        return forecastFullFrame(grid, series, result, base, plan.startMs, plan.stepMs);
      default:
        return seriesFrame({ ...base, timestampsMs: result.timestamps, columns: [{ name: FIELD.forecast, values: result.point }] });
    }
  });
}

function forecastCustom(
  result: ForecastOutput,
  analysis: ForecastAnalysis,
  horizonMs: number,
  intervalLevel: number,
  direction: 'above' | 'below'
): Record<string, unknown> {
  const custom: Record<string, unknown> = {
    model: result.model,
    modelDescription: result.description,
    horizonMs,
    intervalLevel,
    nowMs: result.originMs,
  };
  if (analysis.threshold !== undefined && result.crossing !== undefined) {
    custom.threshold = analysis.threshold;
    custom.thresholdDirection = direction;
    custom.timeToThresholdMs = result.crossing.expectedTimeToCrossMs;
    custom.earliestTimeToThresholdMs = result.crossing.earliestTimeToCrossMs;
    // Median first passage over the simulated paths (null when fewer than half cross within the horizon).
    custom.medianTimeToThresholdMs = result.crossing.medianTimeToCrossMs;
    custom.thresholdProbability = result.crossing.probabilityWithinHorizon;
  }
  return custom;
}

/** History (actual) on the visible grid, then the forecast after the origin; the forecast line starts at the origin's actual value. */
function forecastFullFrame(
  grid: Grid,
  series: GridSeries,
  result: ForecastOutput,
  base: { legend: string | undefined; labels: Record<string, string>; meta: FrameMeta; stepMs: number },
  startMs: number,
  stepMs: number
): Frame {
  const lastFuture = result.timestamps.length > 0 ? result.timestamps[result.timestamps.length - 1] : result.originMs;
  const length = Math.max(grid.visibleLength, Math.round((lastFuture - startMs) / stepMs) + 1);
  const timestampsMs = Float64Array.from({ length }, (_, i) => startMs + i * stepMs);
  const actual = new Float64Array(length).fill(NaN);
  actual.set(slice(series.values, grid));
  const point = new Float64Array(length).fill(NaN);
  const lower = new Float64Array(length).fill(NaN);
  const upper = new Float64Array(length).fill(NaN);
  const origin = Math.round((result.originMs - startMs) / stepMs);
  if (origin >= 0 && origin < length) {
    point[origin] = lower[origin] = upper[origin] = actual[origin];
  }
  for (let h = 0; h < result.timestamps.length; h++) {
    const index = Math.round((result.timestamps[h] - startMs) / stepMs);
    if (index >= 0 && index < length) {
      point[index] = result.point[h];
      lower[index] = result.lower[h];
      upper[index] = result.upper[h];
    }
  }
  return seriesFrame({
    ...base,
    timestampsMs,
    columns: [
      { name: FIELD.actual, values: actual },
      { name: FIELD.forecast, values: point },
      { name: FIELD.lower, values: lower },
      { name: FIELD.upper, values: upper },
    ],
  });
}

function forecastFailedFrame(
  input: AnalysisInput,
  grid: Grid,
  series: GridSeries,
  legend: string | undefined,
  meta: FrameMeta,
  names: string[],
  notices: FrameNotice[]
): Frame {
  const full = names[0] === FIELD.actual;
  return seriesFrame({
    legend,
    labels: series.labels,
    meta: frameMeta(meta, notices),
    timestampsMs: full ? slice(grid.timestamps, grid) : new Float64Array(0),
    stepMs: input.plan.stepMs,
    columns: full
      ? [{ name: FIELD.actual, values: slice(series.values, grid), nanIsMissing: false }]
      : [{ name: names[0], values: new Float64Array(0) }],
  });
}

// -------------------------------------------------------------------------------------------- decompose

export async function runDecompose(input: AnalysisInput, pool: WorkerPool): Promise<Frame[]> {
  const analysis = input.query.analysis as DecomposeAnalysis;
  const { plan } = input;
  const { grid, notices } = buildGrid(input);
  const periods = seasonalityInPoints(analysis.seasonality, plan.stepMs, grid.timestamps.length, notices);
  const description = `Analysis: decompose (seasonality ${Array.isArray(periods) ? periods.map((p) => formatDuration(p * plan.stepMs)).join(', ') : periods}, training ${formatDuration(plan.trainingMs)})`;
  const meta = sharedMeta(input, notices, description);
  const names = [FIELD.actual, FIELD.trend, FIELD.seasonal, FIELD.residual];
  if (grid.series.length === 0) {
    return noSeries(meta, names);
  }
  const tasks: AnalysisTask[] = grid.series.map((series) => ({
    kind: 'decompose',
    values: series.values,
    timestamps: grid.timestamps,
    stepMs: plan.stepMs,
    periods,
  }));
  const outputs = await runTasks(pool, tasks, grid.timestamps.length, BATCH_POINTS, input.signal);
  const timestampsMs = slice(grid.timestamps, grid);
  return grid.series.map((series, index) => {
    const result = outputs[index];
    const legend = renderLegend(input.query.source.legendFormat, series.labels);
    const actual: NumericColumn = { name: FIELD.actual, values: slice(series.values, grid), nanIsMissing: false };
    if (result.kind !== 'decompose') {
      return seriesFrame({ legend, labels: series.labels, meta: frameMeta(meta, failedNotice(result, legend, series.labels)), timestampsMs, stepMs: plan.stepMs, columns: [actual] });
    }
    const changePoints = result.changePoints.filter((i) => i >= grid.visibleStart).map((i) => grid.timestamps[i]);
    const custom = {
      periods: result.periods,
      periodsMs: result.periods.map((p) => p * plan.stepMs),
      changePoints,
    };
    const extra = infoNotices(result.notices);
    if (result.periods.length > 0) {
      extra.push({ severity: 'info', text: `Seasonal periods: ${result.periods.map((p) => formatDuration(p * plan.stepMs)).join(', ')}.` });
    }
    return seriesFrame({
      legend,
      labels: series.labels,
      meta: frameMeta(meta, extra, custom),
      timestampsMs,
      stepMs: plan.stepMs,
      columns: [
        actual,
        { name: FIELD.trend, values: slice(result.trend, grid) },
        { name: FIELD.seasonal, values: slice(result.seasonal, grid) },
        { name: FIELD.residual, values: slice(result.residual, grid) },
      ],
    });
  });
}

// --------------------------------------------------------------------------------------------- outliers

export async function runOutliers(input: AnalysisInput, pool: WorkerPool): Promise<Frame[]> {
  const analysis = input.query.analysis as OutliersAnalysis;
  const { plan } = input;
  const { grid, notices } = buildGrid(input);
  const algorithm = analysis.algorithm ?? 'dbscan';
  const sensitivity = analysis.sensitivity ?? 0.5;
  const description = `Analysis: outliers (${algorithm}, sensitivity ${sensitivity}, training ${formatDuration(plan.trainingMs)})`;
  const names = [FIELD.actual, FIELD.lower, FIELD.upper, FIELD.score, FIELD.anomalous];
  if (grid.series.length === 0) {
    return noSeries(sharedMeta(input, notices, description), names);
  }
  const [result] = await runTasks(
    pool,
    [{ kind: 'outliers', group: grid.series.map((s) => s.values), algorithm, sensitivity, referenceEnd: grid.visibleStart }],
    grid.timestamps.length * grid.series.length,
    BATCH_POINTS,
    input.signal
  );
  if (result.kind !== 'outliers') {
    throw new QueryError(422, 'plugin', `outlier detection could not run on this group: ${result.kind === 'failed' ? result.message : 'unexpected result'}`);
  }
  notices.push(...infoNotices(result.notices));
  const timestampsMs = slice(grid.timestamps, grid);
  const outlying = grid.series.map((_, index) => slice(result.outlying[index], grid).some((v) => v !== 0));
  const count = outlying.filter(Boolean).length;
  notices.push({ severity: 'info', text: `${count} of ${grid.series.length} series deviate from the group in the visible range.` });
  const meta = sharedMeta(input, notices, description);
  const lower = slice(result.lower, grid);
  const upper = slice(result.upper, grid);
  return grid.series.map((series, index) => {
    const legend = renderLegend(input.query.source.legendFormat, series.labels);
    const flags = slice(result.outlying[index], grid);
    return seriesFrame({
      legend,
      labels: series.labels,
      meta: frameMeta(meta, [], {
        isOutlier: outlying[index],
        outlierIntervals: outlierIntervals(Int8Array.from(flags)).map(({ start, end }) => ({
          startMs: timestampsMs[start],
          endMs: timestampsMs[end - 1] + plan.stepMs,
        })),
      }),
      timestampsMs,
      stepMs: plan.stepMs,
      columns: [
        { name: FIELD.actual, values: slice(series.values, grid), nanIsMissing: false },
        { name: FIELD.lower, values: lower },
        { name: FIELD.upper, values: upper },
        { name: FIELD.score, values: slice(result.score[index], grid) },
        { name: FIELD.anomalous, values: flags, config: { min: -1, max: 1 } },
      ],
    });
  });
}
