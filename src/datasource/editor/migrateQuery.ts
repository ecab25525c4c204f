import {
  DEFAULT_QUERY,
  QUERY_SCHEMA_VERSION,
  type Analysis,
  type AnalysisKind,
  type ForesightQuery,
  type OutputMode,
  type SourceKind,
} from '../types';

const ANALYSIS_KINDS: readonly AnalysisKind[] = ['passthrough', 'anomaly', 'forecast', 'outliers', 'decompose'];
const SOURCE_KINDS: readonly SourceKind[] = ['prometheus', 'loki'];

/** Keys of earlier or hand-written query shapes that the current model keeps elsewhere. */
const LEGACY_KEYS = [
  'expr',
  'queryText',
  'sourceKind',
  'legendFormat',
  'outputMode',
  'sensitivity',
  'training',
  'detector',
  'horizon',
  'model',
  'seasonality',
] as const;

type LooseQuery = Record<string, unknown> & { refId?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** Whether `value` names an analysis this build knows. */
export function isAnalysisKind(value: unknown): value is AnalysisKind {
  return typeof value === 'string' && (ANALYSIS_KINDS as readonly string[]).includes(value);
}

/** Whether the query already has the current shape, so editors can skip rewriting it. */
export function isCurrentQuery(query: unknown): query is ForesightQuery {
  if (!isRecord(query) || query.schemaVersion !== QUERY_SCHEMA_VERSION) {
    return false;
  }
  const { source, analysis } = query;
  return (
    isRecord(source) &&
    isSourceKind(source.kind) &&
    typeof source.expr === 'string' &&
    isRecord(analysis) &&
    typeof analysis.kind === 'string' &&
    LEGACY_KEYS.every((key) => !(key in query))
  );
}

/** A number from a number or a numeric string (hand-written provisioning YAML often quotes numbers). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

/** `'1d, 1w'` → `['1d', '1w']`; `'auto'`, `'none'` and arrays pass through. */
function toSeasonality(value: unknown): unknown {
  if (typeof value !== 'string' || value === 'auto' || value === 'none') {
    return value;
  }
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function migrateSource(query: LooseQuery): ForesightQuery['source'] {
  const source = isRecord(query.source) ? query.source : {};
  const kind = isSourceKind(source.kind)
    ? source.kind
    : isSourceKind(query.source)
      ? query.source
      : isSourceKind(query.sourceKind)
        ? query.sourceKind
        : DEFAULT_QUERY.source.kind;
  const expr =
    typeof source.expr === 'string'
      ? source.expr
      : typeof query.expr === 'string'
        ? query.expr
        : typeof query.queryText === 'string'
          ? query.queryText
          : '';
  const legendFormat =
    typeof source.legendFormat === 'string'
      ? source.legendFormat
      : typeof query.legendFormat === 'string'
        ? query.legendFormat
        : undefined;
  return legendFormat === undefined ? { kind, expr } : { kind, expr, legendFormat };
}

function migrateAnalysis(query: LooseQuery): Analysis {
  // Parameters may sit on the analysis object or, in flat hand-written shapes, on the query itself.
  const fromObject = isRecord(query.analysis) ? query.analysis : {};
  const flat: Record<string, unknown> = {};
  for (const key of ['sensitivity', 'training', 'detector', 'horizon', 'model', 'seasonality'] as const) {
    if (key in query) {
      flat[key] = query[key];
    }
  }
  const merged: Record<string, unknown> = { ...flat, ...fromObject };
  const kind = typeof fromObject.kind === 'string' ? fromObject.kind : query.analysis;
  if (kind === undefined || kind === null || kind === '') {
    return { ...DEFAULT_QUERY.analysis, ...merged, kind: DEFAULT_QUERY.analysis.kind } as Analysis;
  }
  merged.kind = kind;
  for (const key of ['sensitivity', 'intervalLevel', 'threshold'] as const) {
    if (key in merged) {
      const value = toNumber(merged[key]);
      if (value === undefined) {
        delete merged[key];
      } else {
        merged[key] = value;
      }
    }
  }
  if ('seasonality' in merged) {
    merged.seasonality = toSeasonality(merged.seasonality);
  }
  // An unknown kind (for example from a newer Foresight) is kept as written so the editor and the
  // backend can report it instead of silently turning the query into something else.
  return merged as unknown as Analysis;
}

/**
 * Brings a stored query to the current model (schema v{@link QUERY_SCHEMA_VERSION}): fills defaults
 * for empty queries, moves flat fields (`expr`, `queryText`, `sourceKind`, `legendFormat`, `outputMode`,
 * analysis parameters) into `source`/`analysis`, turns `analysis: 'forecast'` into an object, parses
 * numeric strings and comma-separated seasonality. Queries from a newer schema are returned unchanged.
 * Returns the same object when nothing needs to change.
 *
 * @example migrateQuery({ refId: 'A', expr: 'up', analysis: 'forecast' })
 * // → { refId: 'A', schemaVersion: 1, source: { kind: 'prometheus', expr: 'up' }, analysis: { kind: 'forecast' }, output: 'full' }
 */
export function migrateQuery(query: ForesightQuery | LooseQuery): ForesightQuery {
  if (isCurrentQuery(query)) {
    return query;
  }
  const loose = query as LooseQuery;
  const version = toNumber(loose.schemaVersion);
  if (version !== undefined && version > QUERY_SCHEMA_VERSION) {
    return query as unknown as ForesightQuery;
  }
  const rest: LooseQuery = { ...loose };
  for (const key of [...LEGACY_KEYS, 'source', 'analysis', 'output', 'schemaVersion']) {
    delete rest[key];
  }
  const output = (typeof loose.output === 'string' ? loose.output : loose.outputMode) as OutputMode | undefined;
  return {
    ...rest,
    refId: typeof loose.refId === 'string' ? loose.refId : 'A',
    schemaVersion: QUERY_SCHEMA_VERSION,
    source: migrateSource(loose),
    analysis: migrateAnalysis(loose),
    output: typeof output === 'string' ? output : 'full',
  };
}
