/**
 * The metric families the demo exposes, written two ways from the same model:
 * OpenMetrics history for `promtool tsdb create-blocks-from openmetrics`, and a live text
 * exposition for Prometheus to scrape.
 */
import { logNormalCdf, type ServiceState, type SystemState } from './model';
import { SERVICES, type ServiceName } from './topology';

/** Upper bounds of the latency histogram buckets, in seconds (`+Inf` is added). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

/** Status classes of `http_requests_total`. */
export const STATUS_CLASSES = ['2xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Labels that the backfill adds to every series so that they match the live scrape (see demo/prometheus). */
export const DEFAULT_TARGET_LABELS: Record<string, string> = { job: 'demo', instance: 'generator' };

/** Metric names as queried in PromQL. */
export const METRIC = {
  requests: 'http_requests_total',
  latency: 'http_request_duration_seconds',
  cpu: 'process_cpu_seconds_total',
  memory: 'process_resident_memory_bytes',
  memoryLimit: 'process_memory_limit_bytes',
  queueDepth: 'queue_depth',
  diskUsed: 'disk_used_bytes',
  diskTotal: 'disk_total_bytes',
} as const;

export interface GaugeFamily {
  name: string;
  help: string;
  value: (state: ServiceState) => number;
}

export const GAUGES: readonly GaugeFamily[] = [
  { name: METRIC.memory, help: 'Resident memory of the service process.', value: (s) => Math.round(s.memoryBytes) },
  { name: METRIC.memoryLimit, help: 'Memory limit of the service container.', value: (s) => s.memoryLimitBytes },
  { name: METRIC.queueDepth, help: 'Requests in flight or waiting.', value: (s) => s.queueDepth },
  { name: METRIC.diskUsed, help: 'Bytes in use on the data volume.', value: (s) => Math.round(s.diskUsedBytes) },
  { name: METRIC.diskTotal, help: 'Size of the data volume.', value: (s) => s.diskTotalBytes },
];

/** Cumulative counters of one service, advanced step by step from the model's rates. */
export class ServiceCounters {
  requests: Record<StatusClass, number> = { '2xx': 0, '4xx': 0, '5xx': 0 };
  /** Cumulative counts per finite bucket, then `+Inf`. */
  buckets = new Float64Array(LATENCY_BUCKETS.length + 1);
  latencySum = 0;
  cpuSeconds = 0;

  /** Adds what the service did in the `seconds` before this state. */
  advance(state: ServiceState, seconds: number): void {
    const served = state.requestsPerSecond * seconds;
    this.requests['5xx'] += served * state.errorRatio;
    this.requests['4xx'] += served * state.clientErrorRatio;
    this.requests['2xx'] += served * (1 - state.errorRatio - state.clientErrorRatio);
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
      this.buckets[i] += served * logNormalCdf(LATENCY_BUCKETS[i], state.latencyMedianSeconds, state.latencySigma);
    }
    this.buckets[LATENCY_BUCKETS.length] += served;
    const sigma = state.latencySigma;
    this.latencySum += served * state.latencyMedianSeconds * Math.exp((sigma * sigma) / 2);
    this.cpuSeconds += state.cpuCores * seconds;
  }
}

/** `{a="1",b="2"}` with escaping as both text formats require. */
export function formatLabels(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(
    ([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** A sample value: integers as they are, other numbers with at most 6 decimals. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) {
    return String(value);
  }
  return String(Math.round(value * 1e6) / 1e6);
}

/** Bucket `le` label values as Prometheus clients write them. */
export function bucketBound(index: number): string {
  return index < LATENCY_BUCKETS.length ? String(LATENCY_BUCKETS[index]) : '+Inf';
}

/**
 * Renders the live text exposition (format 0.0.4) for the current counters and state.
 * Counters and histogram counts are rounded to whole requests, as a real client would count them.
 */
export function renderExposition(counters: Record<ServiceName, ServiceCounters>, state: SystemState): string {
  const lines: string[] = [];
  const services = SERVICES.map((profile) => profile.name);

  lines.push(`# HELP ${METRIC.requests} Requests served, by status class.`, `# TYPE ${METRIC.requests} counter`);
  for (const service of services) {
    for (const status of STATUS_CLASSES) {
      lines.push(
        `${METRIC.requests}${formatLabels({ service, status })} ${Math.round(counters[service].requests[status])}`
      );
    }
  }

  lines.push(`# HELP ${METRIC.latency} Request latency.`, `# TYPE ${METRIC.latency} histogram`);
  for (const service of services) {
    const c = counters[service];
    for (let i = 0; i < c.buckets.length; i++) {
      lines.push(
        `${METRIC.latency}_bucket${formatLabels({ service, le: bucketBound(i) })} ${Math.round(c.buckets[i])}`
      );
    }
    lines.push(`${METRIC.latency}_sum${formatLabels({ service })} ${formatValue(c.latencySum)}`);
    lines.push(`${METRIC.latency}_count${formatLabels({ service })} ${Math.round(c.buckets[c.buckets.length - 1])}`);
  }

  lines.push(`# HELP ${METRIC.cpu} CPU time used.`, `# TYPE ${METRIC.cpu} counter`);
  for (const service of services) {
    lines.push(`${METRIC.cpu}${formatLabels({ service })} ${formatValue(counters[service].cpuSeconds)}`);
  }

  for (const gauge of GAUGES) {
    lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
    for (const service of services) {
      lines.push(`${gauge.name}${formatLabels({ service })} ${formatValue(gauge.value(state[service]))}`);
    }
  }
  return lines.join('\n') + '\n';
}
