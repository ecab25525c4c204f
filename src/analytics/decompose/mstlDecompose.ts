import { centeredMovingAverage } from './centeredMovingAverage';

/** Result of a multi-seasonal decomposition y = trend + Σ seasonal + remainder. */
export interface Decomposition {
  /** The periods (in points) that were estimated, ascending. Periods too long for the data are dropped. */
  periods: number[];
  /** Smooth trend (centred moving average of the seasonally adjusted series over the longest period). */
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
  /** Back-fitting passes over the periods. Defaults to 2. */
  iterations?: number;
  /**
   * Weight of each older cycle relative to the next newer one when averaging the seasonal profile
   * (1 = plain mean of all cycles, smaller values follow a changing pattern faster). Defaults to 1.
   */
  cycleDecay?: number;
}

/**
 * Estimates one seasonal profile: the weighted mean, per phase, of the series minus the mean of the
 * whole cycle it lies in. Cycles are aligned to end at the last point, so the newest data always counts.
 */
function seasonalProfile(values: Float64Array, period: number, cycleDecay: number): Float64Array {
  const n = values.length;
  const cycles = Math.floor(n / period);
  const sums = new Float64Array(period);
  const weights = new Float64Array(period);
  let cycleWeight = 1;
  for (let c = 0; c < cycles; c++) {
    const end = n - c * period;
    const start = end - period;
    let cycleSum = 0;
    let count = 0;
    for (let t = start; t < end; t++) {
      if (!Number.isNaN(values[t])) {
        cycleSum += values[t];
        count++;
      }
    }
    if (count === period) {
      const cycleMean = cycleSum / count;
      for (let t = start; t < end; t++) {
        const phase = t % period;
        sums[phase] += cycleWeight * (values[t] - cycleMean);
        weights[phase] += cycleWeight;
      }
    }
    cycleWeight *= cycleDecay;
  }
  const profile = new Float64Array(period);
  let mean = 0;
  for (let k = 0; k < period; k++) {
    profile[k] = weights[k] > 0 ? sums[k] / weights[k] : 0;
    mean += profile[k];
  }
  mean /= period;
  for (let k = 0; k < period; k++) {
    profile[k] -= mean;
  }
  return profile;
}

/**
 * Multi-seasonal decomposition in the spirit of MSTL (Bandara, Hyndman & Bergmeir 2021,
 * arXiv:2107.13462): seasonal components are estimated one period at a time, shortest first, each
 * on the series with the other components removed, and the whole pass is repeated (back-fitting).
 * Instead of STL's loess smoothers each component is a per-phase weighted mean of within-cycle
 * deviations (classical decomposition), which is fast, deterministic and uses the newest cycle fully.
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
  const cycleDecay = options.cycleDecay ?? 1;
  const usable = [...new Set(periods)]
    .filter((period) => Number.isInteger(period) && period >= 2 && n >= 2 * period)
    .sort((a, b) => a - b);
  const seasonal = usable.map(() => new Float64Array(n));
  const profiles = usable.map((period) => new Float64Array(period));
  const work = new Float64Array(n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    for (let i = 0; i < usable.length; i++) {
      work.set(values);
      for (let j = 0; j < usable.length; j++) {
        if (j !== i) {
          const other = seasonal[j];
          for (let t = 0; t < n; t++) {
            work[t] -= other[t];
          }
        }
      }
      const profile = seasonalProfile(work, usable[i], cycleDecay);
      profiles[i] = profile;
      const component = seasonal[i];
      for (let t = 0; t < n; t++) {
        component[t] = profile[t % usable[i]];
      }
    }
  }
  const seasonallyAdjusted = Float64Array.from(values);
  for (const component of seasonal) {
    for (let t = 0; t < n; t++) {
      seasonallyAdjusted[t] -= component[t];
    }
  }
  const trendWindow = usable.length > 0 ? usable[usable.length - 1] : Math.max(1, Math.min(n, 3));
  const trend = centeredMovingAverage(seasonallyAdjusted, trendWindow);
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    remainder[t] = seasonallyAdjusted[t] - trend[t];
  }
  return { periods: usable, trend, seasonal, profiles, remainder, seasonallyAdjusted };
}
