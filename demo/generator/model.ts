/**
 * The workload model: what each service does at a given moment.
 *
 * Load follows a daily cycle (peak 15:00 UTC, trough 03:00 UTC) and a weekly one (quiet weekends).
 * The frontend's request rate sets everyone's: a callee serves `callsPerRequest` times its callers'
 * rate. Latency and errors flow the other way: a caller's median latency includes its callees'
 * and part of their failures. Incidents from `incidents.ts` bend these curves. Every random draw is
 * keyed by (seed, service, channel, time), so `systemState` is a pure function of its arguments.
 */
import { gaussian, keyedRandom, poisson } from './prng';
import { incidentIntensity, incidentWindows, type IncidentWindow } from './incidents';
import { CALLS, SERVICES, SERVICES_CALLEES_FIRST, serviceProfile, type ServiceName } from './topology';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Load relative to the weekly average by day of week, Sunday first. */
const WEEKDAY_LOAD = [0.62, 1.0, 1.06, 1.06, 1.04, 0.96, 0.66];

/** Share of requests answered with a 4xx (bad input, not found): steady, not an error of the service. */
const CLIENT_ERROR_RATIO = 0.01;

export interface ServiceState {
  requestsPerSecond: number;
  /** Share of requests answered with a 5xx. */
  errorRatio: number;
  /** Share of requests answered with a 4xx. */
  clientErrorRatio: number;
  /** Median of the log-normal latency distribution, in seconds, callees included. */
  latencyMedianSeconds: number;
  latencySigma: number;
  /** CPU in use, in cores (CPU seconds per second). */
  cpuCores: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  diskUsedBytes: number;
  diskTotalBytes: number;
  /** Requests in flight or waiting (Little's law with Poisson noise). */
  queueDepth: number;
}

export type SystemState = Record<ServiceName, ServiceState>;

export interface ModelOptions {
  seed: number;
  /** The generator's time origin: end of the backfilled history; incidents are placed relative to it. */
  anchorMs: number;
}

/** Random streams: one per (service, channel). */
enum Channel {
  Rate = 1,
  Latency = 2,
  Cpu = 3,
  Memory = 4,
  Queue = 5,
  Disk = 6,
}

/** Daily cycle: 1 ± 0.45, highest at 15:00 UTC. */
export function dailyLoad(timeMs: number): number {
  const hour = (((timeMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  return 1 + 0.45 * Math.cos((2 * Math.PI * (hour - 15)) / 24);
}

/** Weekly cycle: the day-of-week profile, interpolated linearly between noons so there is no step at midnight. */
export function weeklyLoad(timeMs: number): number {
  const daysSinceEpoch = timeMs / DAY_MS - 0.5;
  const dayIndex = Math.floor(daysSinceEpoch);
  const fraction = daysSinceEpoch - dayIndex;
  // 1970-01-01 was a Thursday (day 4 with Sunday = 0).
  const today = WEEKDAY_LOAD[(((dayIndex + 4) % 7) + 7) % 7];
  const tomorrow = WEEKDAY_LOAD[(((dayIndex + 5) % 7) + 7) % 7];
  return today + (tomorrow - today) * fraction;
}

/** Combined seasonal load factor (about 1 on average over a week). */
export function loadFactor(timeMs: number): number {
  return dailyLoad(timeMs) * weeklyLoad(timeMs);
}

/** Precomputes the incident windows for an anchor, so state computations don't redo it per step. */
export class WorkloadModel {
  readonly seed: number;
  readonly anchorMs: number;
  private readonly incidents: IncidentWindow[];

  constructor(options: ModelOptions) {
    this.seed = options.seed;
    this.anchorMs = options.anchorMs;
    this.incidents = incidentWindows(options.anchorMs);
  }

  private intensity(kind: IncidentWindow['kind'], service: ServiceName, timeMs: number): number {
    let strength = 0;
    for (const incident of this.incidents) {
      if (incident.kind === kind && incident.service === service) {
        strength = Math.max(strength, incidentIntensity(incident, timeMs));
      }
    }
    return strength;
  }

  private random(service: ServiceName, channel: Channel, timeMs: number): () => number {
    const serviceIndex = SERVICES.findIndex((profile) => profile.name === service);
    return keyedRandom(this.seed, serviceIndex * 16 + channel, Math.floor(timeMs / 1000));
  }

  /** Disk in use without the disk-fill incident. */
  private normalDiskUsed(service: ServiceName, timeMs: number): number {
    const profile = serviceProfile(service);
    if (profile.diskRotatesDaily) {
      const dayFraction = (((timeMs % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS;
      return profile.baseDiskUsedBytes + profile.diskGrowthBytesPerDay * dayFraction;
    }
    // Steady growth, counted from two weeks before the anchor so values don't depend on the history length.
    const daysSinceBase = (timeMs - (this.anchorMs - 14 * DAY_MS)) / DAY_MS;
    return profile.baseDiskUsedBytes + profile.diskGrowthBytesPerDay * daysSinceBase;
  }

  /** The state of every service at `timeMs`. */
  systemState(timeMs: number): SystemState {
    const load = loadFactor(timeMs);
    const requests = {} as Record<ServiceName, number>;
    // Rates flow from the frontend down the call graph.
    for (const service of [...SERVICES_CALLEES_FIRST].reverse()) {
      const profile = serviceProfile(service);
      const next = this.random(service, Channel.Rate, timeMs);
      if (profile.baseRequestsPerSecond !== undefined) {
        requests[service] = profile.baseRequestsPerSecond * load * (1 + 0.05 * gaussian(next));
      } else {
        let rate = 0;
        for (const call of CALLS) {
          if (call.callee === service) {
            rate += requests[call.caller] * call.callsPerRequest;
          }
        }
        requests[service] = rate * (1 + 0.02 * gaussian(next));
      }
    }

    const state = {} as SystemState;
    // Latency and errors flow from the callees up.
    for (const service of SERVICES_CALLEES_FIRST) {
      const profile = serviceProfile(service);
      const latencyNoise = this.random(service, Channel.Latency, timeMs);
      const latencySpike = this.intensity('latency-spike', service, timeMs);
      let median = profile.ownMedianSeconds * (1 + 0.2 * (load - 1)) * Math.exp(0.05 * gaussian(latencyNoise));
      median *= 1 + 24 * latencySpike;
      let errorRatio = profile.baseErrorRatio + 0.3 * this.intensity('error-burst', service, timeMs);
      for (const call of CALLS) {
        if (call.caller === service) {
          const callee = state[call.callee];
          median += call.callsPerRequest * callee.latencyMedianSeconds;
          errorRatio += call.callsPerRequest * call.errorPropagation * callee.errorRatio;
        }
      }
      errorRatio = Math.min(errorRatio, 0.95);
      const rate = requests[service];
      const meanLatency = median * Math.exp((profile.latencySigma * profile.latencySigma) / 2);

      const cpuNoise = this.random(service, Channel.Cpu, timeMs);
      const cpuCores =
        (0.02 + profile.cpuSecondsPerRequest * rate * (1 + 2 * latencySpike)) * (1 + 0.04 * gaussian(cpuNoise));

      const memoryNoise = this.random(service, Channel.Memory, timeMs);
      let memoryBytes = profile.baseMemoryBytes * (0.97 + 0.03 * load) * (1 + 0.01 * gaussian(memoryNoise));
      const leak = this.intensity('memory-leak', service, timeMs);
      if (leak > 0) {
        memoryBytes += (profile.memoryLimitBytes - profile.baseMemoryBytes * 1.05) * leak;
      }

      let diskUsedBytes = this.normalDiskUsed(service, timeMs);
      const fill = this.incidents.find(
        (incident) => incident.kind === 'disk-fill' && incident.service === service && timeMs >= incident.startMs
      );
      if (fill && timeMs < fill.endMs) {
        const headroom = profile.diskTotalBytes - this.normalDiskUsed(service, fill.endMs);
        diskUsedBytes += headroom * incidentIntensity(fill, timeMs);
      }
      diskUsedBytes += 2e6 * gaussian(this.random(service, Channel.Disk, timeMs));

      state[service] = {
        requestsPerSecond: rate,
        errorRatio,
        clientErrorRatio: service === 'frontend' ? 2 * CLIENT_ERROR_RATIO : CLIENT_ERROR_RATIO,
        latencyMedianSeconds: median,
        latencySigma: profile.latencySigma,
        cpuCores,
        memoryBytes: Math.min(memoryBytes, profile.memoryLimitBytes),
        memoryLimitBytes: profile.memoryLimitBytes,
        diskUsedBytes: Math.min(diskUsedBytes, profile.diskTotalBytes),
        diskTotalBytes: profile.diskTotalBytes,
        queueDepth: poisson(this.random(service, Channel.Queue, timeMs), rate * meanLatency),
      };
    }
    return state;
  }
}

/** Share of a log-normal(median, sigma) distribution at or below `x` (the histogram bucket fraction). */
export function logNormalCdf(x: number, median: number, sigma: number): number {
  if (x <= 0) {
    return 0;
  }
  return normalCdf(Math.log(x / median) / sigma);
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
