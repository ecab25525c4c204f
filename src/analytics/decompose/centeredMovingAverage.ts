/**
 * Centred moving average over `window` points; for an even window the classical 2×window average
 * (half weight on the two end points) so that the result stays centred on the sample.
 * Near the edges the window is truncated to the points that exist, so every output is defined
 * (less smooth at the edges, as in any one-sided filter). NaN inputs are skipped.
 *
 * Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §3.3.
 * Complexity O(n · window).
 *
 * @example
 * centeredMovingAverage(Float64Array.from([1, 2, 3, 4, 5]), 3) // → [1.5, 2, 3, 4, 4.5]
 */
export function centeredMovingAverage(values: Float64Array, window: number): Float64Array {
  if (!Number.isInteger(window) || window < 1) {
    throw new Error(`moving average window must be a whole number of points ≥ 1, got ${window}`);
  }
  const n = values.length;
  const result = new Float64Array(n);
  const half = Math.floor(window / 2);
  const even = window % 2 === 0;
  for (let t = 0; t < n; t++) {
    let sum = 0;
    let weight = 0;
    const from = Math.max(0, t - half);
    const to = Math.min(n - 1, t + half);
    for (let i = from; i <= to; i++) {
      const value = values[i];
      if (Number.isNaN(value)) {
        continue;
      }
      const w = even && (i === t - half || i === t + half) ? 0.5 : 1;
      sum += w * value;
      weight += w;
    }
    result[t] = weight > 0 ? sum / weight : NaN;
  }
  return result;
}
