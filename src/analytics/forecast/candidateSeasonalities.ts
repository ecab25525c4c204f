const DAY_MS = 86_400_000;

/**
 * Seasonal periods (in points) worth trying when the caller gives none: one day and one week at the
 * series' sampling step, kept when the step divides them evenly, the period is at least 2 points and
 * the training window holds at least two full cycles.
 *
 * @example
 * candidateSeasonalities(3_600_000, 24 * 28) // → [24, 168]
 */
export function candidateSeasonalities(stepMs: number, trainingLength: number): number[] {
  const periods: number[] = [];
  for (const cycleMs of [DAY_MS, 7 * DAY_MS]) {
    const points = cycleMs / stepMs;
    const rounded = Math.round(points);
    if (rounded >= 2 && Math.abs(points - rounded) < 1e-6 * points && trainingLength >= 2 * rounded) {
      periods.push(rounded);
    }
  }
  return periods;
}
