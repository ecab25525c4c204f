/**
 * The query pipeline's caches: upstream answers (series of one expression over one aligned fetch range and
 * step) and analysis results (the frames of one query). Keys hold the datasource's uid and version, so a
 * saved settings change never serves old data. Ranges that reach "now" live only seconds (the newest
 * samples may still change and the range moves with every refresh); fully past ranges live minutes.
 *
 * Budgets: `FORESIGHT_CACHE_MB` (default 256) split 3:1 between upstream answers and results.
 */
import type { ForecastModel, QuerySource } from '../../../datasource/types';
import type { Frame } from '../../frames/types';
import type { Series } from '../../upstream/types';
import type { RangePlan } from '../planRange';
import { ByteLruCache } from './byteLruCache';

/** Time to live of an entry whose range reaches within a few steps of now. */
export const RECENT_TTL_MS = 10_000;
/** Time to live of an entry over a range fully in the past. */
export const PAST_TTL_MS = 10 * 60_000;

export interface FetchedEntry {
  series: Series[];
  warnings: string[];
}

function budgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number.parseFloat(env.FORESIGHT_CACHE_MB ?? '');
  return (Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : 256) * 1024 * 1024;
}

export const upstreamCache = new ByteLruCache<FetchedEntry>(Math.round(budgetBytes() * 0.75));
export const resultCache = new ByteLruCache<Frame[]>(Math.round(budgetBytes() * 0.25));
/**
 * The model `auto` chose per forecast series (query, labels, step, horizon, seasonality, hour of the
 * window's end): the next evaluations of a moving window within that hour fit only that model, skipping
 * the other candidates' backtests. A few hundred bytes per series; the choice is made again every hour.
 */
export const forecastChoiceCache = new ByteLruCache<ForecastModel>(4 * 1024 * 1024);

/** `org/uid/lastUpdated` of the datasource: changes when an admin saves its settings. */
export function datasourceKey(orgId: number | undefined, uid: string | undefined, lastUpdatedMs: number | undefined): string {
  return `${orgId ?? 0}/${uid ?? ''}/${lastUpdatedMs ?? 0}`;
}

export function upstreamKey(datasource: string, source: QuerySource, plan: Pick<RangePlan, 'fetchStartMs' | 'fetchEndMs' | 'stepMs'>): string {
  return JSON.stringify([datasource, source.kind, source.expr, plan.fetchStartMs, plan.fetchEndMs, plan.stepMs]);
}

/** Short for ranges that touch now (within three steps or 1 minute of it), long for the past. */
export function ttlFor(plan: Pick<RangePlan, 'fetchEndMs' | 'stepMs'>, nowMs = Date.now()): number {
  return plan.fetchEndMs >= nowMs - Math.max(3 * plan.stepMs, 60_000) ? RECENT_TTL_MS : PAST_TTL_MS;
}

/** Approximate heap bytes of fetched series: both arrays plus labels and object overhead. */
export function seriesBytes(entry: FetchedEntry): number {
  let bytes = 64;
  for (const s of entry.series) {
    bytes += 128 + s.timestamps.byteLength + s.values.byteLength;
    for (const [name, value] of Object.entries(s.labels)) {
      bytes += 2 * (name.length + value.length) + 32;
    }
  }
  for (const warning of entry.warnings) {
    bytes += 2 * warning.length;
  }
  return bytes;
}

/** Approximate heap bytes of frames: typed arrays by size, plain arrays at 8 bytes per value, plus meta. */
export function framesBytes(frames: Frame[]): number {
  let bytes = 64;
  for (const frame of frames) {
    bytes += 256 + 2 * JSON.stringify(frame.meta ?? {}).length;
    for (const field of frame.fields) {
      const values = field.values as ArrayLike<unknown> & { byteLength?: number };
      bytes += 64 + (values.byteLength ?? values.length * 8) + 2 * JSON.stringify(field.labels ?? {}).length;
    }
  }
  return bytes;
}
