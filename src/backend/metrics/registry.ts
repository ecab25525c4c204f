/**
 * The plugin's own metrics in the Prometheus text format, served by Diagnostics/CollectMetrics
 * (Grafana exposes them at /api/plugins/<id>/metrics). Small on purpose: counters and histograms
 * keyed by label values, plus the usual process metrics read at scrape time.
 */
import type { UpstreamObserver } from '../upstream/types';

/** Histogram buckets in seconds, from fast RPCs to slow range queries. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Labels = Record<string, string>;

interface HistogramState {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    return '';
  }
  const escaped = entries.map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`
  );
  return `{${escaped.join(',')}}`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '+Inf' : '-Inf';
  }
  return String(value);
}

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string
  ) {}

  inc(labels: Labels, by = 1): void {
    const key = labelKey(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) {
      lines.push(`${this.name}${formatLabels(labels)} ${formatNumber(value)}`);
    }
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<string, HistogramState>();
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets = DURATION_BUCKETS
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let state = this.series.get(key);
    if (state === undefined) {
      state = { labels, counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 };
      this.series.set(key, state);
    }
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= this.buckets[i]) {
        state.counts[i]++;
      }
    }
    state.sum += value;
    state.count++;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const state of this.series.values()) {
      this.buckets.forEach((le, i) => {
        lines.push(`${this.name}_bucket${formatLabels({ ...state.labels, le: String(le) })} ${state.counts[i]}`);
      });
      lines.push(`${this.name}_bucket${formatLabels({ ...state.labels, le: '+Inf' })} ${state.count}`);
      lines.push(`${this.name}_sum${formatLabels(state.labels)} ${formatNumber(state.sum)}`);
      lines.push(`${this.name}_count${formatLabels(state.labels)} ${state.count}`);
    }
    return lines;
  }
}

function gauge(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${formatNumber(value)}`];
}

/** All metrics of one plugin process. */
export class MetricsRegistry {
  private readonly requests = new Counter(
    'foresight_plugin_requests_total',
    'gRPC requests handled, by method.'
  );
  private readonly requestErrors = new Counter(
    'foresight_plugin_request_errors_total',
    'gRPC requests that failed or returned an error for at least one query, by method.'
  );
  private readonly requestDuration = new Histogram(
    'foresight_plugin_request_duration_seconds',
    'Time to answer a gRPC request, by method.'
  );
  private readonly upstreamDuration = new Histogram(
    'foresight_upstream_request_duration_seconds',
    'Duration of HTTP requests to Prometheus and Loki, by upstream, endpoint and status.'
  );
  private readonly startTimeSeconds: number;

  constructor(startTimeMs = Date.now() - process.uptime() * 1000) {
    this.startTimeSeconds = startTimeMs / 1000;
  }

  /** Records one handled gRPC request. */
  recordRequest(method: string, durationMs: number, failed: boolean): void {
    this.requests.inc({ method });
    if (failed) {
      this.requestErrors.inc({ method });
    }
    this.requestDuration.observe({ method }, durationMs / 1000);
  }

  /** Observer handed to the upstream clients. */
  readonly upstreamObserver: UpstreamObserver = (event) => {
    this.upstreamDuration.observe(
      { upstream: event.upstream, endpoint: event.endpoint, status: String(event.status) },
      event.durationMs / 1000
    );
  };

  /** The whole registry in the Prometheus text exposition format (version 0.0.4). */
  render(): string {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const lines = [
      ...this.requests.render(),
      ...this.requestErrors.render(),
      ...this.requestDuration.render(),
      ...this.upstreamDuration.render(),
      ...[
        `# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.`,
        `# TYPE process_cpu_seconds_total counter`,
        `process_cpu_seconds_total ${formatNumber((cpu.user + cpu.system) / 1e6)}`,
      ],
      ...gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss),
      ...gauge('process_start_time_seconds', 'Start time of the process since unix epoch in seconds.', this.startTimeSeconds),
      ...gauge('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', memory.heapTotal),
      ...gauge('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', memory.heapUsed),
      ...gauge('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', memory.external),
    ];
    return lines.join('\n') + '\n';
  }
}
