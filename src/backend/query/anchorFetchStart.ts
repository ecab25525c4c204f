/**
 * Moves a plan's fetch start back to a round time (on the step grid), so that the analysis origin stays
 * put while the window moves: every evaluation of "the last 6 hours" (or of an alert rule) within one hour
 * starts its detector at the same point, and the detector saved after one evaluation can be continued by
 * the next (streamingAnomaly.ts) with results identical to a cold run.
 *
 * The round time is the whole hour for training windows of a day or more, else the largest of 30, 15 or 5
 * minutes that is at most 1/24 of the training window, so the training window grows by at most ~4 %; a
 * training window under two hours is not anchored (it is cheap to run again).
 */
import { splitRange } from '../upstream/splitRange';
import type { RangePlan } from './planRange';

const MINUTE_MS = 60_000;
/** Candidate alignments, longest first. */
const ALIGNMENTS_MS = [60, 30, 15, 5].map((minutes) => minutes * MINUTE_MS);

/** The alignment of the origin for a training window, or undefined when it is not anchored. */
export function originAlignment(trainingMs: number, stepMs: number): number | undefined {
  return ALIGNMENTS_MS.find((alignMs) => alignMs <= trainingMs / 24 && alignMs > stepMs);
}

/**
 * The plan with `fetchStartMs` at the latest grid point at or before the round time (see above) of the
 * fetch start. `trainingMs` stays the training window asked for; the points between the new fetch start
 * and `startMs − trainingMs` are extra history.
 *
 * @example
 * // 7-day training at 1 m, fetch from 2026-01-03T06:07Z → from 2026-01-03T06:00Z (7 more points of history)
 */
export function anchorFetchStart(plan: RangePlan): RangePlan {
  const alignMs = originAlignment(plan.trainingMs, plan.stepMs);
  if (alignMs === undefined) {
    return plan;
  }
  const fetchStartMs = Math.floor(Math.floor(plan.fetchStartMs / alignMs) * alignMs / plan.stepMs) * plan.stepMs;
  if (fetchStartMs === plan.fetchStartMs) {
    return plan;
  }
  const calls = splitRange(fetchStartMs, plan.fetchEndMs, plan.stepMs);
  return {
    ...plan,
    fetchStartMs,
    pointsPerSeries: Math.round((plan.fetchEndMs - fetchStartMs) / plan.stepMs) + 1,
    calls,
    strategy: calls.length > 1 ? 'split' : 'single',
  };
}
