/**
 * Bundles analysisWorker.ts into one CommonJS string with esbuild, exactly as scripts/build-backend.ts
 * does for the packaged binary. For tests and benchmarks that run the pipeline from source (tsx, jest)
 * and want real worker threads; never imported by the backend itself (esbuild is a dev dependency).
 */
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export const WORKER_ENTRY = path.join(__dirname, 'analysisWorker.ts');

export function buildWorkerSource(options: { minify?: boolean } = {}): string {
  const result = buildSync({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: options.minify ?? true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}
