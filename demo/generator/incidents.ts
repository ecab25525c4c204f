/**
 * The demo's incident schedule: the ground truth that tests and benchmarks score against.
 *
 * Offsets are relative to the generator's time origin, the *anchor*: the end of the backfilled
 * history (`--end`, "now" by default). Every incident sits within the last four days before the
 * anchor, so a backfill of four days or more always contains all of them. The two leaks are still
 * running at the anchor and exhaust their resource after it, so a forecast made at the anchor can
 * predict when.
 */
import type { ServiceName } from './topology';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type IncidentKind = 'latency-spike' | 'memory-leak' | 'disk-fill' | 'error-burst';

export interface Incident {
  /** Stable identifier, e.g. `db-latency-spike`. */
  id: string;
  kind: IncidentKind;
  /** The service where the incident starts (its root cause). */
  service: ServiceName;
  /** Other services that visibly suffer from it (callers), in call order from the root outwards. */
  affectedServices: ServiceName[];
  /** Metric names (as queried in PromQL) whose values change during the incident. */
  metrics: string[];
  /** For leaks: the gauge holding the capacity that the leaking metric runs into. */
  capacityMetric?: string;
  /** Start, relative to the anchor, in milliseconds (negative: before it). */
  startOffsetMs: number;
  /**
   * End, relative to the anchor, in milliseconds. For leaks this is the moment the resource is
   * exhausted (after the anchor); the service then restarts or space is freed.
   */
  endOffsetMs: number;
  /** Time the ramp takes to reach full strength at the start (and to fade at the end), in milliseconds. */
  rampMs: number;
  /** For error bursts: the log message kind that appears only during the incident (a Drain-style pattern). */
  newLogPattern?: string;
  /** One sentence for docs and UI. */
  description: string;
}

/** An incident placed on the clock for one anchor. */
export interface IncidentWindow extends Incident {
  startMs: number;
  endMs: number;
}

export const INCIDENTS: readonly Incident[] = [
  {
    id: 'db-latency-spike',
    kind: 'latency-spike',
    service: 'db',
    affectedServices: ['catalog', 'frontend'],
    metrics: ['http_request_duration_seconds', 'queue_depth', 'process_cpu_seconds_total'],
    startOffsetMs: -36 * HOUR,
    endOffsetMs: -36 * HOUR + 45 * MINUTE,
    rampMs: 5 * MINUTE,
    description:
      'db queries become ~25x slower for 45 minutes (lock contention); catalog and frontend latency rise with it.',
  },
  {
    id: 'checkout-memory-leak',
    kind: 'memory-leak',
    service: 'checkout',
    affectedServices: [],
    metrics: ['process_resident_memory_bytes'],
    capacityMetric: 'process_memory_limit_bytes',
    startOffsetMs: -4 * DAY,
    endOffsetMs: 1 * DAY,
    rampMs: 0,
    description: 'checkout leaks memory linearly from 4 days before the anchor; it reaches its limit 1 day after it.',
  },
  {
    id: 'db-disk-fill',
    kind: 'disk-fill',
    service: 'db',
    affectedServices: [],
    metrics: ['disk_used_bytes'],
    capacityMetric: 'disk_total_bytes',
    startOffsetMs: -3 * DAY,
    endOffsetMs: 2 * DAY,
    rampMs: 0,
    description:
      'a runaway table fills the db disk linearly from 3 days before the anchor; it is full 2 days after it.',
  },
  {
    id: 'payments-error-burst',
    kind: 'error-burst',
    service: 'payments',
    affectedServices: ['checkout', 'frontend'],
    metrics: ['http_requests_total'],
    startOffsetMs: -8 * HOUR,
    endOffsetMs: -8 * HOUR + 30 * MINUTE,
    rampMs: 2 * MINUTE,
    newLogPattern: 'upstream timeout talking to bank-gateway after <_>ms',
    description:
      'payments times out on its bank gateway for 30 minutes: ~30% 5xx and a new log message; checkout and frontend fail with it.',
  },
];

/** The history length that contains every incident's start. */
export const MIN_HISTORY_DAYS_FOR_ALL_INCIDENTS = 4;

/** The incidents on the clock for a given anchor (end of the backfilled history), in milliseconds since the epoch. */
export function incidentWindows(anchorMs: number): IncidentWindow[] {
  return INCIDENTS.map((incident) => ({
    ...incident,
    startMs: anchorMs + incident.startOffsetMs,
    endMs: anchorMs + incident.endOffsetMs,
  }));
}

/** The incident with this id, placed for the anchor. Throws for an unknown id. */
export function incidentWindow(id: string, anchorMs: number): IncidentWindow {
  const found = incidentWindows(anchorMs).find((incident) => incident.id === id);
  if (!found) {
    throw new Error(`unknown demo incident "${id}"; known: ${INCIDENTS.map((incident) => incident.id).join(', ')}`);
  }
  return found;
}

/**
 * How strongly an incident acts at time `t`: 0 outside, 1 at full strength, linear ramps at both ends.
 * Leaks return the elapsed fraction of their run instead (0 at the start, 1 at exhaustion).
 */
export function incidentIntensity(incident: IncidentWindow, timeMs: number): number {
  if (timeMs < incident.startMs || timeMs >= incident.endMs) {
    return 0;
  }
  if (incident.kind === 'memory-leak' || incident.kind === 'disk-fill') {
    return (timeMs - incident.startMs) / (incident.endMs - incident.startMs);
  }
  if (incident.rampMs <= 0) {
    return 1;
  }
  const fromStart = (timeMs - incident.startMs) / incident.rampMs;
  const toEnd = (incident.endMs - timeMs) / incident.rampMs;
  return Math.min(1, fromStart, toEnd);
}
