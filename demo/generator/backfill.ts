/**
 * Writes the demo's metric history as OpenMetrics text and turns it into Prometheus TSDB blocks.
 *
 * OpenMetrics rules that promtool enforces: one contiguous block per metric family (so each family's
 * samples are written together, series after series), `# TYPE` before the samples, counters named
 * `<family>_total`, timestamps in seconds, and `# EOF` at the end. The file is streamed in 1 MB
 * chunks; nothing holds the whole text.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';

import { WorkloadModel, type SystemState } from './model';
import {
  DEFAULT_TARGET_LABELS,
  GAUGES,
  LATENCY_BUCKETS,
  METRIC,
  STATUS_CLASSES,
  ServiceCounters,
  bucketBound,
  formatLabels,
  formatValue,
} from './metrics';
import { SERVICES, type ServiceName } from './topology';

const DAY_MS = 86_400_000;

/** Sample interval of the written history. */
export const HISTORY_STEP_MS = 60_000;

/**
 * promtool groups samples into blocks of at most this length; each block is one more pass over the
 * input file, so long blocks make the backfill fast. 486h is the largest of Prometheus's block
 * ranges (2h·3^n) below 3 weeks, so 14 days fit in one or two blocks.
 */
export const PROMTOOL_MAX_BLOCK_DURATION = '486h';

export interface HistoryOptions {
  seed: number;
  /** Length of the history in days. */
  days: number;
  /** End of the history (the anchor for incidents), in ms; rounded down to the step. */
  endMs: number;
  /** Defaults to 60 s. */
  stepMs?: number;
}

export interface HistoryRange {
  startMs: number;
  endMs: number;
  stepMs: number;
  /** Number of samples per series (both ends included). */
  points: number;
}

export interface BackfillResult extends HistoryRange {
  file: string;
  series: number;
  samples: number;
  bytes: number;
}

/** The sample times of a history: `[end − days, end]` on the step grid, end rounded down to the step. */
export function historyRange(options: HistoryOptions): HistoryRange {
  const stepMs = options.stepMs ?? HISTORY_STEP_MS;
  if (!(options.days > 0)) {
    throw new Error(`days must be a positive number, got ${options.days}`);
  }
  const endMs = Math.floor(options.endMs / stepMs) * stepMs;
  const points = Math.floor((options.days * DAY_MS) / stepMs) + 1;
  return { startMs: endMs - (points - 1) * stepMs, endMs, stepMs, points };
}

/** Buffers text and writes it to a file descriptor in large chunks. */
class ChunkedFileWriter {
  private parts: string[] = [];
  private pending = 0;
  bytes = 0;
  private readonly fd: number;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= 1 << 20) {
      this.flush();
    }
  }

  flush(): void {
    if (this.parts.length) {
      const chunk = Buffer.from(this.parts.join(''), 'utf8');
      writeSync(this.fd, chunk);
      this.bytes += chunk.length;
      this.parts = [];
      this.pending = 0;
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Per-service cumulative counters at every step, from one pass over the states. */
interface CounterHistory {
  requests: Record<string, Float64Array>;
  buckets: Float64Array[];
  latencySum: Float64Array;
  cpuSeconds: Float64Array;
}

function counterHistory(states: SystemState[], service: ServiceName, stepSeconds: number): CounterHistory {
  const points = states.length;
  const history: CounterHistory = {
    requests: Object.fromEntries(STATUS_CLASSES.map((status) => [status, new Float64Array(points)])),
    buckets: Array.from({ length: LATENCY_BUCKETS.length + 1 }, () => new Float64Array(points)),
    latencySum: new Float64Array(points),
    cpuSeconds: new Float64Array(points),
  };
  const counters = new ServiceCounters();
  for (let i = 0; i < points; i++) {
    counters.advance(states[i][service], stepSeconds);
    for (const status of STATUS_CLASSES) {
      history.requests[status][i] = counters.requests[status];
    }
    for (let b = 0; b < counters.buckets.length; b++) {
      history.buckets[b][i] = counters.buckets[b];
    }
    history.latencySum[i] = counters.latencySum;
    history.cpuSeconds[i] = counters.cpuSeconds;
  }
  return history;
}

/** The model's state at every step of a history. */
export function simulateHistory(options: HistoryOptions): { range: HistoryRange; states: SystemState[] } {
  const range = historyRange(options);
  const model = new WorkloadModel({ seed: options.seed, anchorMs: range.endMs });
  const states: SystemState[] = new Array(range.points);
  for (let i = 0; i < range.points; i++) {
    states[i] = model.systemState(range.startMs + i * range.stepMs);
  }
  return { range, states };
}

/**
 * Writes the history as OpenMetrics to `outFile`.
 * `targetLabels` (default job="demo", instance="generator") are added to every series.
 */
export function writeOpenMetrics(
  options: HistoryOptions & { outFile: string; targetLabels?: Record<string, string> }
): BackfillResult {
  const { range, states } = simulateHistory(options);
  const targetLabels = options.targetLabels ?? DEFAULT_TARGET_LABELS;
  const services = SERVICES.map((profile) => profile.name);
  const stepSeconds = range.stepMs / 1000;
  const timestamps = Array.from({ length: range.points }, (_, i) => ` ${(range.startMs + i * range.stepMs) / 1000}\n`);
  const counters = Object.fromEntries(
    services.map((service) => [service, counterHistory(states, service, stepSeconds)])
  ) as Record<ServiceName, CounterHistory>;

  const out = new ChunkedFileWriter(options.outFile);
  let series = 0;
  let samples = 0;
  const writeSeries = (prefix: string, values: (i: number) => string) => {
    series++;
    samples += range.points;
    for (let i = 0; i < range.points; i++) {
      out.write(prefix + values(i) + timestamps[i]);
    }
  };

  const requestsFamily = METRIC.requests.replace(/_total$/, '');
  out.write(`# HELP ${requestsFamily} Requests served, by status class.\n# TYPE ${requestsFamily} counter\n`);
  for (const service of services) {
    for (const status of STATUS_CLASSES) {
      const values = counters[service].requests[status];
      writeSeries(`${METRIC.requests}${formatLabels({ ...targetLabels, service, status })} `, (i) =>
        String(Math.round(values[i]))
      );
    }
  }

  // A histogram's points are written point by point: all buckets, count and sum of one timestamp together.
  out.write(`# HELP ${METRIC.latency} Request latency.\n# TYPE ${METRIC.latency} histogram\n`);
  for (const service of services) {
    const history = counters[service];
    const bucketPrefixes = history.buckets.map(
      (_, b) => `${METRIC.latency}_bucket${formatLabels({ ...targetLabels, service, le: bucketBound(b) })} `
    );
    const countPrefix = `${METRIC.latency}_count${formatLabels({ ...targetLabels, service })} `;
    const sumPrefix = `${METRIC.latency}_sum${formatLabels({ ...targetLabels, service })} `;
    series += bucketPrefixes.length + 2;
    samples += (bucketPrefixes.length + 2) * range.points;
    for (let i = 0; i < range.points; i++) {
      for (let b = 0; b < bucketPrefixes.length; b++) {
        out.write(bucketPrefixes[b] + Math.round(history.buckets[b][i]) + timestamps[i]);
      }
      out.write(countPrefix + Math.round(history.buckets[history.buckets.length - 1][i]) + timestamps[i]);
      out.write(sumPrefix + formatValue(history.latencySum[i]) + timestamps[i]);
    }
  }

  const cpuFamily = METRIC.cpu.replace(/_total$/, '');
  out.write(`# HELP ${cpuFamily} CPU time used.\n# TYPE ${cpuFamily} counter\n`);
  for (const service of services) {
    const values = counters[service].cpuSeconds;
    writeSeries(`${METRIC.cpu}${formatLabels({ ...targetLabels, service })} `, (i) => formatValue(values[i]));
  }

  for (const gauge of GAUGES) {
    out.write(`# HELP ${gauge.name} ${gauge.help}\n# TYPE ${gauge.name} gauge\n`);
    for (const service of services) {
      writeSeries(`${gauge.name}${formatLabels({ ...targetLabels, service })} `, (i) =>
        formatValue(gauge.value(states[i][service]))
      );
    }
  }

  out.write('# EOF\n');
  out.close();
  return { ...range, file: options.outFile, series, samples, bytes: out.bytes };
}

/** Runs `promtool tsdb create-blocks-from openmetrics` and returns its output; throws with promtool's message on failure. */
export function createBlocks(openMetricsFile: string, tsdbDir: string, promtool = 'promtool'): string {
  const result = spawnSync(
    promtool,
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      `--max-block-duration=${PROMTOOL_MAX_BLOCK_DURATION}`,
      openMetricsFile,
      tsdbDir,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  );
  if (result.error) {
    throw new Error(
      `could not run ${promtool}: ${result.error.message} (install Prometheus's promtool or pass --promtool)`
    );
  }
  if (result.status !== 0) {
    throw new Error(`promtool failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout;
}
