/**
 * Runs one analysis task with the analytics library. Pure computation (no I/O, no Grafana types), so the
 * same code runs inline and inside a worker thread. A failure that belongs to one series (too few
 * points, a flat group for MAD) comes back as a `failed` output; the caller shows that series without
 * analysis and says why, and the other series are unaffected.
 */
import { createDetector, detectAnomalies } from '../../../analytics/anomaly';
import { mstlDecompose } from '../../../analytics/decompose';
import { forecast, thresholdCrossing } from '../../../analytics/forecast';
import { dbscanOutliers, madOutliers, type GroupOutlierResult } from '../../../analytics/outliers';
import { detectPeriods, periodSearchBlock } from '../../../analytics/seasonality';
import { formatDuration } from '../../../datasource/query/parseDuration';
import type {
  AnalysisOutput,
  AnalysisTask,
  AnomalyOutput,
  AnomalyTask,
  DecomposeOutput,
  DecomposeTask,
  ForecastOutput,
  ForecastTask,
  OutliersOutput,
  OutliersTask,
} from './tasks';
import { streamingAnomaly } from './streamingAnomaly';

const DAY_MS = 86_400_000;
/** A detected period may exceed its calendar cycle by this much (drift, a near miss of the snap). */
const CALENDAR_SLACK = 1.05;

/**
 * Longest lag worth searching for a period in `points` samples: just past the longest calendar cycle (a week,
 * else a day) that fits twice, else half the series. Monitoring data repeats on the clock, so longer lags
 * only cost time (the search is O(points × lag)).
 */
export function periodSearchLimit(stepMs: number, points: number): number {
  for (const cycleMs of [7 * DAY_MS, DAY_MS]) {
    const cycle = cycleMs / stepMs;
    if (2 * cycle <= points) {
      return Math.min(Math.floor(points / 2), Math.ceil(cycle * CALENDAR_SLACK));
    }
  }
  return Math.floor(points / 2);
}

/** Period detection works on at most about this many points (block means of longer series). */
const PERIOD_SEARCH_POINTS = 2048;

/**
 * Seasonal periods (in points at `stepMs`) of a series, found on block means of at most ~2,048 points and
 * over lags up to the longest calendar cycle that fits twice. The autocorrelation search costs
 * O(points × lag), so a week of 1-minute data (10,080 points, lags to 1,512) costs 15 M operations at full
 * resolution and 0.6 M on 5-minute means; calendar periods (hour, day, week) are whole multiples of the
 * block, so they come out exact. Periods shorter than four blocks are not looked for.
 */
export function findPeriods(values: Float64Array, stepMs: number): number[] {
  const block = periodSearchBlock(values.length, stepMs, PERIOD_SEARCH_POINTS);
  const coarse = block === 1 ? values : blockMeans(values, block);
  const periods = detectPeriods(coarse, { stepMs: stepMs * block, maxPeriod: Math.ceil(periodSearchLimit(stepMs, values.length) / block) });
  return periods.map((period) => period * block);
}

/** Means of consecutive blocks of `block` points (NaN ignored; NaN when a block has no value). */
function blockMeans(values: Float64Array, block: number): Float64Array {
  const means = new Float64Array(Math.floor(values.length / block));
  for (let b = 0; b < means.length; b++) {
    let sum = 0;
    let count = 0;
    for (let i = b * block; i < (b + 1) * block; i++) {
      if (Number.isFinite(values[i])) {
        sum += values[i];
        count++;
      }
    }
    means[b] = count > 0 ? sum / count : NaN;
  }
  return means;
}

/** Onset score from which the change-point detector's event start counts as a change point. */
const CHANGE_POINT_ONSET = 0.5;

/** Runs one task; never throws for a problem of the data (see FailedOutput). */
export function computeTask(task: AnalysisTask): AnalysisOutput {
  try {
    switch (task.kind) {
      case 'anomaly':
        return computeAnomaly(task);
      case 'forecast':
        return computeForecast(task);
      case 'decompose':
        return computeDecompose(task);
      case 'outliers':
        return computeOutliers(task);
    }
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Training points from which `auto` seasonality is detected here rather than inside the detector. */
const MIN_TRAINING_FOR_PERIODS = 32;

function computeAnomaly(task: AnomalyTask): AnomalyOutput {
  const notices: string[] = [];
  let seasonality = task.seasonality;
  const resolveSeasonality = () => {
    if (seasonality === 'auto' && task.detector !== 'rolling' && task.detector !== 'changepoint' && task.trainingPoints >= MIN_TRAINING_FOR_PERIODS) {
      // Detect the periods once, on the training window only (so the visible range stays causal); see
      // findPeriods for why this is far cheaper than the detector's own repeated search over every lag.
      const periods = findPeriods(task.values.subarray(0, task.trainingPoints), task.stepMs);
      seasonality = periods.length > 0 ? periods : 'none';
      notices.push(
        periods.length > 0
          ? `Seasonality: period of ${periods.map((p) => formatDuration(p * task.stepMs)).join(' and ')} found in the training window.`
          : 'Seasonality: no period found in the training window.'
      );
    }
    return { detector: task.detector, sensitivity: task.sensitivity, seasonality, warmup: task.warmup };
  };
  if (task.stateKey !== undefined) {
    return streamingAnomaly({
      stateKey: task.stateKey,
      values: task.values,
      timestamps: task.timestamps,
      outputStart: task.outputStart ?? 0,
      cold: () => ({ detector: createDetector(resolveSeasonality()), notices }),
    });
  }
  const result = detectAnomalies(task.values, task.timestamps, resolveSeasonality());
  const offset = Math.min(Math.max(0, task.outputStart ?? 0), task.values.length);
  // Copies of the visible part (a subarray would carry its whole buffer across threads).
  const visible = (values: Float64Array) => (offset === 0 ? values : values.slice(offset));
  return {
    kind: 'anomaly',
    offset,
    expected: visible(result.expected),
    lower: visible(result.lower),
    upper: visible(result.upper),
    score: visible(result.score),
    anomalous: Float64Array.from(result.anomalous.subarray(offset)),
    warmup: result.warmup,
    notices: [...notices, ...result.notices],
    reusedPoints: 0,
  };
}

/** First and one-past-last index holding a finite value. */
function finiteSpan(values: Float64Array): { first: number; end: number } {
  let first = 0;
  while (first < values.length && !Number.isFinite(values[first])) {
    first++;
  }
  let end = values.length;
  while (end > first && !Number.isFinite(values[end - 1])) {
    end--;
  }
  return { first, end };
}

function computeForecast(task: ForecastTask): ForecastOutput {
  // Forecast from the last real sample: leading and trailing gaps are not history.
  const { first, end } = finiteSpan(task.values);
  const values = task.values.subarray(first, end);
  const timestamps = task.timestamps.subarray(first, end);
  if (values.length < 2) {
    throw new Error('too few samples to forecast (fewer than two in the training window and the visible range)');
  }
  const result = forecast(values, timestamps, {
    model: task.model,
    horizon: task.horizon,
    level: task.level,
    seasonalities: task.seasonalities,
  });
  const output: ForecastOutput = {
    kind: 'forecast',
    model: result.model,
    description: result.description,
    originMs: timestamps[timestamps.length - 1],
    timestamps: result.timestamps,
    point: result.point,
    lower: result.lower,
    upper: result.upper,
    notices: result.notices,
  };
  if (task.threshold !== undefined) {
    output.crossing = thresholdCrossing(result, task.threshold, task.direction);
  }
  return output;
}

/** Linear interpolation of NaN gaps; leading/trailing gaps take the nearest value. */
function fillGaps(values: Float64Array): Float64Array {
  const filled = Float64Array.from(values);
  let previous = -1;
  for (let i = 0; i <= filled.length; i++) {
    if (i < filled.length && !Number.isFinite(filled[i])) {
      continue;
    }
    if (i - previous > 1) {
      const left = previous >= 0 ? filled[previous] : i < filled.length ? filled[i] : 0;
      const right = i < filled.length ? filled[i] : left;
      for (let k = previous + 1; k < i; k++) {
        filled[k] = left + ((right - left) * (k - previous)) / (i - previous);
      }
    }
    previous = i;
  }
  return filled;
}

function computeDecompose(task: DecomposeTask): DecomposeOutput {
  const n = task.values.length;
  const finite = task.values.reduce((count, value) => count + (Number.isFinite(value) ? 1 : 0), 0);
  if (finite < 4) {
    throw new Error('too few samples to decompose (fewer than four)');
  }
  const notices: string[] = [];
  const values = fillGaps(task.values);
  let periods: number[];
  if (task.periods === 'auto') {
    periods = findPeriods(values, task.stepMs);
    if (periods.length === 0) {
      notices.push('no seasonal period found; the decomposition has a trend and a residual only');
    }
  } else {
    periods = task.periods === 'none' ? [] : task.periods;
  }
  const decomposition = mstlDecompose(values, periods);
  const dropped = periods.filter((period) => !decomposition.periods.includes(period));
  if (dropped.length > 0) {
    notices.push(`seasonal periods of ${dropped.join(', ')} points ignored: the data holds fewer than two cycles`);
  }
  const seasonal = new Float64Array(n);
  for (const component of decomposition.seasonal) {
    for (let i = 0; i < n; i++) {
      seasonal[i] += component[i];
    }
  }
  const residual = Float64Array.from(decomposition.remainder, (value, i) => (Number.isFinite(task.values[i]) ? value : NaN));
  // Change points: where the seasonally adjusted series starts a sustained level shift (causal detector).
  const shifts = detectAnomalies(decomposition.seasonallyAdjusted, task.timestamps, {
    detector: 'changepoint',
    seasonality: 'none',
    warmup: Math.max(16, Math.min(288, Math.floor(n / 4))),
  });
  const changePoints: number[] = [];
  for (let i = 0; i < n; i++) {
    if (shifts.onset[i] >= CHANGE_POINT_ONSET && Number.isFinite(task.values[i])) {
      changePoints.push(i);
    }
  }
  return {
    kind: 'decompose',
    trend: decomposition.trend,
    seasonal,
    residual,
    periods: decomposition.periods,
    changePoints,
    notices,
  };
}

function computeOutliers(task: OutliersTask): OutliersOutput {
  const notices: string[] = [];
  let result: GroupOutlierResult;
  if (task.algorithm === 'mad') {
    result = madOutliers(task.group, { sensitivity: task.sensitivity, referenceEnd: task.referenceEnd > 0 ? task.referenceEnd : undefined });
    if (task.referenceEnd <= 0) {
      notices.push('no training window: the MAD detector learned the group median from the visible range itself');
    }
  } else {
    result = dbscanOutliers(task.group, { sensitivity: task.sensitivity });
  }
  if (task.group.length < 3) {
    notices.push(`outlier detection compares a series with the rest of its group; this query returned ${task.group.length} series, at least 3 are needed`);
  }
  return {
    kind: 'outliers',
    outlying: result.outlying.map((outlying) => Float64Array.from(outlying)),
    score: result.score,
    isOutlier: result.isOutlier,
    lower: result.lower,
    upper: result.upper,
    notices,
  };
}
