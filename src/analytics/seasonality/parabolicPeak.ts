/** A peak located between samples. */
export interface RefinedPeak {
  /** Fractional index of the vertex. */
  position: number;
  /** Value at the vertex. */
  height: number;
}

/**
 * Refines a local maximum of a sampled curve by fitting a parabola through it and its two neighbours:
 * with a = y[k−1], b = y[k], c = y[k+1], the vertex lies at k + δ, δ = (a − c) / (2(a − 2b + c)),
 * with height b − (a − c)·δ / 4. An autocorrelation peak sampled at whole lags is only a near miss of a
 * period that is not a whole number of samples (47.6 points shows its highest lag at 48 or 47); the
 * vertex recovers the fraction, and divided by a harmonic number it gives the fundamental more
 * exactly still. At the ends of the array, or on a flat top, the sample itself is returned.
 *
 * Reference: Smith, "Spectral Audio Signal Processing", "Quadratic Interpolation of Spectral Peaks".
 *
 * @example
 * parabolicPeak(Float64Array.from([0, 3, 4, 3]), 2); // { position: 2, height: 4 }
 * parabolicPeak(Float64Array.from([0, 2, 4, 3]), 2).position; // ≈ 2.17
 */
export function parabolicPeak(values: Float64Array, index: number): RefinedPeak {
  const height = values[index];
  if (index <= 0 || index >= values.length - 1) {
    return { position: index, height };
  }
  const a = values[index - 1];
  const c = values[index + 1];
  const curvature = a - 2 * height + c;
  if (!(curvature < 0)) {
    return { position: index, height };
  }
  const delta = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / curvature));
  return { position: index + delta, height: height - 0.25 * (a - c) * delta };
}
