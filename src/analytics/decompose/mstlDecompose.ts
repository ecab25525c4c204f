import { centeredMovingAverage } from './centeredMovingAverage';
import { significantLinearTrend } from './significantLinearTrend';

/** |t| above which the seasonal profiles are estimated on the series minus its straight-line trend. */
const TREND_T_STATISTIC = 3;

/** Result of a multi-seasonal decomposition y = trend + Σ seasonal + remainder. */
export interface Decomposition {
  /** The periods (in points) that were estimated, ascending. Periods too long for the data are dropped. */
  periods: number[];
  /**
   * Smooth trend: centred moving average of the seasonally adjusted series over the longest period,
   * a least-squares line over the last (first) period near the ends.
   */
  trend: Float64Array;
  /** One seasonal component per period, aligned with the input. */
  seasonal: Float64Array[];
  /**
   * One profile per period: `profile[k]` is the seasonal effect at phase k, where the phase of index t
   * is `t mod period`; the next point after the series (index n) has phase `n mod period`.
   */
  profiles: Float64Array[];
  /** y − trend − Σ seasonal. */
  remainder: Float64Array;
  /** The input minus every seasonal component. */
  seasonallyAdjusted: Float64Array;
}

/** Options of {@link mstlDecompose}. */
export interface DecomposeOptions {
  /** Back-fitting passes over the trend and the periods. Defaults to 2. */
  iterations?: number;
  /** Per-phase median over cycles (true, resists one unusual cycle) or mean (false, less noisy with few cycles). Defaults to false. */
  robust?: boolean;
}

/**
 * Trend of a (roughly) deseasonalized series: a centred moving average over `window` points, and
 * within half a window of either end, where that average would be one-sided and lag a trend, the
 * least-squares line through the first or last `window` points.
 */
function trendEstimate(values: Float64Array, window: number): Float64Array {
  const n = values.length;
  const trend = centeredMovingAverage(values, window);
  const half = Math.floor(window / 2);
  const span = Math.min(n, window);
  if (span < 3) {
    return trend;
  }
  for (const atEnd of [false, true]) {
    const offset = atEnd ? n - span : 0;
    const meanX = (span - 1) / 2;
    let meanY = 0;
    for (let i = 0; i < span; i++) {
      meanY += values[offset + i];
    }
    meanY /= span;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < span; i++) {
      sxy += (i - meanX) * (values[offset + i] - meanY);
      sxx += (i - meanX) * (i - meanX);
    }
    const slope = sxy / sxx;
    for (let k = 0; k < Math.min(half, n); k++) {
      const i = atEnd ? span - 1 - k : k;
      trend[offset + i] = meanY + slope * (i - meanX);
    }
  }
  return trend;
}

/** Median of the first `count` entries of `scratch` (reordered in place). */
function medianOf(scratch: Float64Array, count: number): number {
  const sorted = scratch.subarray(0, count).sort();
  const middle = count >> 1;
  return count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Estimates one seasonal profile: per phase, the median (or mean) over cycles of the series minus the
 * mean of the whole cycle it lies in. Cycles are aligned to end at the last point, so the newest data
 * always counts. The median keeps one unusual cycle (a holiday, an outage, a level shift inside a
 * cycle) from bending the profile.
 */
function seasonalProfile(values: Float64Array, period: number, robust: boolean): Float64Array {
  const n = values.length;
  const cycles = Math.floor(n / period);
  // Mean mode sums the deviations per phase as it goes; robust mode keeps them for the median.
  const deviations = robust ? new Float64Array(cycles * period) : null;
  const profile = new Float64Array(period);
  let complete = 0;
  for (let c = 0; c < cycles; c++) {
    const end = n - c * period;
    const start = end - period;
    let cycleSum = 0;
    for (let t = start; t < end; t++) {
      cycleSum += values[t];
    }
    if (Number.isNaN(cycleSum)) {
      continue;
    }
    const cycleMean = cycleSum / period;
    // The phase of index t is t mod period; walk it instead of dividing at every point.
    let phase = start % period;
    const row = complete * period;
    for (let t = start; t < end; t++) {
      const deviation = values[t] - cycleMean;
      if (deviations === null) {
        profile[phase] += deviation;
      } else {
        deviations[row + phase] = deviation;
      }
      phase = phase + 1 === period ? 0 : phase + 1;
    }
    complete++;
  }
  if (complete === 0) {
    return profile;
  }
  if (deviations === null) {
    for (let k = 0; k < period; k++) {
      profile[k] /= complete;
    }
  } else {
    const scratch = new Float64Array(complete);
    for (let k = 0; k < period; k++) {
      for (let c = 0; c < complete; c++) {
        scratch[c] = deviations[c * period + k];
      }
      profile[k] = medianOf(scratch, complete);
    }
  }
  let mean = 0;
  for (let k = 0; k < period; k++) {
    mean += profile[k];
  }
  mean /= period;
  for (let k = 0; k < period; k++) {
    profile[k] -= mean;
  }
  return profile;
}

/** Writes profile[t mod period] to every index of `component`. */
function repeatProfile(profile: Float64Array, component: Float64Array): void {
  const period = profile.length;
  for (let start = 0; start < component.length; start += period) {
    component.set(start + period <= component.length ? profile : profile.subarray(0, component.length - start), start);
  }
}

/**
 * Multi-seasonal decomposition in the spirit of MSTL (Bandara, Hyndman & Bergmeir 2021,
 * arXiv:2107.13462): seasonal components are estimated one period at a time, shortest first, each
 * on the series with the other components (and a clearly significant linear trend) removed, and the
 * whole pass is repeated (back-fitting). Instead of STL's loess smoothers each component is a
 * per-phase weighted mean of within-cycle deviations (classical decomposition), which is fast,
 * deterministic and uses the newest cycle fully; the reported trend is a moving average (a fitted
 * line near the ends).
 *
 * Complexity O(iterations · n · #periods) plus the trend's moving average.
 *
 * @param values regular, gap-free series
 * @param periods seasonal periods in points (each ≥ 2); periods with fewer than two full cycles are dropped
 * @example
 * const { profiles } = mstlDecompose(Float64Array.from([1, 3, 1, 3, 1, 3]), [2]);
 * // profiles[0] → [-1, 1]
 */
export function mstlDecompose(values: Float64Array, periods: number[], options: DecomposeOptions = {}): Decomposition {
  const n = values.length;
  const iterations = options.iterations ?? 2;
  const robust = options.robust ?? false;
  const usable = [...new Set(periods)]
    .filter((period) => Number.isInteger(period) && period >= 2 && n >= 2 * period)
    .sort((a, b) => a - b);
  const seasonal = usable.map(() => new Float64Array(n));
  const profiles: Float64Array[] = usable.map((period) => new Float64Array(period));
  const trendWindow = usable.length > 0 ? usable[usable.length - 1] : Math.max(1, Math.min(n, 3));
  const work = new Float64Array(n);
  // Σ of the current seasonal components, kept up to date as each one is re-estimated.
  const seasonalSum = new Float64Array(n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Back-fitting: trend from the series without the current seasonal estimates, then each
    // seasonal component from the series without the trend and the other components.
    for (let t = 0; t < n; t++) {
      work[t] = values[t] - seasonalSum[t];
    }
    // Only a clear trend is removed; the within-cycle means below absorb slow level changes, and a
    // weak line subtracted from weekly traffic distorts its profile more than it helps.
    const line = significantLinearTrend(work);
    const slope = Math.abs(line.tStatistic) > TREND_T_STATISTIC ? line.slope : 0;
    for (let i = 0; i < usable.length; i++) {
      const component = seasonal[i];
      for (let t = 0; t < n; t++) {
        work[t] = values[t] - slope * t - seasonalSum[t] + component[t];
      }
      const profile = seasonalProfile(work, usable[i], robust);
      profiles[i] = profile;
      for (let t = 0; t < n; t++) {
        seasonalSum[t] -= component[t];
      }
      repeatProfile(profile, component);
      for (let t = 0; t < n; t++) {
        seasonalSum[t] += component[t];
      }
    }
  }
  const seasonallyAdjusted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    seasonallyAdjusted[t] = values[t] - seasonalSum[t];
  }
  const trend = trendEstimate(seasonallyAdjusted, trendWindow);
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    remainder[t] = seasonallyAdjusted[t] - trend[t];
  }
  return { periods: usable, trend, seasonal, profiles, remainder, seasonallyAdjusted };
}
