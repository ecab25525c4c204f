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

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const ROUTES: Record<string, Handler> = {
  /** CheckHealth as JSON: { status, message, details }. */
  health: async (_params, instance, context, request) => {
    const result = await checkHealth(request.pluginContext, context, () => instance);
    return json(200, result);
  },
  /** Prometheus label names: ?match[]=<selector>&start=<ms>&end=<ms>. */
  labels: async (params, instance, context) => {
    const prometheus = requirePrometheus(instance);
    const match = params.getAll('match[]');
    const data = await prometheus.labels(match.length ? match : undefined, timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
    return json(200, { data });
  },
  /** Prometheus values of one label: ?label=<name>&match[]=…&start=…&end=…. */
  'label-values': async (params, instance, context) => {
    const prometheus = requirePrometheus(instance);
    const label = params.get('label') ?? '';
    if (!LABEL_NAME.test(label)) {
      return errorBody(400, `label must be a Prometheus label name, got "${label}"`);
    }
    const match = params.getAll('match[]');
    const data = await prometheus.labelValues(
      label,
      match.length ? match : undefined,
      timeParam(params, 'start'),
      timeParam(params, 'end'),
      context.signal
    );
    return json(200, { data });
  },
  /** Prometheus metric names: ?match[]=…&start=…&end=…. */
  metrics: async (params, instance, context) => {
    const prometheus = requirePrometheus(instance);
    const match = params.getAll('match[]');
    const data = await prometheus.metricNames(match.length ? match : undefined, timeParam(params, 'start'), timeParam(params, 'end'), context.signal);
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
