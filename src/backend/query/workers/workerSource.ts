/**
 * Where the analysis worker's code comes from. scripts/build-backend.ts bundles analysisWorker.ts and
 * injects it into the main bundle as the constant below, so the packaged single-executable binary needs
 * no worker file on disk (a SEA cannot `new Worker(path)` into its own blob). When the constant is
 * absent (tsx, jest), `undefined` is returned and the pool runs tasks on the main thread unless a
 * caller passes a source (see buildWorkerSource.ts for tests and benchmarks).
 */
declare const __FORESIGHT_ANALYSIS_WORKER__: string | undefined;

export function bundledWorkerSource(): string | undefined {
  return typeof __FORESIGHT_ANALYSIS_WORKER__ === 'string' ? __FORESIGHT_ANALYSIS_WORKER__ : undefined;
}
