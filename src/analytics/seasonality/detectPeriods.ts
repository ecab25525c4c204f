/** Options of {@link detectPeriods}. */
export interface DetectPeriodsOptions {
  /** Longest period to consider, in points. Defaults to half the series. */
  maxPeriod?: number;
  /** Shortest period to consider, in points. Defaults to 4. */
  minPeriod?: number;
  /** Sampling step in ms; when given, hour/day/week periods are preferred over near misses. */
  stepMs?: number;
  /** Minimum autocorrelation for a period to count. Defaults to 0.3. */
  minCorrelation?: number;
  /** At most this many periods are returned (the fundamental first). Defaults to 2. */
  maxPeriods?: number;
}

const HOUR_MS = 3_600_000;
const CALENDAR_PERIODS_MS = [HOUR_MS, 24 * HOUR_MS, 7 * 24 * HOUR_MS];

/**
 * Detect the seasonal periods of a series (in points) from its autocorrelation function.
 *
 * Definition: after linear interpolation of gaps and removal of a least-squares line, the sample
 * autocorrelation r(k) (normalised by the overlap n − k) is computed for every lag; a period is a lag where r has a local maximum
 * above `minCorrelation` after r first fell below it (so the short-memory hump at small lags is not a
 * period). The fundamental is the shortest peak whose r reaches 80 % of the best peak. When the
 * sampling step is known, a peak within 5 % of a calendar period (hour, day, week) snaps to it if r
 * there is within 0.05 of the peak, because monitoring data repeats on the clock, not on a near miss
 * (48 points for 30-minute data, not 47). A longer multiple of the fundamental (a week over a day) is
 * added when it correlates clearly better (+0.05), i.e. it explains structure the shorter one cannot.
 *
 * Reference: Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", §2.8 (ACF and
 * seasonality); Vlachos, Yu & Castelli, "On periodicity detection and structural periodic similarity",
 * SDM 2005 (ACF peaks as period candidates). O(n · maxPeriod) time, O(n) memory.
 *
 * @example
 * const values = Float64Array.from({ length: 480 }, (_, i) => Math.sin((2 * Math.PI * i) / 48));
 * detectPeriods(values); // [48]
 */
export function detectPeriods(values: Float64Array, options: DetectPeriodsOptions = {}): number[] {
  const n = values.length;
  const minPeriod = Math.max(2, options.minPeriod ?? 4);
  const maxPeriod = Math.min(options.maxPeriod ?? Math.floor(n / 2), Math.floor(n / 2));
  const minCorrelation = options.minCorrelation ?? 0.3;
  const maxPeriods = options.maxPeriods ?? 2;
  if (maxPeriod < minPeriod) {
    return [];
  }
  const x = prepare(values);
  if (x === null) {
    return [];
  }
  const acf = autocorrelation(x, maxPeriod + 1);
  // Skip the short-memory hump: start after r first drops below the threshold.
  let start = minPeriod;
  while (start <= maxPeriod && acf[start] >= minCorrelation) {
    start++;
  }
  const peaks: number[] = [];
  for (let k = Math.max(start, 2); k < maxPeriod; k++) {
    if (acf[k] >= minCorrelation && acf[k] >= acf[k - 1] && acf[k] >= acf[k + 1]) {
      peaks.push(k);
    }
  }
  if (peaks.length === 0) {
    return [];
  }
  const snapped = peaks.map((k) => snapToCalendar(k, acf, maxPeriod, options.stepMs));
  let best = -Infinity;
  for (const k of snapped) {
    best = Math.max(best, acf[k]);
  }
  const fundamental = Math.min(...snapped.filter((k) => acf[k] >= 0.8 * best));
  const periods = [fundamental];
  // Longer multiples that correlate clearly better than the fundamental (e.g. a week over a day).
  let current = fundamental;
  for (const k of [...new Set(snapped)].sort((a, b) => a - b)) {
    if (periods.length >= maxPeriods) {
      break;
    }
    const ratio = k / current;
    const nearMultiple = ratio >= 2 && Math.abs(ratio - Math.round(ratio)) * current <= Math.max(1, 0.02 * k);
    if (nearMultiple && acf[k] >= acf[current] + 0.05) {
      periods.push(k);
      current = k;
    }
  }
  return periods;
}

/** Interpolate gaps, remove the least-squares line; null when too few finite values or no variance. */
function prepare(values: Float64Array): Float64Array | null {
  const n = values.length;
  const x = new Float64Array(n);
  let last = -1;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    finite++;
    if (last < 0) {
      x.fill(v, 0, i);
    } else {
      for (let j = last + 1; j < i; j++) {
        x[j] = values[last] + ((v - values[last]) * (j - last)) / (i - last);
      }
    }
    x[i] = v;
    last = i;
  }
  if (finite < 8) {
    return null;
  }
  x.fill(values[last], last + 1, n);
  let sumT = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    sumT += i;
    sumX += x[i];
  }
  const meanT = sumT / n;
  const meanX = sumX / n;
  let stx = 0;
  let stt = 0;
  for (let i = 0; i < n; i++) {
    stx += (i - meanT) * (x[i] - meanX);
    stt += (i - meanT) * (i - meanT);
  }
  const slope = stt > 0 ? stx / stt : 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    x[i] = x[i] - meanX - slope * (i - meanT);
    variance += x[i] * x[i];
  }
  return variance > 1e-12 * n * (Math.abs(meanX) + 1) ** 2 ? x : null;
}

/** Sample autocorrelation r(0..lags) of a zero-mean series (overlap-normalised). */
function autocorrelation(x: Float64Array, lags: number): Float64Array {
  const n = x.length;
  const acf = new Float64Array(lags + 1);
  let c0 = 0;
  for (let i = 0; i < n; i++) {
    c0 += x[i] * x[i];
  }
  for (let k = 0; k <= lags && k < n; k++) {
    let c = 0;
    for (let i = k; i < n; i++) {
      c += x[i] * x[i - k];
    }
    // Normalise by the overlap so long lags are not shrunk towards 0 (the biased estimator would
    // make a week look weaker than a day just because fewer pairs overlap).
    acf[k] = c / (n - k) / (c0 / n);
  }
  return acf;
}

function snapToCalendar(k: number, acf: Float64Array, maxPeriod: number, stepMs?: number): number {
  if (!stepMs || !(stepMs > 0)) {
    return k;
  }
  for (const periodMs of CALENDAR_PERIODS_MS) {
    const c = Math.round(periodMs / stepMs);
    if (Math.abs(periodMs / stepMs - c) > 0.01 * c || c > maxPeriod || c < 2) {
      continue;
    }
    if (Math.abs(k - c) <= Math.max(1, 0.05 * c) && acf[c] >= acf[k] - 0.05) {
      return c;
    }
  }
  return k;
}
