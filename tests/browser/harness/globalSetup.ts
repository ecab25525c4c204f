/**
 * Playwright globalSetup: bundles the harness entries into a temporary directory, serves it on 127.0.0.1 and
 * hands the URL to the specs through FORESIGHT_HARNESS_URL. The returned function is the teardown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildHarness } from './build';
import { startServer } from './server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), 'foresight-harness-'));
  const started = Date.now();
  const entries = await buildHarness(outDir);
  const { url, server } = await startServer(outDir, {
    fixtures: join(__dirname, '..', 'fixtures'),
    // The backend's golden frames (real output for recorded upstream answers), read-only.
    golden: join(__dirname, '..', '..', 'golden'),
  });
  process.env.FORESIGHT_HARNESS_URL = url;
  console.log(`harness: bundled ${entries.join(', ')} in ${Date.now() - started} ms, serving ${url}`);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  };
}
