/**
 * Running the calls of a split range query one after another, checking the limits on the running totals
 * (so an over-limit query stops early), and stitching the parts.
 */
import { checkPointLimit, checkSeriesLimit } from './decodeSamples';
import { decodeOrThrow } from './envelope';
import type { UpstreamName } from './errors';
import type { TimeRange } from './splitRange';
import { labelsKey, stitchSeries } from './stitchSeries';
import type { FetchLimits, Series } from './types';

/**
 * Calls `fetchCall` for each range in order and stitches the series. `fetchCall` may return `undefined` to
 * stop (the caller then handles what it got); the function then returns `undefined` too.
 */
export async function fetchInCalls(
  upstream: UpstreamName,
  calls: readonly TimeRange[],
  limits: FetchLimits,
  fetchCall: (call: TimeRange) => Promise<Series[] | undefined>
): Promise<Series[] | undefined> {
  const parts: Series[][] = [];
  const seen = new Set<string>();
  let points = 0;
  // One call at a time: the total work is the same, and one query does not burst the upstream.
  for (const call of calls) {
    const series = await fetchCall(call);
    if (series === undefined) {
      return undefined;
    }
    for (const item of series) {
      seen.add(labelsKey(item.labels));
      points += item.timestamps.length;
    }
    decodeOrThrow(upstream, 'query_range', () => {
      checkSeriesLimit(seen.size, limits);
      checkPointLimit(points, limits);
    });
    parts.push(series);
  }
  return stitchSeries(parts);
}
