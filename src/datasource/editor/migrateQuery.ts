import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION, type Analysis, type ForesightQuery, type SourceKind } from '../types';

const SOURCE_KINDS: readonly SourceKind[] = ['prometheus', 'loki'];

/** Top-level keys of the shape used before `schemaVersion` existed (the create-plugin template had `queryText`). */
const LEGACY_KEYS = ['expr', 'queryText', 'sourceKind', 'legendFormat'] as const;

type LooseQuery = Record<string, unknown> & { refId?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** Whether the query already has the current shape, so editors can skip rewriting it. */
export function isCurrentQuery(query: unknown): query is ForesightQuery {
  if (!isRecord(query) || query.schemaVersion !== QUERY_SCHEMA_VERSION || typeof query.output !== 'string') {
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

function migrateSource(query: LooseQuery): ForesightQuery['source'] {
  const source = isRecord(query.source) ? query.source : {};
  const kind = isSourceKind(source.kind)
    ? source.kind
    : isSourceKind(query.sourceKind)
      ? query.sourceKind
      : 'prometheus';
  const legacyExpr =
    typeof query.expr === 'string' ? query.expr : typeof query.queryText === 'string' ? query.queryText : '';
  const expr = typeof source.expr === 'string' ? source.expr : legacyExpr;
  const legendFormat = typeof source.legendFormat === 'string' ? source.legendFormat : query.legendFormat;
  return typeof legendFormat === 'string' ? { ...source, kind, expr, legendFormat } : { ...source, kind, expr };
}

function migrateAnalysis(query: LooseQuery, hasExpr: boolean): Analysis {
  if (typeof query.analysis === 'string' && query.analysis !== '') {
    return { kind: query.analysis } as Analysis;
  }
  if (!isRecord(query.analysis) || typeof query.analysis.kind !== 'string') {
    // A stored expression without an analysis has always meant "the series unchanged" (the backend
    // reads it so too); a query with nothing in it yet gets the default analysis.
    return hasExpr ? { kind: 'passthrough' } : { ...DEFAULT_QUERY.analysis };
  }
  const analysis: Record<string, unknown> = { ...query.analysis };
  for (const key of ['sensitivity', 'intervalLevel', 'threshold'] as const) {
    if (typeof analysis[key] === 'string') {
      const value = toNumber(analysis[key]);
      if (value === undefined) {
        delete analysis[key];
      } else {
        analysis[key] = value;
      }
    }
  }
  const seasonality = analysis.seasonality;
  if (typeof seasonality === 'string' && seasonality !== 'auto' && seasonality !== 'none') {
    analysis.seasonality = seasonality
      .split(',')
      .map((period) => period.trim())
      .filter((period) => period !== '');
  }
  // An unknown kind (for example from a newer Foresight) is kept as written so the editor and the
  // backend can report it instead of silently turning the query into something else.
  return analysis as unknown as Analysis;
}

/**
 * Brings a stored query to the current model (schema v{@link QUERY_SCHEMA_VERSION}) the way the shared
 * validation reads it, so the editor shows what the backend runs: a top-level `expr`/`queryText` with
 * `sourceKind` and `legendFormat` moves into `source`; `analysis: 'forecast'` becomes an object; a stored
 * expression without analysis is a passthrough; an empty query gets the defaults; a missing output is
 * `full`. It also repairs what hand-written YAML often contains: quoted numbers and comma-separated
 * seasonality. Queries from a newer schema, and current ones, are returned unchanged (same object).
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
  const source = migrateSource(loose);
  return {
    ...rest,
    refId: typeof loose.refId === 'string' ? loose.refId : 'A',
    schemaVersion: QUERY_SCHEMA_VERSION,
    source,
    analysis: migrateAnalysis(loose, source.expr.trim() !== ''),
    output: typeof loose.output === 'string' ? (loose.output as ForesightQuery['output']) : 'full',
  };
}
