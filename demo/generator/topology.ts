/**
 * The simulated system: five services and who calls whom.
 *
 *   frontend ─┬─> checkout ──> payments
 *             └─> catalog  ──> db
 *
 * A caller's latency includes its callees' latency and part of their errors, so an incident in a
 * callee shows up in its callers too, as in a real request path.
 */

export type ServiceName = 'frontend' | 'checkout' | 'payments' | 'catalog' | 'db';

export interface ServiceProfile {
  name: ServiceName;
  /** Requests per second at the weekly-average load (frontend only; the others follow from calls). */
  baseRequestsPerSecond?: number;
  /** Median time spent in the service itself, without its callees, in seconds. */
  ownMedianSeconds: number;
  /** Spread of the log-normal latency distribution. */
  latencySigma: number;
  /** Share of requests that fail with a 5xx when nothing is wrong. */
  baseErrorRatio: number;
  /** CPU seconds per request. */
  cpuSecondsPerRequest: number;
  /** Resident memory at average load, in bytes. */
  baseMemoryBytes: number;
  memoryLimitBytes: number;
  /** Disk in use at the start of the simulated history, in bytes. */
  baseDiskUsedBytes: number;
  diskTotalBytes: number;
  /** Normal disk growth per day (db data) or per day before the nightly log rotation (the others). */
  diskGrowthBytesPerDay: number;
  /** Whether the disk growth is reset every night at 00:00 UTC (log rotation). */
  diskRotatesDaily: boolean;
}

export interface Call {
  caller: ServiceName;
  callee: ServiceName;
  /** Calls to the callee per request of the caller. */
  callsPerRequest: number;
  /** Share of the callee's failures that make the caller's request fail. */
  errorPropagation: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const SERVICES: readonly ServiceProfile[] = [
  {
    name: 'frontend',
    baseRequestsPerSecond: 40,
    ownMedianSeconds: 0.02,
    latencySigma: 0.45,
    baseErrorRatio: 0.002,
    cpuSecondsPerRequest: 0.002,
    baseMemoryBytes: 300 * MiB,
    memoryLimitBytes: 1 * GiB,
    baseDiskUsedBytes: 4 * GiB,
    diskTotalBytes: 20 * GiB,
    diskGrowthBytesPerDay: 1.5 * GiB,
    diskRotatesDaily: true,
  },
  {
    name: 'checkout',
    ownMedianSeconds: 0.04,
    latencySigma: 0.4,
    baseErrorRatio: 0.003,
    cpuSecondsPerRequest: 0.004,
    baseMemoryBytes: 420 * MiB,
    memoryLimitBytes: 1 * GiB,
    baseDiskUsedBytes: 3 * GiB,
    diskTotalBytes: 20 * GiB,
    diskGrowthBytesPerDay: 0.8 * GiB,
    diskRotatesDaily: true,
  },
  {
    name: 'payments',
    ownMedianSeconds: 0.12,
    latencySigma: 0.35,
    baseErrorRatio: 0.004,
    cpuSecondsPerRequest: 0.003,
    baseMemoryBytes: 350 * MiB,
    memoryLimitBytes: 1 * GiB,
    baseDiskUsedBytes: 3 * GiB,
    diskTotalBytes: 20 * GiB,
    diskGrowthBytesPerDay: 0.6 * GiB,
    diskRotatesDaily: true,
  },
  {
    name: 'catalog',
    ownMedianSeconds: 0.012,
    latencySigma: 0.4,
    baseErrorRatio: 0.001,
    cpuSecondsPerRequest: 0.0015,
    baseMemoryBytes: 250 * MiB,
    memoryLimitBytes: 1 * GiB,
    baseDiskUsedBytes: 2 * GiB,
    diskTotalBytes: 20 * GiB,
    diskGrowthBytesPerDay: 0.7 * GiB,
    diskRotatesDaily: true,
  },
  {
    name: 'db',
    ownMedianSeconds: 0.004,
    latencySigma: 0.5,
    baseErrorRatio: 0.0005,
    cpuSecondsPerRequest: 0.001,
    baseMemoryBytes: 2 * GiB,
    memoryLimitBytes: 4 * GiB,
    baseDiskUsedBytes: 52 * GiB,
    diskTotalBytes: 100 * GiB,
    diskGrowthBytesPerDay: 0.25 * GiB,
    diskRotatesDaily: false,
  },
];

export const CALLS: readonly Call[] = [
  { caller: 'frontend', callee: 'checkout', callsPerRequest: 0.3, errorPropagation: 0.7 },
  { caller: 'checkout', callee: 'payments', callsPerRequest: 0.8, errorPropagation: 0.8 },
  { caller: 'frontend', callee: 'catalog', callsPerRequest: 0.9, errorPropagation: 0.5 },
  { caller: 'catalog', callee: 'db', callsPerRequest: 2, errorPropagation: 0.9 },
];

/** Services ordered callees first, so each caller can add its callees' latency and errors. */
export const SERVICES_CALLEES_FIRST: readonly ServiceName[] = ['db', 'payments', 'catalog', 'checkout', 'frontend'];

export function serviceProfile(name: ServiceName): ServiceProfile {
  const profile = SERVICES.find((service) => service.name === name);
  if (!profile) {
    throw new Error(`unknown demo service "${name}"`);
  }
  return profile;
}

/** The services that call `callee`, directly or through others. */
export function upstreamCallers(callee: ServiceName): ServiceName[] {
  const callers: ServiceName[] = [];
  const visit = (name: ServiceName) => {
    for (const call of CALLS) {
      if (call.callee === name && !callers.includes(call.caller)) {
        callers.push(call.caller);
        visit(call.caller);
      }
    }
  };
  visit(callee);
  return callers;
}
