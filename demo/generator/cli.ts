/**
 * Demo workload generator CLI.
 *
 *   npm run demo:backfill -- --days 14 --out <dir> [--seed 42] [--end <iso|now>] [--tsdb <dir>] [--if-missing]
 *   npm run demo:serve -- --port 9100 [--loki-url http://loki:3100] [--seed 42] [--end <iso|now>] [--anchor-file <dir>/anchor.json] [--days 14]
 *
 * `backfill` writes `<out>/history.om` (OpenMetrics) and `<out>/anchor.json` (seed, days, end), and
 * with `--tsdb` also runs promtool to turn the history into TSDB blocks there. `serve` reads the
 * anchor from `--anchor-file` when that file exists, so the live data and the pushed logs line up
 * with the backfilled history and its incidents.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { createBlocks, historyRange, writeOpenMetrics } from './backfill';
import { incidentWindows } from './incidents';
import { serve } from './serve';

interface Anchor {
  seed: number;
  days: number;
  endMs: number;
  end: string;
}

function parseEnd(value: string | undefined): number {
  if (value === undefined || value === 'now') {
    return Date.now();
  }
  const parsed = /^\d+$/.test(value) ? Number(value) * (value.length <= 10 ? 1000 : 1) : Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new Error(`--end must be "now", an ISO time or a Unix time, got "${value}"`);
  }
  return parsed;
}

function parseNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    throw new Error(`--${name} must be a number, got "${value}"`);
  }
  return parsed;
}

async function backfillCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      days: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      tsdb: { type: 'string' },
      promtool: { type: 'string' },
      'if-missing': { type: 'boolean' },
    },
  });
  if (!values.out) {
    throw new Error('backfill needs --out <dir>');
  }
  const anchorFile = join(values.out, 'anchor.json');
  if (values['if-missing'] && existsSync(anchorFile)) {
    console.log(`${anchorFile} exists; keeping the history written before`);
    return;
  }
  const seed = parseNumber('seed', values.seed, 42);
  const days = parseNumber('days', values.days, 14);
  mkdirSync(values.out, { recursive: true });
  const started = Date.now();
  const result = writeOpenMetrics({ seed, days, endMs: parseEnd(values.end), outFile: join(values.out, 'history.om') });
  console.log(
    `wrote ${result.samples} samples of ${result.series} series (${(result.bytes / 1e6).toFixed(0)} MB) to ${result.file} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s: ${new Date(result.startMs).toISOString()} .. ${new Date(result.endMs).toISOString()}`
  );
  for (const incident of incidentWindows(result.endMs)) {
    console.log(
      `  ${incident.id}: ${new Date(incident.startMs).toISOString()} .. ${new Date(incident.endMs).toISOString()}`
    );
  }
  if (values.tsdb) {
    const blocksStarted = Date.now();
    mkdirSync(values.tsdb, { recursive: true });
    process.stdout.write(createBlocks(result.file, values.tsdb, values.promtool ?? 'promtool'));
    console.log(`created TSDB blocks in ${values.tsdb} in ${((Date.now() - blocksStarted) / 1000).toFixed(1)} s`);
  }
  // Written last: its presence means the history is complete.
  const anchor: Anchor = { seed, days, endMs: result.endMs, end: new Date(result.endMs).toISOString() };
  writeFileSync(anchorFile, JSON.stringify(anchor, null, 2) + '\n');
}

async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      days: { type: 'string' },
      'anchor-file': { type: 'string' },
      'loki-url': { type: 'string' },
    },
  });
  let seed = parseNumber('seed', values.seed, 42);
  let days = parseNumber('days', values.days, 14);
  let anchorMs = historyRange({ seed, days, endMs: parseEnd(values.end) }).endMs;
  const anchorFile = values['anchor-file'];
  if (anchorFile && existsSync(anchorFile)) {
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Anchor;
    ({ seed, days, endMs: anchorMs } = anchor);
    console.log(`using the anchor of the backfilled history: ${anchor.end} (seed ${seed}, ${days} days)`);
  }
  const server = await serve({
    port: parseNumber('port', values.port, 9100),
    host: values.host,
    seed,
    days,
    anchorMs,
    lokiUrl: values['loki-url'],
  });
  const shutdown = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'backfill') {
    await backfillCommand(args);
  } else if (command === 'serve') {
    await serveCommand(args);
  } else {
    throw new Error('usage: cli.ts backfill --days 14 --out <dir> [...] | serve --port 9100 [--loki-url <url>] [...]');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
