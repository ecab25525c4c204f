/**
 * The first time at or after `nowMs` where `values` reaches `threshold` (from below for `above`, from above for
 * `below`), linearly interpolated between the two samples around the crossing. Null when it never does. A series
 * already past the threshold at `nowMs` crosses at `nowMs`. Used when the backend did not send
 * `timeToThresholdMs` (e.g. a threshold set only in the panel).
 *
 * @example findCrossing([0, 10, 20], [80, 85, 95], 90, 'above', 0) // → 15
 */
export function findCrossing(
  time: ArrayLike<number>,
  values: ArrayLike<number | null>,
  threshold: number,
  direction: 'above' | 'below',
  nowMs: number
): number | null {
  const past = (v: number) => (direction === 'above' ? v >= threshold : v <= threshold);
  let prevTime = NaN;
  let prevValue = NaN;
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    const v = values[i];
    if (t < nowMs || v == null || Number.isNaN(v)) {
      continue;
    }
    if (past(v)) {
      if (Number.isNaN(prevValue) || prevValue === v) {
        return t;
      }
      return prevTime + ((threshold - prevValue) / (v - prevValue)) * (t - prevTime);
    }
    prevTime = t;
    prevValue = v;
  }
  return null;
}
