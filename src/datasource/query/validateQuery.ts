/**
 * The one place where raw query JSON (from a dashboard, an alert rule, provisioning or the API) becomes a
 * typed, defaulted `ForesightQuery`, or a list of errors that each name the field, say what was expected and
 * what was found. Shared by the query editor and the backend, so both reject the same things.
 */
import {
  QUERY_SCHEMA_VERSION,
  type Analysis,
  type AnalysisKind,
  type AnomalyDetector,
  type ForecastModel,
  type ForesightQuery,
  type OutputMode,
  type QuerySource,
  type Seasonality,
  type SourceKind,
} from '../types';
import { DurationError, parseDuration } from './parseDuration';

/** One problem in a query, e.g. `{ path: 'analysis.sensitivity', message: 'expected a number between 0 and 1, got 2' }`. */
export interface QueryFieldError {
  /** Dotted path of the field in the query JSON, e.g. `analysis.seasonality[1]`; `query` for the whole query. */
  path: string;
  message: string;
}

export type QueryValidation =
  | {
      ok: true;
      query: ForesightQuery;
      /** Things the user may want to know that did not stop the query, e.g. an upgraded legacy shape. */
      notices: string[];
    }
  | { ok: false; errors: QueryFieldError[] };

export const SOURCE_KINDS: readonly SourceKind[] = ['prometheus', 'loki'];
export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['passthrough', 'anomaly', 'forecast', 'outliers', 'decompose'];
export const ANOMALY_DETECTORS: readonly AnomalyDetector[] = ['auto', 'rolling', 'seasonal', 'changepoint'];
export const FORECAST_MODELS: readonly ForecastModel[] = ['auto', 'linear', 'holt', 'mstl', 'seasonal-naive'];
export const OUTLIER_ALGORITHMS = ['dbscan', 'mad'] as const;
export const THRESHOLD_DIRECTIONS = ['above', 'below'] as const;
export const OUTPUT_MODES: readonly OutputMode[] = [
  'full',
  'score',
  'anomalous',
  'expected',
  'forecast',
  'time-to-threshold',
  'threshold-probability',
];

/** Which analyses can produce each single-series output mode (`full` works with all of them). */
export const OUTPUT_NEEDS: Record<Exclude<OutputMode, 'full'>, { analysis: AnalysisKind; threshold?: boolean }> = {
  score: { analysis: 'anomaly' },
  anomalous: { analysis: 'anomaly' },
  expected: { analysis: 'anomaly' },
  forecast: { analysis: 'forecast' },
  'time-to-threshold': { analysis: 'forecast', threshold: true },
  'threshold-probability': { analysis: 'forecast', threshold: true },
};

/** Defaults that do not depend on the datasource's settings. */
export const QUERY_DEFAULTS = {
  detector: 'auto',
  seasonality: 'auto',
  model: 'auto',
  horizon: '1d',
  intervalLevel: 0.95,
  thresholdDirection: 'above',
  outlierAlgorithm: 'dbscan',
  outlierSensitivity: 0.5,
  output: 'full',
} as const;

/**
 * Turns raw query JSON into a typed query with every query-level default filled in, or field errors.
 *
 * - `schemaVersion` missing: the query predates versioning; legacy shapes are upgraded (a top-level `expr`
 *   or `queryText` with an optional `sourceKind`, `analysis` given as a bare kind string, no analysis at all
 *   meaning `passthrough`) and a notice says so.
 * - `schemaVersion` above {@link QUERY_SCHEMA_VERSION}: rejected, since fields we do not know may change its meaning.
 * - Defaults that come from the datasource (`training`, anomaly `sensitivity`) are left unset here; apply
 *   them with `applyDatasourceDefaults`.
 *
 * Unknown extra fields (Grafana's `datasource`, `intervalMs`, `hide`, …) are kept as they are.
 *
 * @example
 * validateQuery({ refId: 'A', schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'anomaly' } })
 * // → { ok: true, query: { …, analysis: { kind: 'anomaly', detector: 'auto', seasonality: 'auto' }, output: 'full' }, notices: [] }
 */
export function validateQuery(raw: unknown): QueryValidation {
  const errors: QueryFieldError[] = [];
  const notices: string[] = [];
  if (!isRecord(raw)) {
    return { ok: false, errors: [{ path: 'query', message: `expected an object, got ${describe(raw)}` }] };
  }
  let input: Record<string, unknown> = raw;
  if (input.schemaVersion === undefined || input.schemaVersion === null) {
    input = upgradeLegacyQuery(input, notices);
  } else if (
    typeof input.schemaVersion !== 'number' ||
    !Number.isInteger(input.schemaVersion) ||
    input.schemaVersion < 1
  ) {
    return {
      ok: false,
      errors: [{ path: 'schemaVersion', message: `expected a whole number ≥ 1, got ${describe(input.schemaVersion)}` }],
    };
  } else if (input.schemaVersion > QUERY_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message:
            `this query was saved by a newer Foresight (query schema ${input.schemaVersion}); this version understands ` +
            `schema ${QUERY_SCHEMA_VERSION} and older. Upgrade the Foresight plugin to run it.`,
        },
      ],
    };
  }

  const source = readSource(input.source, errors);
  const analysis = readAnalysis(input.analysis, errors);
  const output = readOutput(input.output, analysis, errors);
  if (input.refId !== undefined && typeof input.refId !== 'string') {
    errors.push({ path: 'refId', message: `expected a string, got ${describe(input.refId)}` });
  }
  if (errors.length > 0 || !source || !analysis || !output) {
    return { ok: false, errors };
  }
  const query: ForesightQuery = {
    ...(input as Partial<ForesightQuery>),
    refId: (input.refId as string | undefined) ?? '',
    schemaVersion: QUERY_SCHEMA_VERSION,
    source,
    analysis,
    output,
  };
  return { ok: true, query, notices };
}

/** Joins field errors into one message for a query's error status, e.g. `analysis.kind: …; output: …`. */
export function formatQueryErrors(errors: readonly QueryFieldError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join('; ');
}

/** Rewrites the shapes used before `schemaVersion` existed into schema 1. */
function upgradeLegacyQuery(input: Record<string, unknown>, notices: string[]): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...input, schemaVersion: 1 };
  const legacyExpr = input.expr ?? input.queryText;
  if (input.source === undefined && legacyExpr !== undefined) {
    upgraded.source = {
      kind: input.sourceKind ?? 'prometheus',
      expr: legacyExpr,
      ...(input.legendFormat !== undefined ? { legendFormat: input.legendFormat } : {}),
    };
    delete upgraded.expr;
    delete upgraded.queryText;
    delete upgraded.sourceKind;
    delete upgraded.legendFormat;
    notices.push(
      'This query uses the pre-1.0 shape (a top-level expression); save it again to store the current shape.'
    );
  }
  if (typeof input.analysis === 'string') {
    upgraded.analysis = { kind: input.analysis };
  } else if (input.analysis === undefined) {
    upgraded.analysis = { kind: 'passthrough' };
  }
  return upgraded;
}

function readSource(value: unknown, errors: QueryFieldError[]): QuerySource | undefined {
  if (!isRecord(value)) {
    errors.push({
      path: 'source',
      message: `expected an object like { "kind": "prometheus", "expr": "up" }, got ${describe(value)}`,
    });
    return undefined;
  }
  const kind = readEnum(value.kind, 'source.kind', SOURCE_KINDS, errors);
  let expr: string | undefined;
  if (typeof value.expr !== 'string') {
    errors.push({ path: 'source.expr', message: `expected a PromQL or LogQL expression, got ${describe(value.expr)}` });
  } else if (value.expr.trim() === '') {
    errors.push({ path: 'source.expr', message: 'is empty; enter a PromQL or LogQL expression' });
  } else {
    expr = value.expr;
  }
  if (value.legendFormat !== undefined && typeof value.legendFormat !== 'string') {
    errors.push({
      path: 'source.legendFormat',
      message: `expected a string such as {{service}}, got ${describe(value.legendFormat)}`,
    });
  }
  if (kind === undefined || expr === undefined) {
    return undefined;
  }
  return {
    ...value,
    kind,
    expr,
    ...(typeof value.legendFormat === 'string' && value.legendFormat !== ''
      ? { legendFormat: value.legendFormat }
      : {}),
  };
}

function readAnalysis(value: unknown, errors: QueryFieldError[]): Analysis | undefined {
  if (!isRecord(value)) {
    errors.push({ path: 'analysis', message: `expected an object like { "kind": "anomaly" }, got ${describe(value)}` });
    return undefined;
  }
  const before = errors.length;
  const kind = value.kind;
  if (typeof kind !== 'string' || !(ANALYSIS_KINDS as readonly string[]).includes(kind)) {
    errors.push({
      path: 'analysis.kind',
      message: `unknown analysis ${describe(kind)}; expected one of ${ANALYSIS_KINDS.join(', ')}`,
    });
    return undefined;
  }
  let analysis: Analysis;
  switch (kind as AnalysisKind) {
    case 'passthrough':
      analysis = { ...value, kind: 'passthrough' };
      break;
    case 'anomaly':
      analysis = {
        ...value,
        kind: 'anomaly',
        detector: readEnum(value.detector ?? QUERY_DEFAULTS.detector, 'analysis.detector', ANOMALY_DETECTORS, errors),
        seasonality: readSeasonality(value.seasonality, errors),
        ...optional('sensitivity', readUnitInterval(value.sensitivity, 'analysis.sensitivity', errors, true)),
        ...optional('training', readDuration(value.training, 'analysis.training', errors)),
      };
      break;
    case 'forecast': {
      const threshold = value.threshold;
      if (
        threshold !== undefined &&
        threshold !== null &&
        (typeof threshold !== 'number' || !Number.isFinite(threshold))
      ) {
        errors.push({ path: 'analysis.threshold', message: `expected a finite number, got ${describe(threshold)}` });
      }
      analysis = {
        ...value,
        kind: 'forecast',
        model: readEnum(value.model ?? QUERY_DEFAULTS.model, 'analysis.model', FORECAST_MODELS, errors),
        horizon: readDuration(value.horizon ?? QUERY_DEFAULTS.horizon, 'analysis.horizon', errors),
        intervalLevel: readIntervalLevel(value.intervalLevel, errors),
        thresholdDirection: readEnum(
          value.thresholdDirection ?? QUERY_DEFAULTS.thresholdDirection,
          'analysis.thresholdDirection',
          THRESHOLD_DIRECTIONS,
          errors
        ),
        seasonality: readSeasonality(value.seasonality, errors),
        ...optional('training', readDuration(value.training, 'analysis.training', errors)),
        ...optional('threshold', typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : undefined),
      };
      if (threshold === null) {
        delete (analysis as { threshold?: number }).threshold;
      }
      break;
    }
    case 'outliers':
      analysis = {
        ...value,
        kind: 'outliers',
        algorithm: readEnum(
          value.algorithm ?? QUERY_DEFAULTS.outlierAlgorithm,
          'analysis.algorithm',
          OUTLIER_ALGORITHMS,
          errors
        ),
        sensitivity: readUnitInterval(
          value.sensitivity ?? QUERY_DEFAULTS.outlierSensitivity,
          'analysis.sensitivity',
          errors,
          false
        ),
        ...optional('training', readDuration(value.training, 'analysis.training', errors)),
      };
      break;
    case 'decompose':
      analysis = {
        ...value,
        kind: 'decompose',
        seasonality: readSeasonality(value.seasonality, errors),
        ...optional('training', readDuration(value.training, 'analysis.training', errors)),
      };
      break;
  }
  return errors.length > before ? undefined : analysis;
}

function readOutput(value: unknown, analysis: Analysis | undefined, errors: QueryFieldError[]): OutputMode | undefined {
  const output = readEnum(value ?? QUERY_DEFAULTS.output, 'output', OUTPUT_MODES, errors);
  if (output === undefined || output === 'full' || analysis === undefined) {
    return output;
  }
  const needs = OUTPUT_NEEDS[output];
  if (analysis.kind !== needs.analysis) {
    errors.push({
      path: 'output',
      message: `"${output}" needs the ${needs.analysis} analysis, but analysis.kind is "${analysis.kind}"; use "full" or switch the analysis`,
    });
    return undefined;
  }
  if (needs.threshold && (analysis.kind !== 'forecast' || analysis.threshold === undefined)) {
    errors.push({
      path: 'output',
      message: `"${output}" needs analysis.threshold (the value whose crossing is predicted); set it or use "forecast"`,
    });
    return undefined;
  }
  return output;
}

function readEnum<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  errors: QueryFieldError[]
): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  errors.push({ path, message: `expected one of ${allowed.join(', ')}, got ${describe(value)}` });
  return undefined;
}

function readUnitInterval(
  value: unknown,
  path: string,
  errors: QueryFieldError[],
  optionalField: boolean
): number | undefined {
  if (value === undefined && optionalField) {
    return undefined;
  }
  if (typeof value === 'number' && value >= 0 && value <= 1) {
    return value;
  }
  errors.push({ path, message: `expected a number between 0 and 1, got ${describe(value)}` });
  return undefined;
}

function readIntervalLevel(value: unknown, errors: QueryFieldError[]): number | undefined {
  const level = value ?? QUERY_DEFAULTS.intervalLevel;
  if (typeof level === 'number' && level > 0 && level < 1) {
    return level;
  }
  errors.push({
    path: 'analysis.intervalLevel',
    message: `expected a number strictly between 0 and 1 (e.g. 0.95 for a 95% interval), got ${describe(level)}`,
  });
  return undefined;
}

function readDuration(value: unknown, path: string, errors: QueryFieldError[]): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  try {
    parseDuration(value, path);
    return (value as string).trim();
  } catch (error) {
    if (error instanceof DurationError) {
      errors.push({ path, message: error.reason });
      return undefined;
    }
    throw error;
  }
}

function readSeasonality(value: unknown, errors: QueryFieldError[]): Seasonality | undefined {
  if (value === undefined) {
    return QUERY_DEFAULTS.seasonality;
  }
  if (value === 'auto' || value === 'none') {
    return value;
  }
  if (Array.isArray(value)) {
    const periods: string[] = [];
    value.forEach((period, index) => {
      const parsed = readDuration(period ?? null, `analysis.seasonality[${index}]`, errors);
      if (parsed !== undefined) {
        periods.push(parsed);
      }
    });
    return periods.length === value.length ? (periods.length === 0 ? 'none' : periods) : undefined;
  }
  errors.push({
    path: 'analysis.seasonality',
    message: `expected "auto", "none" or a list of periods such as ["1d", "1w"], got ${describe(value)}`,
  });
  return undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return `a ${typeof value}`;
}
