import { seasonalAdjustment } from './seasonalAdjustment';

/**
 * Refills the missing points of a regular series so that they follow its seasonal pattern: the
 * seasonal profiles are estimated on the observed points only (`seasonalAdjustment` with the mask),
 * the seasonally adjusted series is interpolated linearly across each gap (held constant before the
 * first and after the last observation), and the profiles are added back. A straight line across a
 * gap of a day in daily-cycling traffic would flatten a whole cycle; this keeps its shape, and for
 * short gaps it is nearly the same as linear interpolation.
 * Returns a copy; observed points are unchanged. Without usable periods (fewer than two cycles of
 * each) the input's values are returned as they are.
 * Complexity O(n · #periods) (two passes).
 *
 * @param values regular series whose missing points already hold some value (e.g. a linear fill)
 * @param observed 1 for real observations, 0 for points to refill
 * @param periods seasonal periods in points
 * @example
 * fillGapsSeasonally(values, series.observed, [24, 168])
 */
export function fillGapsSeasonally(values: Float64Array, observed: Uint8Array, periods: number[]): Float64Array {
  // Two passes: the moving averages behind the profiles see the first pass's fill instead of the
  // straight line, which shrinks what the gap bends them by (about 1.0 → 0.04 on a 30-point gap in a
  // daily sine of amplitude 20).
  return refill(refill(values, observed, periods), observed, periods);
}

/** One pass: profiles from the observed points, adjusted series interpolated across each gap, profiles added back. */
function refill(values: Float64Array, observed: Uint8Array, periods: number[]): Float64Array {
  const n = values.length;
  const filled = Float64Array.from(values);
  const adjustment = seasonalAdjustment(values, periods, observed);
  if (adjustment.periods.length === 0) {
    return filled;
  }
  const seasonal = new Float64Array(n);
  adjustment.periods.forEach((period, i) => {
    const profile = adjustment.profiles[i];
    for (let t = 0; t < n; t++) {
      seasonal[t] += profile[t % period];
    }
  });
  let previous = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && !observed[i]) {
      continue;
    }
    if (i - previous > 1) {
      const left = previous >= 0 ? values[previous] - seasonal[previous] : NaN;
      const right = i < n ? values[i] - seasonal[i] : NaN;
      for (let j = previous + 1; j < i; j++) {
        const adjusted = Number.isNaN(left)
          ? right
          : Number.isNaN(right)
            ? left
            : left + ((right - left) * (j - previous)) / (i - previous);
        if (!Number.isNaN(adjusted)) {
          filled[j] = adjusted + seasonal[j];
        }
      }
    }
    previous = i;
  }
  return filled;
}
