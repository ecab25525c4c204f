/**
 * Demo logs: lines each service writes, and a client for Loki's push API.
 *
 * Volume follows the model: about one info line per 500 requests, one error line per 10 failed
 * requests. frontend, checkout, catalog and db write logfmt; payments writes JSON, so both parsers
 * have something to do. The error burst brings a message kind that appears at no other time.
 */
import { incidentIntensity, incidentWindows, type IncidentWindow } from './incidents';
import { type ServiceState, WorkloadModel } from './model';
import { gaussian, keyedRandom, poisson } from './prng';
import { SERVICES, type ServiceName } from './topology';

const INFO_LINE_PER_REQUESTS = 500;
const ERROR_LINE_PER_FAILURES = 10;
const LOG_CHANNEL = 9;

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  timeMs: number;
  /** Nanoseconds since the epoch, as a decimal string (Loki's timestamp format); unique per stream. */
  timeNs: string;
  service: ServiceName;
  level: LogLevel;
  line: string;
}

/** Stream labels every demo log line carries. */
export function streamLabels(entry: Pick<LogEntry, 'service' | 'level'>): Record<string, string> {
  return { job: 'demo', service: entry.service, level: entry.level };
}

function hex(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    text += Math.floor(next() * 16).toString(16);
  }
  return text;
}

function pick<T>(next: () => number, options: readonly T[]): T {
  return options[Math.floor(next() * options.length)];
}

function durationMs(next: () => number, state: ServiceState): number {
  return Math.max(1, Math.round(state.latencyMedianSeconds * 1000 * Math.exp(state.latencySigma * gaussian(next))));
}

interface LineContext {
  next: () => number;
  state: ServiceState;
  level: LogLevel;
  /** True for an error line caused by the current incident rather than by the usual background failures. */
  incident: boolean;
  /** Strength of a latency spike in this service or a callee (0..1). */
  slow: number;
}

function logfmt(fields: Record<string, string | number>): string {
  return Object.entries(fields)
    .map(([key, value]) =>
      typeof value === 'string' && /[\s"=]/.test(value) ? `${key}="${value}"` : `${key}=${value}`
    )
    .join(' ');
}

function frontendLine({ next, state, level, incident }: LineContext): Record<string, string | number> {
  const path = pick(next, ['/', '/products', '/product/42', '/cart', '/checkout'] as const);
  const base = { level, method: path === '/checkout' ? 'POST' : 'GET', path };
  const trace = hex(next, 16);
  if (level === 'error') {
    const upstream = incident ? 'checkout' : pick(next, ['checkout', 'catalog'] as const);
    return {
      ...base,
      status: 502,
      duration_ms: durationMs(next, state),
      trace_id: trace,
      msg: `upstream error from ${upstream}`,
    };
  }
  if (level === 'warn') {
    return { ...base, status: 429, duration_ms: durationMs(next, state), trace_id: trace, msg: 'rate limited' };
  }
  return {
    ...base,
    status: 200,
    duration_ms: durationMs(next, state),
    bytes: 2000 + Math.floor(next() * 20000),
    trace_id: trace,
    msg: 'request served',
  };
}

function checkoutLine({ next, state, level, incident }: LineContext): Record<string, string | number> {
  const order = `ord_${hex(next, 10)}`;
  if (level === 'error') {
    return incident
      ? {
          level,
          order_id: order,
          duration_ms: 5000 + Math.floor(next() * 200),
          msg: 'payment authorization failed',
          error: 'payments: upstream timeout',
        }
      : {
          level,
          order_id: order,
          duration_ms: durationMs(next, state),
          msg: 'inventory reservation failed',
          error: 'sku out of stock',
        };
  }
  if (level === 'warn') {
    return { level, order_id: order, msg: 'retrying payment authorization', attempt: 2 };
  }
  return {
    level,
    order_id: order,
    items: 1 + Math.floor(next() * 5),
    total_cents: 500 + Math.floor(next() * 20000),
    duration_ms: durationMs(next, state),
    msg: 'order placed',
  };
}

function paymentsLine({ next, state, level, incident }: LineContext): string {
  const common = { level, charge_id: `ch_${hex(next, 12)}`, gateway: 'bank-gateway' };
  const customer = {
    country: pick(next, ['DE', 'ES', 'FR', 'US', 'JP'] as const),
    tier: pick(next, ['free', 'gold'] as const),
  };
  if (level === 'error' && incident) {
    const waited = 5000 + Math.floor(next() * 200);
    return JSON.stringify({
      ...common,
      msg: `upstream timeout talking to bank-gateway after ${waited}ms`,
      duration_ms: waited,
      customer,
    });
  }
  if (level === 'error') {
    return JSON.stringify({
      ...common,
      msg: 'card declined by issuer',
      decline_code: pick(next, ['insufficient_funds', 'do_not_honor'] as const),
      duration_ms: durationMs(next, state),
      customer,
    });
  }
  if (level === 'warn') {
    return JSON.stringify({
      ...common,
      msg: 'retrying charge',
      attempt: 2,
      duration_ms: durationMs(next, state),
      customer,
    });
  }
  return JSON.stringify({
    ...common,
    msg: 'charge captured',
    amount_cents: 500 + Math.floor(next() * 20000),
    currency: 'EUR',
    duration_ms: durationMs(next, state),
    customer,
  });
}

function catalogLine({ next, state, level, slow }: LineContext): Record<string, string | number> {
  const product = `sku-${100 + Math.floor(next() * 900)}`;
  if (level === 'error') {
    return { level, product, msg: 'query failed', error: 'db: connection reset' };
  }
  if (level === 'warn') {
    return slow > 0
      ? { level, product, dependency: 'db', duration_ms: durationMs(next, state), msg: 'slow dependency' }
      : { level, product, msg: 'cache miss storm', misses: 50 + Math.floor(next() * 100) };
  }
  return { level, product, duration_ms: durationMs(next, state), msg: 'product listed' };
}

function dbLine({ next, state, level, slow }: LineContext): Record<string, string | number> {
  const table = pick(next, ['products', 'prices', 'stock'] as const);
  if (level === 'error') {
    return { level, table, msg: 'deadlock detected' };
  }
  if (level === 'warn') {
    return slow > 0
      ? {
          level,
          table,
          duration_ms: durationMs(next, state),
          lock_wait_ms: Math.round(durationMs(next, state) * 0.8),
          msg: 'slow query',
        }
      : { level, table, msg: 'checkpoint took longer than expected' };
  }
  return {
    level,
    table,
    rows: 1 + Math.floor(next() * 200),
    duration_ms: durationMs(next, state),
    msg: 'query executed',
  };
}

const LINE_WRITERS: Record<ServiceName, (context: LineContext) => string | Record<string, string | number>> = {
  frontend: frontendLine,
  checkout: checkoutLine,
  payments: paymentsLine,
  catalog: catalogLine,
  db: dbLine,
};

/** Generates the log lines of every service for `[startMs, startMs + durationMs)`. */
export class LogGenerator {
  private readonly model: WorkloadModel;
  private readonly incidents: IncidentWindow[];

  constructor(model: WorkloadModel) {
    this.model = model;
    this.incidents = incidentWindows(model.anchorMs);
  }

  private strength(kind: IncidentWindow['kind'], services: ServiceName[], timeMs: number): number {
    let strength = 0;
    for (const incident of this.incidents) {
      if (incident.kind === kind && services.includes(incident.service)) {
        strength = Math.max(strength, incidentIntensity(incident, timeMs));
      }
    }
    return strength;
  }

  interval(startMs: number, durationMs: number): LogEntry[] {
    const state = this.model.systemState(startMs);
    const seconds = durationMs / 1000;
    const entries: LogEntry[] = [];
    SERVICES.forEach((profile, serviceIndex) => {
      const service = profile.name;
      const serviceState = state[service];
      const next = keyedRandom(this.model.seed, serviceIndex * 16 + LOG_CHANNEL, Math.floor(startMs / 1000));
      const requests = serviceState.requestsPerSecond * seconds;
      const burst = this.strength('error-burst', ['payments'], startMs);
      const incidentErrorShare =
        burst > 0 && (service === 'payments' || service === 'checkout' || service === 'frontend')
          ? Math.max(0, 1 - profile.baseErrorRatio / serviceState.errorRatio)
          : 0;
      const slow = this.strength('latency-spike', service === 'catalog' ? ['db'] : [service], startMs);
      const counts: Record<LogLevel, number> = {
        info: poisson(next, requests / INFO_LINE_PER_REQUESTS),
        warn: poisson(next, (requests / INFO_LINE_PER_REQUESTS) * (0.05 + 3 * slow)),
        error: poisson(next, (requests * serviceState.errorRatio) / ERROR_LINE_PER_FAILURES),
      };
      const serviceEntries: LogEntry[] = [];
      for (const level of ['info', 'warn', 'error'] as const) {
        for (let i = 0; i < counts[level]; i++) {
          const offsetMs = Math.floor(next() * durationMs);
          const incident = level === 'error' && next() < incidentErrorShare;
          const written = LINE_WRITERS[service]({ next, state: serviceState, level, incident, slow });
          const timeMs = startMs + offsetMs;
          const timestamp = new Date(timeMs).toISOString();
          const line =
            typeof written === 'string'
              ? written.replace('{', `{"ts":"${timestamp}",`)
              : logfmt({ ts: timestamp, ...written });
          serviceEntries.push({ timeMs, timeNs: '', service, level, line });
        }
      }
      serviceEntries.sort((a, b) => a.timeMs - b.timeMs);
      // Nanosecond timestamps: the millisecond plus a counter, so lines in the same millisecond stay distinct and ordered.
      let previousMs = -1;
      let sameMs = 0;
      for (const entry of serviceEntries) {
        sameMs = entry.timeMs === previousMs ? sameMs + 1 : 0;
        previousMs = entry.timeMs;
        entry.timeNs = `${entry.timeMs}${String(sameMs).padStart(6, '0')}`;
        entries.push(entry);
      }
    });
    return entries;
  }
}

/** Loki's push payload: one stream per (service, level), values oldest first. */
export function lokiPushBody(entries: LogEntry[]): {
  streams: Array<{ stream: Record<string, string>; values: Array<[string, string]> }>;
} {
  const streams = new Map<string, { stream: Record<string, string>; values: Array<[string, string]> }>();
  for (const entry of entries) {
    const key = `${entry.service}/${entry.level}`;
    let stream = streams.get(key);
    if (!stream) {
      stream = { stream: streamLabels(entry), values: [] };
      streams.set(key, stream);
    }
    stream.values.push([entry.timeNs, entry.line]);
  }
  for (const stream of streams.values()) {
    stream.values.sort((a, b) => (BigInt(a[0]) < BigInt(b[0]) ? -1 : BigInt(a[0]) > BigInt(b[0]) ? 1 : 0));
  }
  return { streams: [...streams.values()] };
}

/**
 * POSTs entries to `<lokiUrl>/loki/api/v1/push`. Retries connection errors, 429 and 5xx with
 * back-off (Loki may still be starting); other errors throw with Loki's message.
 */
export async function pushToLoki(lokiUrl: string, entries: LogEntry[], attempts = 12): Promise<void> {
  if (!entries.length) {
    return;
  }
  const body = JSON.stringify(lokiPushBody(entries));
  const url = `${lokiUrl.replace(/\/+$/, '')}/loki/api/v1/push`;
  let lastError = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      if (response.ok) {
        return;
      }
      lastError = `${response.status} ${(await response.text()).trim()}`;
      if (response.status !== 429 && response.status < 500) {
        throw new Error(`Loki rejected the push to ${url}: ${lastError}`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('Loki rejected')) {
        throw error;
      }
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((wake) => setTimeout(wake, Math.min(500 * 2 ** attempt, 15_000)));
  }
  throw new Error(`could not push logs to ${url} after ${attempts} attempts: ${lastError}`);
}
