/**
 * Frames from the real backend for the browser specs: starts the real Prometheus fixture with the demo history
 * (tests/integration/fixtures/prometheus.ts), runs the PACKAGED backend binary under grafana-sim (Grafana's
 * go-plugin host stand-in, as the integration tests do) with an anomaly and a forecast query, and decodes the
 * Arrow frames it answers into the JSON form `fixtures/loadFrames.ts` reads (`framesFromGolden`).
 *
 * Runs in the Playwright process (Node), never in the page. Build first: `npm run build` (or
 * `npm run build:backend`); a missing or stale binary fails with that instruction.
 */
import { incidentWindow, type IncidentWindow } from '../../../demo/generator/incidents';
import { decodeFrame, type DecodedFrame } from '../../golden/decodeFrames';
import { startPrometheus } from '../../integration/fixtures/prometheus';
import {
  cleanUp,
  readFrameFile,
  requirePackagedBinary,
  runGrafanaSim,
  type SimRun,
} from '../../integration/grafana-sim/grafanaSim';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** End of the demo history (the incident anchor); the same as the integration tests, so the TSDB block cache is shared. */
export const LIVE_ANCHOR_MS = Date.UTC(2026, 0, 10, 12);
/** Days of demo history loaded into Prometheus: enough for 2 days of training before the db latency spike. */
const HISTORY_DAYS = 7;

export const LIVE_P95 =
  'histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket[5m])))';
export const LIVE_DISK_RATIO = 'disk_used_bytes{service="db"} / disk_total_bytes{service="db"}';
export const LIVE_DISK_THRESHOLD = 0.9;

/** One panel's data: the decoded frames and the dashboard time range the query ran for. */
export interface LivePanelData {
  frames: DecodedFrame[];
  timeRange: { from: number; to: number };
}

export interface LiveFrames {
  /** p95 latency per service around the demo's db latency spike, with `analysis.kind: "anomaly"`. */
  anomaly: LivePanelData;
  /** db disk used ratio over the last day, forecast 3 days ahead with a 90 % threshold. */
  forecast: LivePanelData;
  /** The scheduled incidents the screenshots must show. */
  latencySpike: IncidentWindow;
  diskFill: IncidentWindow;
  /** How long producing the frames took, for the report. */
  elapsedMs: { prometheus: number; backend: number };
}

function query(refId: string, range: { from: number; to: number }, intervalMs: number, json: Record<string, unknown>) {
  return {
    refId,
    from: range.from,
    to: range.to,
    intervalMs,
    maxDataPoints: 1000,
    json: { schemaVersion: 1, ...json },
  };
}

function framesOf(run: SimRun, refId: string): DecodedFrame[] {
  const responses = run.calls[0].responses as Record<
    string,
    { status: number; error?: string; frames?: Array<{ file: string }> }
  >;
  const response = responses?.[refId];
  if (!response || response.status !== 200) {
    throw new Error(
      `the backend answered ${refId} with status ${response?.status}: ${response?.error ?? 'no response'}`
    );
  }
  return (response.frames ?? []).map((frame) => decodeFrame(readFrameFile(run, frame.file)));
}

/** Throws the instruction to build when the packaged backend is missing or older than its sources. */
export function requireBackendBuild(): void {
  try {
    requirePackagedBinary();
  } catch (error) {
    throw new Error(
      `The browser specs on live backend frames run the packaged backend binary. Run \`npm run build\` first ` +
        `(\`npm run build:backend\` rebuilds only the backend).\n${(error as Error).message}`
    );
  }
}

/** Starts Prometheus, queries the packaged backend through grafana-sim and returns the decoded frames. */
export async function produceLiveFrames(): Promise<LiveFrames> {
  requireBackendBuild();
  const latencySpike = incidentWindow('db-latency-spike', LIVE_ANCHOR_MS);
  const diskFill = incidentWindow('db-disk-fill', LIVE_ANCHOR_MS);
  const anomalyRange = { from: latencySpike.startMs - 3 * HOUR, to: latencySpike.startMs + 3 * HOUR };
  const forecastRange = { from: LIVE_ANCHOR_MS - DAY, to: LIVE_ANCHOR_MS };

  const t0 = Date.now();
  const prometheus = await startPrometheus({ days: HISTORY_DAYS, endMs: LIVE_ANCHOR_MS });
  const t1 = Date.now();
  let run: SimRun | undefined;
  try {
    run = await runGrafanaSim({
      datasource: { uid: 'foresight', jsonData: { prometheusUrl: prometheus.url } },
      calls: [
        {
          method: 'QueryData',
          timeoutMs: 120_000,
          queries: [
            query('ANOMALY', anomalyRange, 5 * MINUTE, {
              source: { kind: 'prometheus', expr: LIVE_P95, legendFormat: '{{service}} p95' },
              analysis: { kind: 'anomaly', training: '2d' },
            }),
            query('FORECAST', forecastRange, 30 * MINUTE, {
              source: { kind: 'prometheus', expr: LIVE_DISK_RATIO, legendFormat: '{{service}} disk' },
              analysis: { kind: 'forecast', training: '3d', horizon: '3d', threshold: LIVE_DISK_THRESHOLD },
            }),
          ],
        },
      ],
    });
    if (run.summary.failures.length) {
      throw new Error(
        `grafana-sim reported failures:\n${run.summary.failures.join('\n')}\n${run.pluginStderr.slice(-2000)}`
      );
    }
    return {
      anomaly: { frames: framesOf(run, 'ANOMALY'), timeRange: anomalyRange },
      forecast: { frames: framesOf(run, 'FORECAST'), timeRange: forecastRange },
      latencySpike,
      diskFill,
      elapsedMs: { prometheus: t1 - t0, backend: Date.now() - t1 },
    };
  } finally {
    cleanUp(run);
    await prometheus.stop();
  }
}
