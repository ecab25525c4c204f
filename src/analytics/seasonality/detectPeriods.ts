import { autocorrelation } from './autocorrelation';
import { calendarPeriods } from './calendarPeriods';
import { parabolicPeak, type RefinedPeak } from './parabolicPeak';

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

/** A peak must stand this many white-noise standard errors (1/√(n − lag)) above zero. */
const SIGNIFICANCE_Z = 4;
/** Each harmonic of a fundamental must rise this much above the trough half a period before it. */
const HARMONIC_PROMINENCE = 0.1;
/** A longer period is added when it correlates this much better than the shorter one's harmonics below it. */
const MULTIPLE_GAIN = 0.05;
/** ... or at least this much when it also halves what the shorter period leaves unexplained (1 − r). */
const MULTIPLE_MIN_GAIN = 0.01;
/** A non-calendar multiple must also beat its shorter harmonics by this many standard errors (1/√(n − lag)). */
const MULTIPLE_NOISE_Z = 2;
/** A calendar period replaces a peak within this fraction of it when it correlates nearly as well. */
const CALENDAR_SNAP = 0.05;
/** "Nearly as well" for the snap, in autocorrelation. */
const CALENDAR_SNAP_LOSS = 0.05;
/** A calendar period's bump (r smoothed over an eighth of it) must stand this much above the chord half a period either side. */
const CALENDAR_PROMINENCE = 0.1;
/** A calendar period whose peak is within this of the best peak is preferred to an unrelated peak. */
const CALENDAR_NEAR_BEST = 0.1;

/**
 * Detect the seasonal periods of a series (in points) from its autocorrelation function (ACF).
 *
 * Definition. Gaps are interpolated linearly and a least-squares line removed; r(k) is the
 * overlap-normalised sample autocorrelation (see `autocorrelation`). Candidate periods are the local
 * maxima of r after it first falls below `minCorrelation` (the short-memory hump at small lags is
 * not a period) that reach `minCorrelation`, stand 4 standard errors (1/√(n − k)) above zero and rise
 * 0.1 above the lowest r since the hump, each refined between lags by parabolic interpolation. With
 * the sampling step known, the calendar periods (hour, day, week in samples) are candidates too, even
 * inside the hump (a daily cycle riding on a slow drift), when r smoothed over an eighth of the period
 * stands 0.1 above the chord between half a period before and after (a bump as wide as a real cycle
 * makes; the lag-to-lag wiggles of noisy or quantised data average out).
 * 1. The best candidate (highest r) is a multiple of the fundamental, not necessarily the fundamental
 *    itself. The fundamental is its shortest divisor p = best/m whose every harmonic j·p below the
 *    best is again a peak of r, at least `minCorrelation` and 0.1 above r half a period before it.
 *    A short ripple on top of a daily cycle leaves peaks at multiples of the ripple near the day
 *    (1,307 points for 1-minute data) that reach 80 % of the daily peak, so a "shortest strong peak"
 *    rule picks them; the harmonic test cannot, because half a day later the ripple's multiples meet
 *    the daily trough.
 * 2. The clock wins over near misses: a fundamental within 5 % of a calendar period becomes that
 *    period when r there is within 0.05 of the peak (48 for 30-minute data, not 47), and a calendar
 *    period whose peak is within 0.1 of the best one replaces a fundamental it is not a multiple of.
 * 3. Longer multiples of the current period are added (calendar ones first, then 2×, 3×, … unless the
 *    current period is itself on the clock) while the
 *    peak at the multiple exceeds the mean of the peaks at the current period's harmonics below it by
 *    0.05, or by 0.01 when that halves what they leave unexplained (1 − r); non-calendar multiples
 *    must also clear 2 standard errors. A week is added over a day when weekends differ, a day over an
 *    hour; a series that repeats daily has r(week) equal to r at every whole day, so no week.
 *
 * Noise, a trend with noise, a constant or fewer than 8 finite values give no period.
 *
 * Reference: Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", §2.8 (ACF and
 * seasonality); Vlachos, Yu & Castelli, "On periodicity detection and structural periodic similarity",
 * SDM 2005 (ACF peaks as period candidates, validated against the periodogram; here against the
 * harmonics). O(n log n) for the ACF of long series, O(n · maxPeriod) for short ones.
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
  if (maxPeriod < minPeriod || maxPeriods < 1) {
    return [];
  }
  const x = prepare(values);
  if (x === null) {
    return [];
  }
  // One lag past maxPeriod so that a peak at maxPeriod can be recognised and refined.
  const acf = autocorrelation(x, maxPeriod + 1);
  const candidates = candidatePeaks(acf, n, minPeriod, maxPeriod, minCorrelation);
  const calendar = calendarPeriods(options.stepMs).filter((period) => period >= minPeriod && period <= maxPeriod);
  // Calendar peaks count even inside the hump: a daily cycle riding on a slow seasonal drift never
  // lets r fall below the threshold, yet its peak stands out at exactly one day.
  const calendarPeaks = calendar.map((period) => calendarPeak(acf, period, minCorrelation)).filter((peak) => peak !== null);
  let best: RefinedPeak | null = null;
  for (const peak of [...candidates, ...calendarPeaks]) {
    if (best === null || peak.height > best.height) {
      best = peak;
    }
  }
  if (best === null) {
    return [];
  }
  let fundamental = snapToCalendar(fundamentalOf(best, acf, minPeriod, minCorrelation), acf, calendar);
  if (!calendar.includes(Math.round(fundamental.position))) {
    // A near-best calendar peak (the day behind a ripple's peaks) wins over an unrelated non-calendar one.
    const preferred = calendarPeaks.find((peak) => peak.height >= best.height - CALENDAR_NEAR_BEST && !isMultiple(peak.position, fundamental.position));
    fundamental = preferred ?? fundamental;
  }
  const periods = [Math.round(fundamental.position)];
  let current = fundamental;
  while (periods.length < maxPeriods) {
    const next = nextMultiple(current, acf, n, maxPeriod, calendar);
    if (next === null) {
      break;
    }
    periods.push(Math.round(next.position));
    current = next;
  }
  return periods;
}

/**
 * Local maxima of r beyond the short-memory hump that are strong, significant and rise at least
 * HARMONIC_PROMINENCE above the lowest r since the hump, refined.
 */
function candidatePeaks(acf: Float64Array, n: number, minPeriod: number, maxPeriod: number, minCorrelation: number): RefinedPeak[] {
  let start = minPeriod;
  while (start <= maxPeriod && acf[start] >= minCorrelation) {
    start++;
  }
  const peaks: RefinedPeak[] = [];
  let lowest = Infinity;
  for (let k = Math.max(start, 2); k <= maxPeriod; k++) {
    lowest = Math.min(lowest, acf[k]);
    const significant = acf[k] >= minCorrelation && acf[k] >= SIGNIFICANCE_Z / Math.sqrt(n - k);
    // A wiggle just after the hump crosses the threshold is not a peak: it must rise from a trough.
    const prominent = acf[k] - lowest >= HARMONIC_PROMINENCE;
    if (significant && prominent && acf[k] >= acf[k - 1] && acf[k] > acf[k + 1]) {
      peaks.push(parabolicPeak(acf, k));
    }
  }
  return peaks;
}

/** How far (in lags) a harmonic's peak may sit from its expected lag: 2 %, at least one lag. */
function tolerance(lag: number): number {
  return Math.max(1, 0.02 * lag);
}

/** Whether `longer` is a whole multiple (2 or more) of `shorter`, to within 2 % of `longer`. */
function isMultiple(longer: number, shorter: number): boolean {
  const ratio = longer / shorter;
  return ratio >= 1.5 && Math.abs(ratio - Math.round(ratio)) * shorter <= tolerance(longer);
}

/** The highest local maximum of r within `radius` lags of `lag` (refined), or null. */
function peakNear(acf: Float64Array, lag: number, radius: number): RefinedPeak | null {
  const from = Math.max(1, Math.ceil(lag - radius));
  const to = Math.min(acf.length - 2, Math.floor(lag + radius));
  let best = -1;
  for (let k = from; k <= to; k++) {
    if (acf[k] >= acf[k - 1] && acf[k] >= acf[k + 1] && (best < 0 || acf[k] > acf[best])) {
      best = k;
    }
  }
  return best < 0 ? null : parabolicPeak(acf, best);
}

/**
 * The highest r within `radius` lags of `lag`, refined when it is a local maximum. Unlike
 * {@link peakNear} it need not be a peak: a slower ripple can put the nearest local maxima just outside
 * the window while r there is still high; callers compare it with r half a period earlier.
 */
function highestNear(acf: Float64Array, lag: number, radius: number): RefinedPeak {
  const from = Math.max(1, Math.ceil(lag - radius));
  const to = Math.max(from, Math.min(acf.length - 2, Math.floor(lag + radius)));
  let best = from;
  for (let k = from + 1; k <= to; k++) {
    if (acf[k] > acf[best]) {
      best = k;
    }
  }
  return parabolicPeak(acf, best);
}

/** The shortest divisor of the best peak whose every harmonic below it stands clearly above r half a period earlier. */
function fundamentalOf(best: RefinedPeak, acf: Float64Array, minPeriod: number, minCorrelation: number): RefinedPeak {
  for (let m = Math.floor(best.position / minPeriod); m >= 2; m--) {
    const period = best.position / m;
    let first: RefinedPeak | null = null;
    let supported = true;
    for (let j = 1; j < m && supported; j++) {
      const peak = highestNear(acf, j * period, tolerance(j * period));
      const trough = acf[Math.round((j - 0.5) * period)];
      supported = peak.height >= minCorrelation && peak.height - trough >= HARMONIC_PROMINENCE;
      first ??= peak;
    }
    if (supported && first !== null) {
      // best/m averages the phase error over m cycles: a better estimate than the first peak's vertex.
      return { position: period, height: first.height };
    }
  }
  return best;
}

/**
 * A calendar period within 5 % of the peak replaces it when r there (the highest r within 2 % of it)
 * is within 0.05 of the peak.
 */
function snapToCalendar(peak: RefinedPeak, acf: Float64Array, calendar: number[]): RefinedPeak {
  for (const period of calendar) {
    const near = Math.abs(peak.position - period) <= Math.max(1, CALENDAR_SNAP * period);
    const height = highestNear(acf, period, tolerance(period)).height;
    if (near && height >= peak.height - CALENDAR_SNAP_LOSS) {
      return { position: period, height };
    }
  }
  return peak;
}

/**
 * The peak of r at a calendar period (its height: the highest r within 2 % of it), or null unless that
 * is at least `minCorrelation` and the smoothed bump there passes CALENDAR_PROMINENCE.
 */
function calendarPeak(acf: Float64Array, period: number, minCorrelation: number): RefinedPeak | null {
  const height = highestNear(acf, period, tolerance(period)).height;
  if (height < minCorrelation) {
    return null;
  }
  // Compare r smoothed over an eighth of the period: a real cycle makes a bump that wide, while the
  // lag-to-lag wiggles of a noisy or quantised series (which can peak at 12 lags, an hour of
  // 5-minute data) average out. The bump must stand above the chord between the smoothed r half a
  // period before and after (after: when computed), so a slope does not count as a peak.
  const halfWidth = Math.max(1, Math.round(period / 8));
  const smoothed = (lag: number) => {
    const from = Math.max(0, Math.round(lag) - halfWidth);
    const to = Math.min(acf.length - 1, Math.round(lag) + halfWidth);
    let sum = 0;
    for (let k = from; k <= to; k++) {
      sum += acf[k];
    }
    return sum / (to - from + 1);
  };
  const before = smoothed(period / 2);
  const after = 1.5 * period + halfWidth < acf.length ? smoothed(1.5 * period) : before;
  // The height is the highest r near the period: a short ripple may put it a few lags off the day.
  return smoothed(period) - (before + after) / 2 >= CALENDAR_PROMINENCE ? { position: period, height } : null;
}

/**
 * The next longer period: a whole multiple m ≥ 2 of `current` whose autocorrelation peak exceeds the
 * mean of the peaks at the multiples 1..m−1 by MULTIPLE_GAIN (or by MULTIPLE_MIN_GAIN when that halves
 * 1 − r), i.e. it explains structure that repeating `current` cannot (a week over a day when weekends
 * differ). Calendar multiples are tried
 * first, then m = 2, 3, … unless `current` is itself a calendar period. Every peak is looked for within 2 % of `current` of its expected lag, so
 * peaks of a short ripple near a multiple cannot pose as one, and they inflate the shorter harmonics
 * just as much.
 */
function nextMultiple(current: RefinedPeak, acf: Float64Array, n: number, maxPeriod: number, calendar: number[]): RefinedPeak | null {
  const period = current.position;
  const radius = tolerance(period);
  const heightNear = (lag: number) => peakNear(acf, lag, radius)?.height ?? acf[Math.round(lag)];
  const multiples: number[] = [];
  const calendarMultiples = new Set<number>();
  for (const lag of calendar) {
    if (isMultiple(lag, period)) {
      multiples.push(Math.round(lag / period));
      calendarMultiples.add(Math.round(lag / period));
    }
  }
  // Over a calendar period only the clock's own multiples count (a week over a day): a ripple that
  // happens to line up better after three days does not make three days a period.
  const onTheClock = calendar.includes(Math.round(period));
  for (let m = 2; !onTheClock && m * period <= maxPeriod; m++) {
    multiples.push(m);
  }
  for (const m of multiples) {
    const peak = peakNear(acf, m * period, radius);
    if (peak === null || m * period > maxPeriod + radius) {
      continue;
    }
    let below = 0;
    for (let j = 1; j < m; j++) {
      below += heightNear(j * period);
    }
    // Trying every multiple invites a noisy long lag to win by chance; only the clock is exempt.
    const noise = calendarMultiples.has(m) ? 0 : MULTIPLE_NOISE_Z / Math.sqrt(n - m * period);
    const shorter = below / (m - 1);
    const gain = peak.height - shorter - noise;
    // When the shorter period already explains nearly everything (r ≈ 0.97), halving what it leaves
    // unexplained is as telling as a gain of 0.05 is lower down.
    if (gain >= MULTIPLE_GAIN || (gain >= MULTIPLE_MIN_GAIN && gain >= 0.5 * (1 - shorter))) {
      return snapToCalendar({ position: m * period, height: peak.height }, acf, calendar);
    }
  }
  return null;
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
