/**
 * CallResource routes (Grafana's /api/datasources/uid/<uid>/resources/<path>): small, read-only and
 * validated. Editors call them for metric and label completion; `health` gives the same result as
 * CheckHealth as JSON. Unknown paths answer 404 with the list of routes.
 */
import type { CallContext, CallResourceRequest, PluginContext, ResourceResponse } from '../protocol/messages';
import type { DatasourceInstance } from '../settings/datasourceInstance';
import { checkHealth } from '../health/checkHealth';
import { UpstreamError } from '../upstream/types';

type Handler = (
  params: URLSearchParams,
  instance: DatasourceInstance,
  context: CallContext,
  request: CallResourceRequest
) => Promise<ResourceResponse>;

function json(status: number, body: unknown): ResourceResponse {
  return { status, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(body) };
}

function errorBody(status: number, message: string): ResourceResponse {
  return json(status, { error: message });
}

/** Optional epoch-ms `start`/`end` query parameters; throws a 400 response for a bad value. */
function timeParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw errorBody(400, `${name} must be epoch milliseconds, got "${raw}"`);
  }
  return value;
}

function requirePrometheus(instance: DatasourceInstance) {
  if (instance.clients.prometheus === undefined) {
    throw errorBody(400, 'no Prometheus URL is configured in this datasource');
  }
  return instance.clients.prometheus;
}

function requireLoki(instance: DatasourceInstance) {
  if (instance.clients.loki === undefined) {
    throw errorBody(400, 'no Loki URL is configured in this datasource');
  }
  return instance.clients.loki;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Longest selector accepted: suggestions are for short matchers, not whole queries. */
const MAX_SELECTOR_LENGTH = 4096;
const MAX_SELECTORS = 16;

/** `match[]` selectors (Prometheus series selectors); throws a 400 response for empty or oversized ones. */
function selectors(params: URLSearchParams): string[] | undefined {
  const match = params.getAll('match[]');
  if (match.length > MAX_SELECTORS) {
    throw errorBody(400, `at most ${MAX_SELECTORS} match[] selectors are accepted, got ${match.length}`);
  }
  for (const selector of match) {
    if (selector.trim() === '' || selector.length > MAX_SELECTOR_LENGTH) {
      throw errorBody(400, `match[] must be a series selector of 1 to ${MAX_SELECTOR_LENGTH} characters, such as up{job="api"}`);
    }
  }
  return match.length > 0 ? match : undefined;
}

/** A Loki stream selector from `query` (Loki's own name) or the first `match[]`. */
function lokiSelector(params: URLSearchParams): string | undefined {
  const selector = params.get('query') ?? selectors(params)?.[0];
  if (selector === undefined || selector === '') {
    return undefined;
  }
  if (!selector.trim().startsWith('{') || selector.length > MAX_SELECTOR_LENGTH) {
    throw errorBody(400, `query must be a LogQL stream selector such as {job="demo"}, got "${selector.slice(0, 80)}"`);
  }
  return selector;
}

function labelParam(params: URLSearchParams, upstream: string): string {
  const label = params.get('label') ?? '';
  if (!LABEL_NAME.test(label)) {
    throw errorBody(400, `label must be a ${upstream} label name, got "${label}"`);
  }
  return label;
}

const prometheusLabels: Handler = async (params, instance, context) => {
  const prometheus = requirePrometheus(instance);
  const data = await prometheus.labels(selectors(params), timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
  return json(200, { data });
};

const prometheusLabelValues: Handler = async (params, instance, context) => {
  const prometheus = requirePrometheus(instance);
  const label = labelParam(params, 'Prometheus');
  const data = await prometheus.labelValues(label, selectors(params), timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
  return json(200, { data });
};

const prometheusMetrics: Handler = async (params, instance, context) => {
  const prometheus = requirePrometheus(instance);
  const data = await prometheus.metricNames(selectors(params), timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
  return json(200, { data });
};

/**
 * Routes, GET only. `prometheus/…` and `loki/…` are what the query editor calls; `labels`, `label-values` and
 * `metrics` are the older Prometheus-only names, kept as aliases.
 */
const ROUTES: Record<string, Handler> = {
  /** CheckHealth as JSON: { status, message, details }. */
  health: async (_params, instance, context, request) => {
    const result = await checkHealth(request.pluginContext, context, () => instance);
    return json(200, result);
  },
  /** Alias of prometheus/labels. */
  labels: prometheusLabels,
  /** Alias of prometheus/label-values. */
  'label-values': prometheusLabelValues,
  /** Alias of prometheus/metrics. */
  metrics: prometheusMetrics,
  /** Prometheus metric names: ?match[]=…&start=<ms>&end=<ms>. */
  'prometheus/metrics': prometheusMetrics,
  /** Prometheus label names: ?match[]=<selector>&start=<ms>&end=<ms>. */
  'prometheus/labels': prometheusLabels,
  /** Prometheus values of one label: ?label=<name>&match[]=…&start=…&end=…. */
  'prometheus/label-values': prometheusLabelValues,
  /** Loki label names: ?query=<stream selector>&start=<ms>&end=<ms>. */
  'loki/labels': async (params, instance, context) => {
    const loki = requireLoki(instance);
    const data = await loki.labels(lokiSelector(params), timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
    return json(200, { data });
  },
  /** Loki values of one label: ?label=<name>&query=<stream selector>&start=…&end=…. */
  'loki/label-values': async (params, instance, context) => {
    const loki = requireLoki(instance);
    const label = labelParam(params, 'Loki');
    const data = await loki.labelValues(label, lokiSelector(params), timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
    return json(200, { data });
  },
};

/** Answers one CallResource request; never throws for expected failures. */
export async function routeResource(
  request: CallResourceRequest,
  context: CallContext,
  instanceFor: (pluginContext: PluginContext | null) => DatasourceInstance
): Promise<ResourceResponse> {
  const path = request.path.replace(/^\/+|\/+$/g, '');
  const handler = Object.prototype.hasOwnProperty.call(ROUTES, path) ? ROUTES[path] : undefined;
  if (handler === undefined) {
    return errorBody(404, `unknown resource "${path}"; available: ${Object.keys(ROUTES).join(', ')}`);
  }
  if (request.method !== '' && request.method.toUpperCase() !== 'GET') {
    return { ...errorBody(405, `${path} answers GET only`), headers: { 'Content-Type': ['application/json'], Allow: ['GET'] } };
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  let instance: DatasourceInstance;
  try {
    instance = instanceFor(request.pluginContext);
  } catch (error) {
    return errorBody(400, `the datasource settings are invalid: ${(error as Error).message}`);
  }
  try {
    return await handler(new URLSearchParams(query), instance, context, request);
  } catch (error) {
    if (isResourceResponse(error)) {
      return error;
    }
    if (error instanceof UpstreamError) {
      return errorBody(error.kind === 'bad-request' ? 400 : 502, error.message);
    }
    throw error;
  }
}

function isResourceResponse(value: unknown): value is ResourceResponse {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
