/** @jest-environment node */
import { planRange } from '../planRange';
import { cachedFetch, historyBoundary, type Fetcher } from './cachedFetch';
import { upstreamCache } from './queryCache';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An upstream whose series `a` and `b` have the value t/1000 at every step of the asked range (b starts later). */
function recordingUpstream() {
  const calls: Array<[string, string]> = [];
  const fetcher: Fetcher = async ({ fetchStartMs, fetchEndMs, stepMs }) => {
    calls.push([new Date(fetchStartMs).toISOString(), new Date(fetchEndMs).toISOString()]);
    const make = (name: string, fromMs: number) => {
      const start = Math.max(fetchStartMs, fromMs);
      const count = start > fetchEndMs ? 0 : Math.floor((fetchEndMs - start) / stepMs) + 1;
      const timestamps = Float64Array.from({ length: count }, (_, i) => start + i * stepMs);
      return { labels: { series: name }, timestamps, values: timestamps.map((t) => t / 1000) };
    };
    return { series: [make('a', 0), make('b', Date.UTC(2026, 0, 9, 23, 30))].filter((s) => s.timestamps.length > 0), warnings: [] };
  };
  return { calls, fetcher };
}

const source = { kind: 'prometheus' as const, expr: 'x' };
const limits = { maxSeries: 10, maxPoints: 1_000_000 };

describe('cachedFetch', () => {
  beforeEach(() => upstreamCache.clear());

  const now = Date.UTC(2026, 0, 10, 12, 7, 30);
  const planAt = (nowMs: number) => planRange(nowMs - 6 * HOUR, nowMs, MINUTE, 1000, { trainingMs: DAY });

  it('splits a range that reaches now at a whole hour at least 10 minutes back, and the result equals one call', async () => {
    const plan = planAt(now);
    expect(new Date(historyBoundary(plan, now)!).toISOString()).toBe('2026-01-10T11:00:00.000Z');
    const split = recordingUpstream();
    const whole = recordingUpstream();
    const stitched = await cachedFetch('ds', source, plan, limits, split.fetcher, now);
    const single = await whole.fetcher(plan, new AbortController().signal);
    expect(split.calls).toEqual([
      ['2026-01-09T06:00:00.000Z', '2026-01-10T10:59:00.000Z'],
      ['2026-01-10T11:00:00.000Z', '2026-01-10T12:07:00.000Z'],
    ]);
    expect(stitched.series.map((s) => [s.labels, Array.from(s.timestamps), Array.from(s.values)])).toEqual(
      single.series.map((s) => [s.labels, Array.from(s.timestamps), Array.from(s.values)])
    );
  });

  it('asks the upstream only for the recent part when the window has moved a minute', async () => {
    const upstream = recordingUpstream();
    await cachedFetch('ds', source, planAt(now), limits, upstream.fetcher, now);
    upstream.calls.length = 0;
    const later = now + MINUTE;
    const result = await cachedFetch('ds', source, planAt(later), limits, upstream.fetcher, later);
    expect(upstream.calls).toEqual([['2026-01-10T11:00:00.000Z', '2026-01-10T12:08:00.000Z']]);
    expect(result.series[0].timestamps[0]).toBe(planAt(later).fetchStartMs);
  });

  it('fetches a range in the past in one call', async () => {
    const upstream = recordingUpstream();
    const past = planRange(now - 3 * DAY, now - 2 * DAY, MINUTE, 1000, { trainingMs: DAY });
    expect(historyBoundary(past, now)).toBeUndefined();
    await cachedFetch('ds', source, past, limits, upstream.fetcher, now);
    expect(upstream.calls).toHaveLength(1);
  });

  it('applies the series and point limits to the stitched result', async () => {
    await expect(cachedFetch('ds', source, planAt(now), { maxSeries: 1, maxPoints: 1e6 }, recordingUpstream().fetcher, now)).rejects.toThrow(
      /2 series, more than the limit of 1/
    );
    upstreamCache.clear();
    await expect(cachedFetch('ds', source, planAt(now), { maxSeries: 10, maxPoints: 2000 }, recordingUpstream().fetcher, now)).rejects.toThrow(
      /points, more than the limit of 2000/
    );
  });
});
