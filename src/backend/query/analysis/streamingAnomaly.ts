/**
 * Anomaly scoring that continues from the last evaluation instead of starting again. A dashboard
 * refreshing every minute, or an alert rule evaluated every minute, asks for the same series over a window
 * that moved a step or two; the detector is causal and streaming (`createDetector`: one point at a time),
 * so the detector as it stood after the last evaluation, fed only the new points, gives exactly what a cold
 * run from the same origin gives.
 *
 * The origin must therefore not move with the window: queryData moves the fetch start of anomaly queries
 * back to a round time (anchorFetchStart.ts: the whole hour for a training window of a day or more), so
 * every evaluation within that hour starts at the same point and shares the saved state; the next hour
 * starts afresh. A saved detector is used only when the
 * values it was fed are exactly the first values of the new task (a 64-bit hash of them, so a late sample
 * that changed the past forces a cold run), the new task is at least as long, and the visible range starts
 * no earlier than the outputs kept for it. Otherwise the task runs cold and its detector is saved instead.
 *
 * State lives in the thread that ran the task (detectors hold functions and cannot cross threads), in a
 * byte-bounded LRU; the pool sends a series' tasks back to the same worker (see runAnalysis.ts).
 */
import type { StreamingDetector } from '../../../analytics/anomaly';
import { ByteLruCache } from '../cache/byteLruCache';
import type { AnomalyOutput } from './tasks';

/**
 * Heap a saved detector takes besides its kept outputs: ~0.96 MB measured for `auto` with a daily period
 * and a 5,040-point warm-up (node --expose-gc, heap used before/after 100 detectors fed 10,441 points;
 * 0.85 MB before the engine's changes of this session); most of it is the anomaly likelihoods' long
 * windows, which do not grow with the series.
 */
export const DETECTOR_BYTES = 1_000_000;
/** States are keyed by an origin aligned to at most an hour: after two hours nothing asks for them any more. */
const STATE_TTL_MS = 2 * 3_600_000;
/**
 * A detector used within this time is in use (dashboards refresh and alert rules evaluate every few
 * minutes): it is not evicted for a newcomer, which is then not kept. Without this, a query with more series
 * than the budget holds would evict each detector just before its next evaluation and reuse nothing.
 */
const IN_USE_MS = 10 * 60_000;
/** Default budget of the model cache of the whole process (split between the worker threads). */
export const DEFAULT_MODEL_CACHE_MB = 128;

/** The FORESIGHT_MODEL_CACHE_MB budget in bytes. */
export function modelCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  const megabytes = Number.parseFloat(env.FORESIGHT_MODEL_CACHE_MB ?? '');
  return Math.round((Number.isFinite(megabytes) && megabytes >= 0 ? megabytes : DEFAULT_MODEL_CACHE_MB) * 1024 * 1024);
}

/** A running hash of float64 values (two 32-bit FNV-1a style lanes over their bit patterns; NaNs alike). */
export class ValuesHash {
  private static readonly float = new Float64Array(1);
  private static readonly words = new Uint32Array(ValuesHash.float.buffer);

  constructor(
    private a = 0x811c9dc5,
    private b = 0x01000193
  ) {}

  /** Adds values[from, to). */
  add(values: Float64Array, from: number, to: number): this {
    const { float, words } = ValuesHash;
    let a = this.a;
    let b = this.b;
    for (let i = from; i < to; i++) {
      const value = values[i];
      let low = 0;
      let high = 0x7ff80000;
      if (value === value) {
        float[0] = value;
        low = words[0];
        high = words[1];
      }
      a = Math.imul(a ^ low, 0x01000193);
      a = Math.imul(a ^ high, 0x01000193);
      b = Math.imul(b ^ high, 0x5bd1e995);
      b ^= b >>> 15;
      b = Math.imul(b ^ low, 0x5bd1e995);
      b ^= b >>> 13;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  equals(other: ValuesHash): boolean {
    return this.a === other.a && this.b === other.b;
  }
}

/** What the next evaluation needs: the detector, what it was fed, and the outputs it may show again. */
interface SavedDetector {
  detector: StreamingDetector;
  /** Points fed so far, counted from the origin. */
  fed: number;
  /** Hash of those points. */
  hash: ValuesHash;
  /** Origin index of kept[…][0]. */
  keptFrom: number;
  kept: Record<OutputField, Float64Array>;
  /** Notices of the cold run that are not the detector's own (seasonality found in the training window). */
  notices: string[];
  warmup: number;
}

type OutputField = 'expected' | 'lower' | 'upper' | 'score' | 'anomalous';
const FIELDS: OutputField[] = ['expected', 'lower', 'upper', 'score', 'anomalous'];

let states = new ByteLruCache<SavedDetector>(modelCacheBytes());
/** Tasks that continued a saved detector, and tasks that ran cold with a state key (for tests and the benchmark). */
export const streamingStats = { warm: 0, cold: 0 };

/** Sets this thread's budget for saved detectors (a worker gets its share of FORESIGHT_MODEL_CACHE_MB); drops what is saved. */
export function configureSavedDetectors(maxBytes: number): void {
  states = new ByteLruCache<SavedDetector>(maxBytes);
}

/** Forgets every saved detector (tests). */
export function clearSavedDetectors(): void {
  states.clear();
}

export function savedDetectorStats() {
  return states.stats();
}

export interface StreamingAnomalyTask {
  stateKey: string;
  values: Float64Array;
  timestamps: Float64Array;
  /** First index whose outputs are returned (the visible range). */
  outputStart: number;
  /** Builds the detector of a cold run, with notices of its own (e.g. the seasonality it found). */
  cold: () => { detector: StreamingDetector; notices: string[] };
}

/**
 * Scores `task.values` from `task.outputStart` on, continuing the detector saved under `task.stateKey`
 * when it saw exactly the first values of this task, else from a cold detector; saves the detector after.
 */
export function streamingAnomaly(task: StreamingAnomalyTask): AnomalyOutput {
  const n = task.values.length;
  const outputStart = Math.min(Math.max(0, task.outputStart), n);
  const saved = states.get(task.stateKey);
  let detector: StreamingDetector;
  let from: number;
  let hash: ValuesHash;
  let notices: string[];
  const output = {} as Record<OutputField, Float64Array>;
  for (const field of FIELDS) {
    output[field] = new Float64Array(n - outputStart);
  }
  if (saved !== undefined && saved.fed <= n && saved.keptFrom <= outputStart && new ValuesHash().add(task.values, 0, saved.fed).equals(saved.hash)) {
    streamingStats.warm++;
    ({ detector, notices } = saved);
    from = saved.fed;
    hash = saved.hash;
    // Outputs already computed for the visible range: copy them from what the last evaluation kept.
    const offset = outputStart - saved.keptFrom;
    for (const field of FIELDS) {
      output[field].set(saved.kept[field].subarray(offset, offset + Math.max(0, saved.fed - outputStart)));
    }
  } else {
    streamingStats.cold++;
    ({ detector, notices } = task.cold());
    from = 0;
    hash = new ValuesHash();
  }
  for (let i = from; i < n; i++) {
    const point = detector.update(task.timestamps[i], task.values[i]);
    if (i >= outputStart) {
      const k = i - outputStart;
      output.expected[k] = point.expected;
      output.lower[k] = point.lower;
      output.upper[k] = point.upper;
      output.score[k] = point.score;
      output.anomalous[k] = point.anomalous;
    }
  }
  hash.add(task.values, from, n);
  const kept = {} as Record<OutputField, Float64Array>;
  let keptBytes = 0;
  for (const field of FIELDS) {
    // Copies: the outputs' buffers are transferred to the main thread.
    kept[field] = output[field].slice();
    keptBytes += kept[field].byteLength;
  }
  const warmup = Math.min(detector.warmup, n);
  const saving = { detector, fed: n, hash, keptFrom: outputStart, kept, notices, warmup };
  states.set(task.stateKey, saving, DETECTOR_BYTES + keptBytes, STATE_TTL_MS, Date.now(), { keepUsedWithinMs: IN_USE_MS });
  return { kind: 'anomaly', offset: outputStart, ...output, warmup, notices: [...notices, ...detector.notices()], reusedPoints: from };
}
