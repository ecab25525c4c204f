/**
 * Identical queries in flight at the same time share one upstream fetch and one analysis: the real
 * pipeline (queryData, the real Prometheus HTTP client, the analyses) against a small real HTTP server
 * that counts the `query_range` requests it gets and can hold its answers so the queries overlap.
 */
import { createLogger } from '../../src/backend/protocol/logger';
import type { QueryDataRequest, QueryDataResponse } from '../../src/backend/protocol/messages';
import { upstreamCache, resultCache } from '../../src/backend/query/cache/queryCache';
import { queryData, resultInFlight } from '../../src/backend/query/queryData';
import { httpClientFactory } from '../../src/backend/settings/createClients';
import { InstanceCache } from '../../src/backend/settings/datasourceInstance';
import { startCountingPrometheus, type CountingPrometheus } from './fixtures/countingPrometheus';
import { foresightPluginContext } from './fixtures/pluginContext';

const MINUTE = 60_000;
const FROM = Date.UTC(2026, 0, 10, 6, 0);
const TO = Date.UTC(2026, 0, 10, 12, 0);

let upstream: CountingPrometheus;
let uidCounter = 0;

beforeAll(async () => {
  upstream = await startCountingPrometheus();
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  upstreamCache.clear();
  resultCache.clear();
  upstream.requests.length = 0;
});

const anomalyQuery = { schemaVersion: 1, source: { kind: 'prometheus', expr: 'latency' }, analysis: { kind: 'anomaly', training: '1d' }, output: 'full' };

function request(uid: string, query: Record<string, unknown> = anomalyQuery): QueryDataRequest {
  return {
    pluginContext: foresightPluginContext(uid, { prometheusUrl: upstream.url }),
    headers: {},
    format: 'ARROW',
    queries: [
      {
        refId: 'A',
        maxDataPoints: 1000,
        intervalMS: MINUTE,
        timeRange: { fromEpochMS: FROM, toEpochMS: TO },
        json: Buffer.from(JSON.stringify({ refId: 'A', ...query })),
        queryType: '',
      },
    ],
  };
}

const instances = new InstanceCache(httpClientFactory(() => undefined));
const deps = { instance: (r: QueryDataRequest) => instances.get(r.pluginContext), logger: createLogger({ level: 'error' }) };

function ask(uid: string, signal: AbortSignal, query?: Record<string, unknown>): Promise<QueryDataResponse> {
  return queryData(request(uid, query), { signal }, deps);
}

/** Waits until the upstream has received `count` requests (they are held, so the callers overlap). */
async function untilRequests(count: number): Promise<void> {
  for (let i = 0; i < 500 && upstream.requests.length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Let the other callers reach the pipeline and join the request in flight.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('identical queries in flight', () => {
  it('N concurrent identical anomaly queries make one upstream request and get identical frames', async () => {
    const uid = `inflight-${uidCounter++}`;
    const joinedBefore = resultInFlight.joined;
    upstream.hold();
    const answers = Array.from({ length: 5 }, () => ask(uid, new AbortController().signal));
    await untilRequests(1);
    upstream.release();
    const responses = (await Promise.all(answers)).map((answer) => answer.responses.A);
    expect(upstream.requests).toHaveLength(1);
    expect(resultInFlight.joined - joinedBefore).toBe(4);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(responses[0].frames).toHaveLength(3);
    for (const response of responses.slice(1)) {
      expect(response.frames.map((frame) => Buffer.from(frame).toString('base64'))).toEqual(
        responses[0].frames.map((frame) => Buffer.from(frame).toString('base64'))
      );
    }
    expect(resultInFlight.size).toBe(0);
  });

  it('a cancelled caller gets a cancelled error at once; the others still get their frames from the one request', async () => {
    const uid = `inflight-${uidCounter++}`;
    upstream.hold();
    const leaving = new AbortController();
    const first = ask(uid, leaving.signal);
    const others = [ask(uid, new AbortController().signal), ask(uid, new AbortController().signal)];
    await untilRequests(1);
    leaving.abort();
    const cancelled = (await first).responses.A;
    expect(cancelled.status).toBe(499);
    expect(cancelled.error).toMatch(/cancelled/);
    upstream.release();
    const responses = (await Promise.all(others)).map((answer) => answer.responses.A);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(responses[0].frames).toHaveLength(3);
    expect(Buffer.concat(responses[1].frames)).toEqual(Buffer.concat(responses[0].frames));
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.abandoned).toBe(0);
  });

  it('when every caller has gone the upstream request is aborted, and the next identical query starts afresh', async () => {
    const uid = `inflight-${uidCounter++}`;
    upstream.hold();
    const callers = [new AbortController(), new AbortController()];
    const answers = callers.map((caller) => ask(uid, caller.signal));
    await untilRequests(1);
    callers.forEach((caller) => caller.abort());
    expect((await Promise.all(answers)).map((answer) => answer.responses.A.status)).toEqual([499, 499]);
    for (let i = 0; i < 200 && upstream.abandoned === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    upstream.release();
    const again = (await ask(uid, new AbortController().signal)).responses.A;
    expect(again.status).toBe(200);
    expect(again.frames).toHaveLength(3);
    expect(upstream.requests).toHaveLength(2);
    expect(upstream.abandoned).toBe(1);
  });

  it('different analyses of the same expression and range share the upstream request', async () => {
    const uid = `inflight-${uidCounter++}`;
    upstream.hold();
    const outliers = { ...anomalyQuery, analysis: { kind: 'outliers', training: '1d' } };
    const answers = [ask(uid, new AbortController().signal), ask(uid, new AbortController().signal, outliers)];
    await untilRequests(1);
    upstream.release();
    const [anomaly, groups] = (await Promise.all(answers)).map((answer) => answer.responses.A);
    expect([anomaly.status, groups.status]).toEqual([200, 200]);
    expect(anomaly.frames).toHaveLength(3);
    expect(groups.frames).toHaveLength(3);
    expect(upstream.requests).toHaveLength(1);
  });
});
