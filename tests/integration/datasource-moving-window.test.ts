/**
 * A moving window (a dashboard refreshing every minute, an alert rule evaluated every minute) continues the
 * anomaly detectors saved by the previous evaluation instead of scoring the whole training window again,
 * and gets exactly what a cold run gets. The real pipeline (queryData, the Prometheus HTTP client, the
 * upstream and result caches, the analyses on the inline pool) against a small real HTTP server serving a
 * daily cycle with noise; only the clock is set by the test, so "now" can move a minute at a time.
 */
import { createLogger } from '../../src/backend/protocol/logger';
import { forecastChoiceCache, resultCache, upstreamCache } from '../../src/backend/query/cache/queryCache';
import { clearSavedDetectors, streamingStats } from '../../src/backend/query/analysis/streamingAnomaly';
import { queryData } from '../../src/backend/query/queryData';
import { httpClientFactory } from '../../src/backend/settings/createClients';
import { InstanceCache } from '../../src/backend/settings/datasourceInstance';
import { decodeFrame, type DecodedFrame } from '../golden/decodeFrames';
import { startCountingPrometheus, type CountingPrometheus } from './fixtures/countingPrometheus';
import { foresightPluginContext } from './fixtures/pluginContext';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A Saturday morning; the window is "the last 6 hours" with a day of training. */
const T0 = Date.UTC(2026, 10, 21, 9, 7, 20);

let upstream: CountingPrometheus;

beforeAll(async () => {
  upstream = await startCountingPrometheus();
  // Only Date is faked: timers, I/O and performance run for real.
  jest.useFakeTimers({
    now: T0,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
});

afterAll(async () => {
  jest.useRealTimers();
  await upstream.close();
});

function coldStart(): void {
  resultCache.clear();
  upstreamCache.clear();
  clearSavedDetectors();
  forecastChoiceCache.clear();
}

beforeEach(() => {
  coldStart();
  upstream.spikes.length = 0;
  jest.setSystemTime(T0);
});

const instances = new InstanceCache(httpClientFactory(() => undefined));

/** "The last 6 hours" at 1-minute steps, anomaly with a day of training, evaluated at the fake now. */
async function lastSixHours(output = 'full', analysis: Record<string, unknown> = { kind: 'anomaly', training: '1d' }): Promise<{ frames: DecodedFrame[]; raw: string }> {
  const now = Date.now();
  const query = { schemaVersion: 1, source: { kind: 'prometheus', expr: 'latency' }, analysis, output };
  const answer = await queryData(
    {
      pluginContext: foresightPluginContext('moving-window', { prometheusUrl: upstream.url }),
      headers: {},
      format: 'ARROW',
      queries: [{ refId: 'A', maxDataPoints: 1000, intervalMS: MINUTE, timeRange: { fromEpochMS: now - 6 * HOUR, toEpochMS: now }, json: Buffer.from(JSON.stringify({ refId: 'A', ...query })), queryType: '' }],
    },
    { signal: new AbortController().signal },
    { instance: (r) => instances.get(r.pluginContext), logger: createLogger({ level: 'error' }) }
  );
  const response = answer.responses.A;
  if (response.status !== 200) {
    throw new Error(`query failed: ${response.status} ${response.error}`);
  }
  return { frames: response.frames.map(decodeFrame), raw: response.frames.map((frame) => Buffer.from(frame).toString('base64')).join() };
}

/** Warm and cold tasks run since `before`. */
function since(before: { warm: number; cold: number }) {
  return { warm: streamingStats.warm - before.warm, cold: streamingStats.cold - before.cold };
}

const field = (frame: DecodedFrame, name: string) => frame.fields.find((f) => f.name === name)!.values as Array<number | null>;

describe('anomaly over a moving window', () => {
  it('continues the saved detectors when the window moves a minute, with frames identical to a cold run', async () => {
    const start = { ...streamingStats };
    await lastSixHours();
    expect(since(start)).toEqual({ warm: 0, cold: 3 });
    // db jumps by 60 (its noise is ±3) in the minute that the next evaluations add.
    upstream.spikes.push({ service: 'db', fromMs: T0 + MINUTE, size: 60 });
    jest.setSystemTime(T0 + MINUTE);
    await lastSixHours();
    jest.setSystemTime(T0 + 2 * MINUTE);
    const warm = await lastSixHours();
    expect(since(start)).toEqual({ warm: 6, cold: 3 });

    coldStart();
    const coldBefore = { ...streamingStats };
    const cold = await lastSixHours();
    expect(since(coldBefore)).toEqual({ warm: 0, cold: 3 });
    expect(warm.raw).toBe(cold.raw);

    // What a user sees: six hours at one minute, and db's jump flagged at the newest points.
    const db = warm.frames.find((frame) => frame.fields.some((f) => f.labels?.service === 'db'))!;
    const time = field(db, 'time');
    expect(time).toHaveLength(361);
    expect(time[time.length - 1]).toBe(Math.floor((T0 + 2 * MINUTE) / MINUTE) * MINUTE);
    expect(field(db, 'anomalous').slice(-1)).toEqual([1]);
    expect(field(db, 'score')[time.length - 3]).toBeLessThan(0.5);
    const api = warm.frames.find((frame) => frame.fields.some((f) => f.labels?.service === 'api'))!;
    expect(field(api, 'anomalous').slice(-2)).toEqual([0, 0]);
  });

  it('runs cold when a value the saved detector saw has changed since (a late sample), and still equals a cold run', async () => {
    await lastSixHours();
    // The upstream now answers differently for an hour in the past (e.g. a late or corrected sample).
    upstream.spikes.push({ service: 'api', fromMs: T0 - 3 * HOUR, untilMs: T0 - 3 * HOUR + 5 * MINUTE, size: 40 });
    upstreamCache.clear();
    jest.setSystemTime(T0 + MINUTE);
    const before = { ...streamingStats };
    const changed = await lastSixHours();
    // api's past changed: cold; db and web saw the same values: continued.
    expect(since(before)).toEqual({ warm: 2, cold: 1 });
    coldStart();
    expect((await lastSixHours()).raw).toBe(changed.raw);
  });

  it('starts afresh when the training window crosses a whole hour (the origin moves); alert outputs continue like full ones', async () => {
    jest.setSystemTime(Date.UTC(2026, 10, 21, 9, 58, 20));
    await lastSixHours('score');
    jest.setSystemTime(Date.UTC(2026, 10, 21, 9, 59, 20));
    let before = { ...streamingStats };
    await lastSixHours('score');
    expect(since(before)).toEqual({ warm: 3, cold: 0 });
    jest.setSystemTime(Date.UTC(2026, 10, 21, 10, 0, 20));
    before = { ...streamingStats };
    const crossed = await lastSixHours('score');
    expect(since(before)).toEqual({ warm: 0, cold: 3 });
    expect(crossed.frames.map((frame) => frame.fields.map((f) => f.name))).toEqual([
      ['time', 'score'],
      ['time', 'score'],
      ['time', 'score'],
    ]);
  });

  it('re-fits the forecast model that auto chose a minute ago instead of backtesting every candidate again, with the same frames', async () => {
    const forecast = { kind: 'forecast', training: '1d', horizon: '1h' };
    await lastSixHours('full', forecast);
    jest.setSystemTime(T0 + MINUTE);
    const hits = forecastChoiceCache.stats().hits;
    const moved = await lastSixHours('full', forecast);
    expect(forecastChoiceCache.stats().hits - hits).toBe(3);
    coldStart();
    const cold = await lastSixHours('full', forecast);
    expect(moved.raw).toBe(cold.raw);
    expect(moved.frames.map((frame) => (frame.meta?.custom as { model: string }).model)).toEqual(cold.frames.map((frame) => (frame.meta?.custom as { model: string }).model));
  });
});
