/**
 * Correlation between the standardized forecast errors of consecutive horizon steps, pooled over
 * backtest origins: Σ rₕ·rₕ₊₁ / √(Σ rₕ² · Σ rₕ₊₁²) with r = error / standard deviation. Not centred,
 * so an origin whose whole path is off (a level error) counts as persistence, as it should for the
 * question "does a path that is above the forecast now stay above it?". Used to simulate error paths
 * for first-passage (threshold-crossing) probabilities. Returns NaN with fewer than 10 pairs.
 * Complexity O(origins · horizon).
 *
 * @param errorPaths per origin, actual − point for steps 1..horizon (NaN: not scored)
 * @param standardDeviationPaths per origin, the standard deviation used to standardize each step
 * @example
 * const path = Float64Array.from({ length: 12 }, (_, h) => (h < 6 ? 1 : -1));
 * stepErrorCorrelation([path], [new Float64Array(12).fill(1)]) // → 9/11 (one sign change in 11 pairs)
 */
export function stepErrorCorrelation(errorPaths: Float64Array[], standardDeviationPaths: Float64Array[]): number {
  let cross = 0;
  let first = 0;
  let second = 0;
  let pairs = 0;
  for (let o = 0; o < errorPaths.length; o++) {
    const errors = errorPaths[o];
    const sds = standardDeviationPaths[o];
    for (let h = 0; h + 1 < errors.length; h++) {
      const a = errors[h] / sds[h];
      const b = errors[h + 1] / sds[h + 1];
      if (Number.isFinite(a) && Number.isFinite(b)) {
        cross += a * b;
        first += a * a;
        second += b * b;
        pairs++;
      }
    }
  }
  if (pairs < 10 || !(first > 0 && second > 0)) {
    return NaN;
  }
  return Math.max(-1, Math.min(1, cross / Math.sqrt(first * second)));
}
