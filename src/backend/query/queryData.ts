/**
 * The QueryData pipeline: for each refId, parse → plan → fetch → analyse → encode. Queries of one
 * request run concurrently (bounded by Grafana's GF_CONCURRENT_QUERY_COUNT); each refId gets its own
 * status, and a failing refId never affects the others. Upstream requests are aborted when the
 * request's signal fires (gRPC deadline or cancellation).
 */
import { formatDuration, parseDuration } from '../../datasource/query';
import { encodeFrame } from '../frames/encodeFrame';
import type { Frame, FrameMeta } from '../frames/types';
import type { Logger } from '../protocol/logger';
import type { CallContext, DataQuery, DataResponse, QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import type { DatasourceInstance } from '../settings/datasourceInstance';
import { analysisRunner } from './analyse';
import { cachedFetch, upstreamFetcher } from './cache/cachedFetch';
import { anchorFetchStart } from './anchorFetchStart';
import { datasourceKey, framesBytes, RECENT_TTL_MS, resultCache, ttlFor, upstreamKey } from './cache/queryCache';
import { InFlight } from './cache/shareInFlight';
import { parseQuery } from './parseQuery';
import { planRange } from './planRange';
import { QueryError, toQueryError } from './QueryError';

/** Queries run at once when Grafana does not say (its own default is 4 per request in the SDK; 10 suits upstream load). */
const DEFAULT_CONCURRENCY = 10;

/** Analyses in flight by result key: identical queries asked at the same time run once. */
export const resultInFlight = new InFlight<Frame[]>();

export interface QueryDataDeps {
  /** Resolves the datasource instance; throws SettingsError for a bad configuration. */
  instance: (request: QueryDataRequest) => DatasourceInstance;
  logger: Logger;
  /** The clock (epoch ms) that decides whether a range reaches now. Defaults to Date.now; the query benchmark moves it. */
  now?: () => number;
}

/** Answers a whole QueryData request; never throws (every failure becomes a refId's error). */
export async function queryData(
  request: QueryDataRequest,
  context: CallContext,
  deps: QueryDataDeps
): Promise<QueryDataResponse> {
  const responses: Record<string, DataResponse> = {};
  let instance: DatasourceInstance | undefined;
  let instanceError: QueryError | undefined;
  try {
    instance = deps.instance(request);
  } catch (error) {
    // A bad datasource configuration fails every query with the same message naming the setting.
    const cause = error instanceof Error ? error.message : String(error);
    instanceError = new QueryError(400, 'plugin', `datasource settings: ${cause}`);
  }
  const concurrency = concurrencyLimit(request.pluginContext?.grafanaConfig?.GF_CONCURRENT_QUERY_COUNT);
  await forEachLimited(request.queries, concurrency, async (dataQuery) => {
    const started = performance.now();
    let response: DataResponse;
    try {
      if (instanceError !== undefined || instance === undefined) {
        throw instanceError;
      }
      response = await runQuery(dataQuery, instance, context, request, deps.now?.() ?? Date.now());
    } catch (error) {
      const queryError = toQueryError(error);
      response = { frames: [], status: queryError.status, error: queryError.message, errorSource: queryError.errorSource };
    }
    const log = response.status >= 500 && response.errorSource === 'plugin' ? deps.logger.error : deps.logger.debug;
    log('query answered', {
      refId: dataQuery.refId,
      status: response.status,
      frames: response.frames.length,
      durationMs: Math.round(performance.now() - started),
      error: response.error,
    });
    responses[dataQuery.refId] = response;
  });
  return { responses };
}

async function runQuery(
  dataQuery: DataQuery,
  instance: DatasourceInstance,
  context: CallContext,
  request: QueryDataRequest,
  nowMs: number
): Promise<DataResponse> {
  const { settings, clients } = instance;
  const parsed = parseQuery(dataQuery, settings);
  const { query } = parsed;
  const run = analysisRunner(query.analysis.kind); // fails fast, before any upstream request
  const training = query.analysis.kind === 'passthrough' ? undefined : query.analysis.training;
  const trainingMs = training === undefined ? 0 : parseDuration(training, 'analysis.training');
  const planned = planRange(parsed.fromMs, parsed.toMs, parsed.intervalMs, parsed.maxDataPoints, { trainingMs });
  // Anomaly detectors continue between evaluations of a moving window: their origin must not move with it.
  const plan = query.analysis.kind === 'anomaly' ? anchorFetchStart(planned) : planned;
  const limits = { maxSeries: settings.maxSeries, maxPoints: settings.maxPoints };
  const ds = request.pluginContext?.dataSourceInstanceSettings;
  const dsKey = datasourceKey(request.pluginContext?.orgId, ds?.uid, ds?.lastUpdatedMS);
  const fetchKey = upstreamKey(dsKey, query.source, plan);
  const ttlMs = ttlFor(plan, nowMs);
  const resultKey = JSON.stringify([fetchKey, query.analysis, query.output ?? 'full', query.source.legendFormat ?? '']);
  let frames = resultCache.get(resultKey);
  if (frames === undefined) {
    // Identical queries in flight at once (two panels, an alert evaluation during a refresh) share one
    // fetch and one analysis; each caller's cancellation is its own.
    frames = await resultInFlight.run(
      resultKey,
      context.signal,
      async (signal) => {
        const { series, warnings } = await cachedFetch(dsKey, query.source, plan, limits, upstreamFetcher(clients, query.source, limits), nowMs, signal);
        const trainingLine = plan.trainingMs > 0 ? `\nTraining: ${formatDuration(plan.trainingMs)} from ${new Date(plan.fetchStartMs).toISOString()}` : '';
        const meta: FrameMeta = {
          type: 'timeseries-multi',
          typeVersion: [0, 1],
          executedQueryString: `Expr: ${query.source.expr}\nStep: ${formatDuration(plan.stepMs)}${trainingLine}`,
          custom: { startMs: plan.startMs, endMs: plan.endMs, stepMs: plan.stepMs },
        };
        const notices = [
          ...parsed.notices.map((text) => ({ severity: 'info' as const, text })),
          ...plan.notices.map((text) => ({ severity: 'info' as const, text })),
          ...warnings.map((text) => ({ severity: 'warning' as const, text })),
        ];
        if (notices.length > 0) {
          meta.notices = notices;
        }
        // Only ranges that reach now move; saving the models of past ranges would only crowd the model cache.
        const stateKey = ttlMs === RECENT_TTL_MS ? JSON.stringify([dsKey, query.source.kind, query.source.expr]) : undefined;
        const result = await run({ query, plan, series, settings, meta, signal, stateKey });
        resultCache.set(resultKey, result, framesBytes(result), ttlMs);
        return result;
      },
      () => new QueryError(499, 'plugin', 'the query was cancelled before its answer was ready')
    );
  }
  return { frames: frames.map((frame) => encodeFrame(frame, dataQuery.refId)), status: 200 };
}

function concurrencyLimit(setting: string | undefined): number {
  const value = Number.parseInt(setting ?? '', 10);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_CONCURRENCY;
}

/** Runs `task` for every item with at most `limit` in flight. */
async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  });
  await Promise.all(workers);
}
