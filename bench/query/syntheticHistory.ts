/**
 * Synthetic history for the query benchmark, backfilled into a real Prometheus: `series` gauges
 * `foresight_bench_value{series="0000"…}` at a 1-minute step, each a daily cycle with its own level,
 * amplitude and phase, noise, and a few spikes and level shifts (so the detectors do real work). Written as
 * OpenMetrics and turned into TSDB blocks with promtool; the blocks are cached in the OS temp directory
 * per (series, days, end, generator version).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlocks } from '../../demo/generator/backfill';
import { syntheticSeries } from '../shared/syntheticSeries';

/** Bump when the generated values change, so cached blocks are rebuilt. */
const GENERATOR_VERSION = 2;
const DAY_MS = 86_400_000;
export const METRIC = 'foresight_bench_value';

export interface HistoryOptions {
  series: number;
  days: number;
  /** Last sample time (ms); a whole minute. */
  endMs: number;
  stepMs: number;
}

export function seriesName(index: number): string {
  return String(index).padStart(4, '0');
}

function writeOpenMetrics(file: string, options: HistoryOptions): void {
  const points = Math.floor((options.days * DAY_MS) / options.stepMs) + 1;
  const startMs = options.endMs - (points - 1) * options.stepMs;
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `# TYPE ${METRIC} gauge\n# HELP ${METRIC} Synthetic series for the query benchmark.\n`);
    for (let s = 0; s < options.series; s++) {
      const { values } = syntheticSeries(s, points, startMs, options.stepMs);
      const prefix = `${METRIC}{series="${seriesName(s)}"} `;
      const lines: string[] = [];
      for (let i = 0; i < points; i++) {
        lines.push(`${prefix}${values[i].toFixed(3)} ${(startMs + i * options.stepMs) / 1000}\n`);
      }
      writeSync(fd, lines.join(''));
    }
    writeSync(fd, '# EOF\n');
  } finally {
    closeSync(fd);
  }
}

/** TSDB blocks for the history, generated unless cached. */
export function cachedBenchBlocks(options: HistoryOptions, log: (message: string) => void): string {
  const root = join(tmpdir(), 'foresight-bench-blocks');
  mkdirSync(root, { recursive: true });
  const key = `v${GENERATOR_VERSION}-series${options.series}-days${options.days}-step${options.stepMs}-end${options.endMs}`;
  const blocks = join(root, key);
  if (existsSync(join(blocks, 'complete'))) {
    return blocks;
  }
  const work = mkdtempSync(join(root, `${key}.tmp-`));
  try {
    const file = join(work, 'history.om');
    let started = Date.now();
    writeOpenMetrics(file, options);
    log(
      `wrote OpenMetrics for ${options.series} series × ${options.days} d in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
    started = Date.now();
    createBlocks(file, join(work, 'blocks'), process.env.PROMTOOL_BIN ?? 'promtool');
    log(`promtool made TSDB blocks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    writeFileSync(join(work, 'blocks', 'complete'), `${new Date().toISOString()}\n`);
    renameSync(join(work, 'blocks'), blocks);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return blocks;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

/** Starts Debian's prometheus (or PROMETHEUS_BIN) on a copy of the blocks, on a free loopback port. */
export async function startBenchPrometheus(blocks: string): Promise<RunningPrometheus> {
  const dataDir = mkdtempSync(join(tmpdir(), 'foresight-bench-prometheus-'));
  cpSync(blocks, join(dataDir, 'tsdb'), { recursive: true, filter: (source) => !source.endsWith('complete') });
  writeFileSync(join(dataDir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.env.PROMETHEUS_BIN ?? 'prometheus',
    [
      `--config.file=${join(dataDir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dataDir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=3650d',
      '--query.max-samples=200000000',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] }
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error('prometheus exited before it was ready');
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return { url, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('prometheus did not become ready within 60 s');
}
