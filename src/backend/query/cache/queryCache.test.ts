/** @jest-environment node */
import { planRange } from '../planRange';
import { PAST_TTL_MS, RECENT_TTL_MS, datasourceKey, seriesBytes, ttlFor, upstreamKey } from './queryCache';

const HOUR = 3_600_000;

describe('query cache keys and lifetimes', () => {
  const now = Date.UTC(2026, 0, 10, 12);

  it('keeps ranges that reach now only briefly, and past ranges for minutes', () => {
    expect(ttlFor(planRange(now - HOUR, now, 60_000, 1000), now)).toBe(RECENT_TTL_MS);
    expect(ttlFor(planRange(now - 3 * HOUR, now - 2 * HOUR, 60_000, 1000), now)).toBe(PAST_TTL_MS);
  });

  it('keys on the datasource version, the expression and the aligned fetch range and step', () => {
    const source = { kind: 'prometheus' as const, expr: 'up' };
    const plan = planRange(now - HOUR, now, 60_000, 1000, { trainingMs: 24 * HOUR });
    const key = upstreamKey(datasourceKey(1, 'foresight', 5), source, plan);
    // A refresh 20 s later lands on the same 1-minute grid.
    expect(upstreamKey(datasourceKey(1, 'foresight', 5), source, planRange(now - HOUR + 20_000, now + 20_000, 60_000, 1000, { trainingMs: 24 * HOUR }))).toBe(key);
    expect(upstreamKey(datasourceKey(1, 'foresight', 6), source, plan)).not.toBe(key);
    expect(upstreamKey(datasourceKey(1, 'foresight', 5), { ...source, expr: 'up{job="a"}' }, plan)).not.toBe(key);
    expect(upstreamKey(datasourceKey(1, 'foresight', 5), source, planRange(now - HOUR, now, 60_000, 1000))).not.toBe(key);
  });

  it('measures fetched series by their arrays and labels', () => {
    const series = { labels: { job: 'api' }, timestamps: new Float64Array(1000), values: new Float64Array(1000) };
    expect(seriesBytes({ series: [series], warnings: [] })).toBeGreaterThan(16_000);
    expect(seriesBytes({ series: [series, series], warnings: [] })).toBeGreaterThan(32_000);
  });
});
