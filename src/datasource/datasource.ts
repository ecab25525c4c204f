import { CoreApp, type DataSourceInstanceSettings, type ScopedVars } from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';

import { alertDefaultOutput } from './editor/outputModes';
import { interpolateExpr } from './editor/interpolateExpr';
import { migrateQuery } from './editor/migrateQuery';
import {
  DEFAULT_QUERY,
  SETTINGS_DEFAULTS,
  type ForesightDataSourceOptions,
  type ForesightQuery,
  type SourceKind,
} from './types';

/** Health of one upstream as the backend's `health` resource reports it. */
export interface UpstreamHealth {
  /** Whether the upstream is configured and answered. */
  ok?: boolean;
  /** `ok`, `error` or `not configured` in the backend's words. */
  status?: string;
  message?: string;
  [key: string]: unknown;
}

/** Body of `GET health`. */
export interface HealthDetail {
  prometheus?: UpstreamHealth;
  loki?: UpstreamHealth;
}

/** How long fetched suggestion lists are reused before asking the backend again. */
const SUGGESTION_CACHE_MS = 60_000;

/**
 * The Foresight datasource in the browser. Queries run in the plugin backend (also for alert rules,
 * which never load this class); this class prepares queries and fetches editor suggestions through the
 * backend's resource routes (see docs/datasource.md).
 */
export class DataSource extends DataSourceWithBackend<ForesightQuery, ForesightDataSourceOptions> {
  /** Settings defaults the editors show as placeholders. */
  readonly defaults: { training: string; sensitivity: number };
  private readonly suggestionCache = new Map<string, { at: number; names: Promise<string[]> }>();

  constructor(instanceSettings: DataSourceInstanceSettings<ForesightDataSourceOptions>) {
    super(instanceSettings);
    const jsonData = instanceSettings.jsonData ?? {};
    this.defaults = {
      training: jsonData.defaultTraining || SETTINGS_DEFAULTS.defaultTraining,
      sensitivity: jsonData.defaultSensitivity ?? SETTINGS_DEFAULTS.defaultSensitivity,
    };
  }

  /** A new query: an anomaly analysis, with an alert-friendly output in the alert rule editor. */
  override getDefaultQuery(app: CoreApp): Partial<ForesightQuery> {
    const output = app === CoreApp.UnifiedAlerting ? alertDefaultOutput(DEFAULT_QUERY.analysis) : DEFAULT_QUERY.output;
    return { ...DEFAULT_QUERY, source: { ...DEFAULT_QUERY.source }, analysis: { ...DEFAULT_QUERY.analysis }, output };
  }

  /** Skips queries without an expression (a freshly added query, or one the user cleared). */
  override filterQuery(query: ForesightQuery): boolean {
    return migrateQuery(query).source.expr.trim() !== '';
  }

  /** Migrates older query shapes and replaces dashboard variables in the expression and legend. */
  override applyTemplateVariables(query: ForesightQuery, scopedVars: ScopedVars): ForesightQuery {
    const migrated = migrateQuery(query);
    const templateSrv = getTemplateSrv();
    const { source } = migrated;
    return {
      ...migrated,
      source: {
        ...source,
        expr: interpolateExpr(templateSrv, source.expr, scopedVars),
        ...(source.legendFormat !== undefined
          ? { legendFormat: templateSrv.replace(source.legendFormat, scopedVars) }
          : {}),
      },
    };
  }

  /** Metric names known to Prometheus; empty when Prometheus is not configured or unreachable. */
  getMetricNames(): Promise<string[]> {
    return this.fetchNames('prometheus/metrics');
  }

  /** Label names, for series matching `metric` when given. */
  getLabelNames(kind: SourceKind, metric?: string): Promise<string[]> {
    if (kind === 'loki') {
      return this.fetchNames('loki/labels');
    }
    return this.fetchNames('prometheus/labels', metric ? { 'match[]': metric } : undefined);
  }

  /** Values of one label, for series matching `metric` when given (Prometheus only). */
  getLabelValues(kind: SourceKind, label: string, metric?: string): Promise<string[]> {
    if (kind === 'loki') {
      return this.fetchNames('loki/label-values', { label });
    }
    return this.fetchNames('prometheus/label-values', metric ? { label, 'match[]': metric } : { label });
  }

  /** Per-upstream health detail, or `undefined` when the backend cannot tell. */
  async getHealthDetail(): Promise<HealthDetail | undefined> {
    try {
      const body = await this.getResource<unknown>('health');
      // The route may answer the detail itself or CheckHealth's `{ status, message, details }`.
      const detail = isObject(body) && isObject(body.details) ? body.details : body;
      if (!isObject(detail) || !(isObject(detail.prometheus) || isObject(detail.loki))) {
        return undefined;
      }
      return {
        prometheus: detail.prometheus as UpstreamHealth | undefined,
        loki: detail.loki as UpstreamHealth | undefined,
      };
    } catch {
      return undefined;
    }
  }

  /**
   * GETs a resource that lists names. Suggestions are a convenience: a failing or malformed
   * answer yields an empty list, and a failure is not cached so the next keystroke retries.
   */
  private fetchNames(path: string, params?: Record<string, string>): Promise<string[]> {
    const key = `${path}?${new URLSearchParams(params).toString()}`;
    const cached = this.suggestionCache.get(key);
    const now = Date.now();
    if (cached && now - cached.at < SUGGESTION_CACHE_MS) {
      return cached.names;
    }
    const names = this.getResource<unknown>(path, params).then(
      (body) => namesFrom(body),
      () => {
        this.suggestionCache.delete(key);
        return [];
      }
    );
    this.suggestionCache.set(key, { at: now, names });
    return names;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The names in a `string[]` body, or in `{ data: string[] }` as Prometheus' own API wraps them; else none. */
function namesFrom(body: unknown): string[] {
  const list = isObject(body) ? body.data : body;
  return Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : [];
}
