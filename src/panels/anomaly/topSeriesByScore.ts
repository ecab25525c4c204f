/** What top-N ranking needs from a series. */
export interface ScoredSeries {
  name: string;
  /** Anomaly scores; NaN/null (warm-up) are ignored. */
  score?: ArrayLike<number | null>;
}

/** The highest finite score of a series, or −1 when it has none (no score field, or still warming up). */
export function peakScore(series: ScoredSeries): number {
  let peak = -1;
  const score = series.score;
  if (!score) {
    return peak;
  }
  for (let i = 0; i < score.length; i++) {
    const v = score[i];
    if (v != null && v > peak) {
      peak = v;
    }
  }
  return peak;
}

/** Sum of the finite scores: how much anomaly a series had overall, to rank series whose peaks tie. */
export function totalScore(series: ScoredSeries): number {
  let total = 0;
  const score = series.score;
  if (score) {
    for (let i = 0; i < score.length; i++) {
      const v = score[i];
      if (v != null && !Number.isNaN(v)) {
        total += v;
      }
    }
  }
  return total;
}

/**
 * The `n` series with the highest peak score, most anomalous first. Calibrated scores often saturate at 1, so
 * equal peaks are ranked by total score; remaining ties (and series without a score) keep the order of the query.
 * `n ≤ 0` means all series.
 *
 * @example topSeriesByScore([{ name: 'a', score: [0.2] }, { name: 'b', score: [0.9] }], 1) // → [b]
 */
export function topSeriesByScore<T extends ScoredSeries>(series: T[], n: number): T[] {
  const ranked = series
    .map((s, index) => ({ s, index, peak: peakScore(s), total: totalScore(s) }))
    .sort((a, b) => b.peak - a.peak || b.total - a.total || a.index - b.index)
    .map((r) => r.s);
  return n > 0 ? ranked.slice(0, n) : ranked;
}
