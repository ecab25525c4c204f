/**
 * Band half-width, in robust standard deviations, for a sensitivity s ∈ [0, 1]: k(s) = 6 − 4s.
 *
 * Every detector expresses its deviation in the same unit (|value − expected| / robust σ of its own
 * residuals), so one sensitivity means the same for all of them: s = 0 flags only deviations beyond
 * 6σ, the default 0.5 beyond 4σ, and 1 beyond 2σ. Out-of-range values are clamped; NaN means 0.5.
 *
 * @example
 * bandWidthForSensitivity(0.5); // 4
 */
export function bandWidthForSensitivity(sensitivity: number): number {
  const s = Number.isFinite(sensitivity) ? Math.min(Math.max(sensitivity, 0), 1) : 0.5;
  return 6 - 4 * s;
}
