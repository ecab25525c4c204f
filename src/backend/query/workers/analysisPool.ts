/**
 * The process-wide analysis pool. Size: `FORESIGHT_ANALYSIS_WORKERS` (0 = run on the main thread), else
 * one worker per core up to 4. Workers start on first use, so a plugin that only proxies never starts one.
 */
import { availableParallelism } from 'node:os';
import { modelCacheBytes } from '../analysis/streamingAnomaly';
import { bundledWorkerSource } from './workerSource';
import { WorkerPool } from './workerPool';

const MAX_DEFAULT_WORKERS = 4;

let pool: WorkerPool | undefined;

export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number.parseInt(env.FORESIGHT_ANALYSIS_WORKERS ?? '', 10);
  if (Number.isInteger(configured) && configured >= 0) {
    return Math.min(configured, 64);
  }
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism()));
}

export function analysisPool(): WorkerPool {
  if (pool !== undefined) {
    return pool;
  }
  const size = defaultPoolSize();
  pool = new WorkerPool({
    size,
    source: bundledWorkerSource(),
    // Each worker saves the detectors of the series it analysed (streamingAnomaly.ts): an equal share each.
    workerData: { modelCacheBytes: Math.floor(modelCacheBytes() / Math.max(1, size)) },
    // console.* is the plugin's logger in the backend process (main.ts), never stdout.
    // eslint-disable-next-line no-console
    onWorkerEvent: (message, fields) => console.debug(message, fields),
  });
  return pool;
}

/** Replaces the pool (tests and benchmarks that build the worker from source); returns the previous one. */
export function setAnalysisPool(replacement: WorkerPool | undefined): WorkerPool | undefined {
  const previous = pool;
  pool = replacement;
  return previous;
}
