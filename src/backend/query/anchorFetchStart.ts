/**
 * Moves a plan's fetch start back to the whole hour (on the step grid), so that the analysis origin stays
 * put while the window moves: every evaluation of "the last 6 hours" (or of an alert rule) within one hour
 * starts its detector at the same point, and the detector saved after one evaluation can be continued by
 * the next (streamingAnomaly.ts) with results identical to a cold run. The training window grows by less
 * than an hour; the upstream history part starts at that whole hour anyway (cachedFetch.ts).
 */
import { splitRange } from '../upstream/splitRange';
import type { RangePlan } from './planRange';

/** Origins are whole multiples of this. */
export const ORIGIN_ALIGN_MS = 3_600_000;

/**
 * The plan with `fetchStartMs` at the latest grid point at or before the whole hour of the fetch start.
 * `trainingMs` stays the training window asked for; the points between the new fetch start and
 * `startMs − trainingMs` are extra history.
 *
 * @example
 * // step 1 m, fetch from 2026-01-03T06:07Z → from 2026-01-03T06:00Z (7 more points of history)
 */
export function anchorFetchStart(plan: RangePlan, alignMs = ORIGIN_ALIGN_MS): RangePlan {
  const hour = Math.floor(plan.fetchStartMs / alignMs) * alignMs;
  const fetchStartMs = Math.floor(hour / plan.stepMs) * plan.stepMs;
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
