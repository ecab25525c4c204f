/**
 * Fetches a query's series through the upstream cache. A range that reaches "now" is fetched in two
 * parts: the history up to a boundary on a whole hour (at least 10 minutes in the past), starting at the
 * whole hour before the fetch start, cached for minutes, and the recent part after the boundary,
 * cached for seconds. A dashboard refreshing "last 6 hours" with 7 days of training, or an alert rule
 * evaluated every minute, then asks the upstream only for the last minutes most of the time instead of the
 * whole training window. Both parts tile the step grid, so the stitched series equal one call's.
 */
import type { QuerySource } from '../../../datasource/types';
import type { UpstreamClients } from '../../settings/datasourceInstance';
import { UpstreamError, type FetchLimits, type Series } from '../../upstream/types';
import { fetchSeries, type FetchedSeries } from '../fetchSeries';
import type { RangePlan } from '../planRange';
import { QueryError } from '../QueryError';
import { InFlight } from './shareInFlight';
import { PAST_TTL_MS, RECENT_TTL_MS, seriesBytes, ttlFor, upstreamCache, upstreamKey } from './queryCache';

/** History parts start and end on multiples of this, so their cache keys hold while the window moves. */
export const HISTORY_ALIGN_MS = 3_600_000;
/** The newest samples may still change (late scrapes, rule evaluation): the history part ends this far back. */
export const SETTLE_MS = 10 * 60_000;

/** Fetches one range; `signal` fires when every caller waiting for this range has gone. */
export type Fetcher = (range: { fetchStartMs: number; fetchEndMs: number; stepMs: number }, signal: AbortSignal) => Promise<FetchedSeries>;

/** Upstream requests in flight by cache key: identical ranges asked at the same time are fetched once. */
export const upstreamInFlight = new InFlight<FetchedSeries>();

/** The boundary between the cached history and the recent part, or undefined when the range is all past or too short. */
export function historyBoundary(plan: Pick<RangePlan, 'fetchStartMs' | 'fetchEndMs' | 'stepMs'>, nowMs: number): number | undefined {
  if (plan.fetchEndMs < nowMs - SETTLE_MS || plan.stepMs > HISTORY_ALIGN_MS) {
    return undefined;
  }
  const hour = Math.floor((nowMs - SETTLE_MS) / HISTORY_ALIGN_MS) * HISTORY_ALIGN_MS;
  const boundary = Math.floor(hour / plan.stepMs) * plan.stepMs;
  return boundary - plan.fetchStartMs >= HISTORY_ALIGN_MS && boundary <= plan.fetchEndMs ? boundary : undefined;
}

/** Labels as a canonical string (names sorted): the identity of a series. */
export function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.keys(labels).sort().map((name) => [name, labels[name]]));
}

/** Samples of `series` within [startMs, endMs]. */
function within(series: Series, startMs: number, endMs: number): Series {
  let from = 0;
  while (from < series.timestamps.length && series.timestamps[from] < startMs) {
    from++;
  }
  let to = series.timestamps.length;
  while (to > from && series.timestamps[to - 1] > endMs) {
    to--;
  }
  return from === 0 && to === series.timestamps.length
    ? series
    : { labels: series.labels, timestamps: series.timestamps.slice(from, to), values: series.values.slice(from, to) };
}

/** Joins the history and recent series of the same label set, in time order; the limits apply to the result. */
export function stitch(history: Series[], recent: Series[], startMs: number, limits: FetchLimits): Series[] {
  const joined = new Map<string, Series[]>();
  for (const part of [...history.map((s) => within(s, startMs, Infinity)), ...recent]) {
    const key = labelKey(part.labels);
    joined.set(key, [...(joined.get(key) ?? []), part]);
  }
  const series = [...joined.values()]
    .map((parts) => {
      const length = parts.reduce((sum, part) => sum + part.timestamps.length, 0);
      const timestamps = new Float64Array(length);
      const values = new Float64Array(length);
      let offset = 0;
      for (const part of parts) {
        timestamps.set(part.timestamps, offset);
        values.set(part.values, offset);
        offset += part.timestamps.length;
      }
      return { labels: parts[0].labels, timestamps, values };
    })
    .filter((s) => s.timestamps.length > 0);
  if (series.length > limits.maxSeries) {
    throw new QueryError(
      422,
      'plugin',
      `the query returned ${series.length} series, more than the limit of ${limits.maxSeries}; aggregate it (e.g. sum by (…)) or raise maxSeries in the datasource settings`
    );
  }
  const points = series.reduce((sum, s) => sum + s.timestamps.length, 0);
  if (points > limits.maxPoints) {
    throw new QueryError(
      422,
      'plugin',
      `the query returned ${points} points, more than the limit of ${limits.maxPoints}; shorten the range or the training window, or raise maxPoints in the datasource settings`
    );
  }
  return series;
}

/**
 * The series of `plan`'s fetch range, from the cache where possible, else from `fetcher` (the upstream
 * clients in production). A range already being fetched for another query is waited for, not fetched
 * again; `signal` is this caller's cancellation (leaving does not cancel the other callers' fetch).
 */
export async function cachedFetch(
  datasource: string,
  source: QuerySource,
  plan: RangePlan,
  limits: FetchLimits,
  fetcher: Fetcher,
  nowMs = Date.now(),
  signal?: AbortSignal
): Promise<FetchedSeries> {
  const cached = async (range: { fetchStartMs: number; fetchEndMs: number; stepMs: number }, ttlMs: number) => {
    const key = upstreamKey(datasource, source, range);
    const entry = upstreamCache.get(key);
    if (entry !== undefined) {
      return entry;
    }
    return upstreamInFlight.run(
      key,
      signal,
      async (sharedSignal) => {
        const fetched = await fetcher(range, sharedSignal);
        upstreamCache.set(key, fetched, seriesBytes(fetched), ttlMs);
        return fetched;
      },
      () => new UpstreamError('cancelled', 'the request was cancelled')
    );
  };
  const boundary = historyBoundary(plan, nowMs);
  if (boundary === undefined) {
    return cached(plan, ttlFor(plan, nowMs));
  }
  const historyStart = Math.floor(plan.fetchStartMs / HISTORY_ALIGN_MS) * HISTORY_ALIGN_MS;
  const gridStart = Math.ceil(historyStart / plan.stepMs) * plan.stepMs;
  const history = await cached({ fetchStartMs: gridStart, fetchEndMs: boundary - plan.stepMs, stepMs: plan.stepMs }, PAST_TTL_MS);
  const recent = await cached({ fetchStartMs: boundary, fetchEndMs: plan.fetchEndMs, stepMs: plan.stepMs }, RECENT_TTL_MS);
  return {
    series: stitch(history.series, recent.series, plan.fetchStartMs, limits),
    warnings: [...new Set([...history.warnings, ...recent.warnings])],
  };
}

/** The production fetcher: the query's upstream client, with the request's limits and signal. */
export function upstreamFetcher(clients: UpstreamClients, source: QuerySource, limits: FetchLimits): Fetcher {
  return (range, signal) => fetchSeries(clients, source, range, limits, signal);
}
