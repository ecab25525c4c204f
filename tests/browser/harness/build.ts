/**
 * Bundles every tests/browser/harness/entries/*.tsx with esbuild into `outDir/<entry>.js` (+ shared chunks) and
 * writes `outDir/<entry>.html` that loads it. Run by globalSetup before the browser specs.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const ENTRIES_DIR = join(__dirname, 'entries');

export function listEntries(): string[] {
  return readdirSync(ENTRIES_DIR)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => basename(f, '.tsx'))
    .sort();
}

export async function buildHarness(outDir: string): Promise<string[]> {
  const entries = listEntries();
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: entries.map((e) => join(ENTRIES_DIR, `${e}.tsx`)),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // Production React, as in Grafana, so render timings mean something.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty', '.png': 'empty' },
    logLevel: 'warning',
    sourcemap: 'linked',
  });
  for (const entry of entries) {
    const css = `${entry}.css`;
    const hasCss = readdirSync(outDir).includes(css);
    writeFileSync(
      join(outDir, `${entry}.html`),
      `<!doctype html>
<html><head><meta charset="utf-8"><title>${entry}</title>${hasCss ? `<link rel="stylesheet" href="/${css}">` : ''}</head>
<body><div id="root"></div><script type="module" src="/${entry}.js"></script></body></html>
`
    );
  }
  return entries;
}
