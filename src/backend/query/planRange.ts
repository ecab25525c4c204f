/**
 * Planning what to fetch for one query: the output range [from, to] on a step grid, plus the training
 * window before it that the analysis learns from.
 */
import { MAX_POINTS_PER_REQUEST, splitRange, type TimeRange } from '../upstream/splitRange';
import { formatDuration } from '../../datasource/query/parseDuration';
import { DEFAULT_MIN_STEP_MS, chooseStep, niceStepAtLeast } from './chooseStep';

/** Prometheus refuses range queries with more than 11,000 points per series in one call. */
export const MAX_POINTS_PER_SERIES = MAX_POINTS_PER_REQUEST;

/**
 * Most points per series one query fetches (training + output). 100,000 keeps a 7-day window at 10 s
 * (60,481 points) and a 28-day window at 30 s (80,641) at full resolution in at most 10 calls; beyond it the
 * step is raised, because the cost of fetching and analysing grows with it and detectors gain little.
 */
export const DEFAULT_MAX_POINTS_PER_SERIES = 100_000;

export interface PlanOptions {
  /** History before `from` the analysis learns from. Defaults to 0 (passthrough). */
  trainingMs?: number;
  /** Smallest step allowed, e.g. the datasource's min interval. Defaults to 1 s. */
  minStepMs?: number;
  /** Budget of points per series over training + output. Defaults to {@link DEFAULT_MAX_POINTS_PER_SERIES}. */
  maxPointsPerSeries?: number;
  /** Points per upstream call. Defaults to 11,000. */
  maxPointsPerRequest?: number;
  /** Longest range per upstream call (Loki's `max_query_length`), when it applies. */
  maxSpanMs?: number;
}

/** The output range and resolution of one query, and the range fetched for it. */
export interface RangePlan {
  /** Start of the output, epoch ms, a multiple of stepMs (start ≤ from). */
  startMs: number;
  /** End of the output, epoch ms, a multiple of stepMs (end ≤ to). */
  endMs: number;
  stepMs: number;
  /** Start of the fetch: the output start minus the training window, on the same grid (anomaly: moved back to the whole hour, see anchorFetchStart). */
  fetchStartMs: number;
  /** End of the fetch (= endMs). */
  fetchEndMs: number;
  /** The training window actually planned (from fetchStartMs to startMs before anchorFetchStart), in ms. */
  trainingMs: number;
  /** Points per series over the whole fetch. */
  pointsPerSeries: number;
  /**
   * `single`: one upstream call. `split`: several consecutive calls stitched together, which keeps the
   * resolution of a long training window instead of raising the step for it.
   */
  strategy: 'single' | 'split';
  /** The upstream calls the fetch takes (what the clients do on their own; listed for notices and tests). */
  calls: TimeRange[];
  /** Things the user should know, e.g. that the step was raised to fit the point budget. */
  notices: string[];
}

/**
 * Plans a query: chooses the step (see chooseStep), floors the output range to the step grid (as Grafana's
 * Prometheus data source does, so a refresh a few seconds later gives the same timestamps and caches well),
 * and extends the fetch back by the training window on the same grid.
 *
 * When training + output exceed 11,000 points per series, the fetch is split into several calls rather than
 * coarsened: a detector trained at a coarser step than it scores at would compare unlike things. Only when the
 * total exceeds `maxPointsPerSeries` is the step raised (to a nice step), with a notice saying so.
 *
 * @throws when the range ends before it starts or the training window is negative
 * @example
 * planRange(Date.parse('2026-01-07T12:00Z'), Date.parse('2026-01-07T18:00Z'), 15_000, 1_000, { trainingMs: 7 * 86_400_000 })
 * // → step 30 s, fetch from 2025-12-31T12:00Z: 20,881 points per series in 2 calls (strategy 'split')
 */
export function planRange(
  fromMs: number,
  toMs: number,
  intervalMs: number,
  maxDataPoints: number,
  options: PlanOptions = {}
): RangePlan {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new Error(`the time range ends before it starts (from ${fromMs}, to ${toMs})`);
  }
  const trainingMs = options.trainingMs ?? 0;
  if (!(trainingMs >= 0)) {
    throw new Error(`the training window must not be negative, got ${trainingMs} ms`);
  }
  const budget = options.maxPointsPerSeries ?? DEFAULT_MAX_POINTS_PER_SERIES;
  const notices: string[] = [];

  const requestedStepMs = chooseStep(
    toMs - fromMs,
    intervalMs,
    maxDataPoints,
    options.minStepMs ?? DEFAULT_MIN_STEP_MS
  );
  let grid = alignToGrid(fromMs, toMs, trainingMs, requestedStepMs);
  if (grid.pointsPerSeries > budget) {
    // Flooring to the grid can add up to two steps, hence the margin of 3.
    grid = alignToGrid(fromMs, toMs, trainingMs, niceStepAtLeast((toMs - fromMs + trainingMs) / (budget - 3)));
    notices.push(
      `Step raised from ${formatDuration(requestedStepMs)} to ${formatDuration(grid.stepMs)}: the ${formatDuration(trainingMs)} ` +
        `training window plus the visible range would need ${pointsAt(fromMs, toMs, trainingMs, requestedStepMs)} points per ` +
        `series at ${formatDuration(requestedStepMs)}, more than the ${budget.toLocaleString('en-US')} allowed. ` +
        'Shorten the training window for a finer step.'
    );
  }
  const { stepMs, startMs, endMs, fetchStartMs } = grid;
  const calls = splitRange(
    fetchStartMs,
    endMs,
    stepMs,
    options.maxPointsPerRequest ?? MAX_POINTS_PER_REQUEST,
    options.maxSpanMs
  );
  return {
    startMs,
    endMs,
    stepMs,
    fetchStartMs,
    fetchEndMs: endMs,
    trainingMs: startMs - fetchStartMs,
    pointsPerSeries: grid.pointsPerSeries,
    strategy: calls.length > 1 ? 'split' : 'single',
    calls,
    notices,
  };
}

function alignToGrid(fromMs: number, toMs: number, trainingMs: number, stepMs: number) {
  const startMs = Math.floor(fromMs / stepMs) * stepMs;
  const endMs = Math.max(startMs, Math.floor(toMs / stepMs) * stepMs);
  const fetchStartMs = startMs - Math.ceil(trainingMs / stepMs) * stepMs;
  return { stepMs, startMs, endMs, fetchStartMs, pointsPerSeries: Math.round((endMs - fetchStartMs) / stepMs) + 1 };
}

function pointsAt(fromMs: number, toMs: number, trainingMs: number, stepMs: number): string {
  return alignToGrid(fromMs, toMs, trainingMs, stepMs).pointsPerSeries.toLocaleString('en-US');
}
