/** A stretch of consecutive anomalous points of one series. */
export interface AnomalyInterval {
  /** Key of the series (see PanelSeries.key). */
  seriesKey: string;
  seriesName: string;
  /** Time of the first anomalous point (ms). */
  startMs: number;
  /** Time just after the last anomalous point: its time plus one sampling step, so one point lasts one step. */
  endMs: number;
  /** Highest score inside the interval (NaN if the frames carry no score). */
  peakScore: number;
  /** Time of the peak score (ms). */
  peakMs: number;
  /** `above` or `below` the band at the peak; `mixed` if the interval crosses from one side to the other. */
  direction: 'above' | 'below' | 'mixed';
  /** Number of anomalous points. */
  points: number;
}

export interface IntervalSource {
  seriesKey: string;
  seriesName: string;
  time: ArrayLike<number>;
  /** Anomaly score per point in [0, 1]; NaN or null while the detector warms up. */
  score?: ArrayLike<number | null>;
  /** −1 below the band, 0 inside, 1 above (Grafana ML's `:anomalous` meaning). */
  anomalous?: ArrayLike<number | null>;
  /** Needed to tell above from below when there is no `anomalous` field. */
  actual?: ArrayLike<number | null>;
  expected?: ArrayLike<number | null>;
}

export interface IntervalOptions {
  /** When there is no `anomalous` field, a point is anomalous from this score on. Defaults to 0.5. */
  scoreThreshold?: number;
  /** Up to this many normal points between two anomalous ones still belong to one interval. Defaults to 1. */
  maxGapPoints?: number;
}

/**
 * Finds the anomalous intervals of one series: runs of points flagged by `anomalous` ≠ 0 (or, without that field,
 * with `score ≥ scoreThreshold`), merging runs separated by at most `maxGapPoints` normal points so that one
 * incident that dips back into the band for a sample is reported once. O(n).
 *
 * @example
 * extractIntervals({ seriesKey: 'a', seriesName: 'api', time: [0, 60, 120], anomalous: [0, 1, 1], score: [0.1, 0.8, 0.95] })
 * // → [{ startMs: 60, endMs: 180, peakScore: 0.95, peakMs: 120, direction: 'above', points: 2, ... }]
 */
export function extractIntervals(source: IntervalSource, options: IntervalOptions = {}): AnomalyInterval[] {
  const { time, score, anomalous, actual, expected } = source;
  const threshold = options.scoreThreshold ?? 0.5;
  const maxGap = options.maxGapPoints ?? 1;
  const n = time.length;
  const step = medianStep(time);
  const intervals: AnomalyInterval[] = [];

  const signAt = (i: number): number => {
    if (anomalous) {
      const a = anomalous[i];
      return a == null || Number.isNaN(a) ? 0 : Math.sign(a);
    }
    const sc = score?.[i];
    if (sc == null || Number.isNaN(sc) || sc < threshold) {
      return 0;
    }
    const act = actual?.[i];
    const exp = expected?.[i];
    return act != null && exp != null && act < exp ? -1 : 1;
  };

  let current: AnomalyInterval | null = null;
  let lastIndex = -1;
  let sides = 0;
  for (let i = 0; i < n; i++) {
    const sign = signAt(i);
    if (sign === 0) {
      continue;
    }
    const sc = score?.[i];
    const value = sc == null ? NaN : sc;
    if (current && i - lastIndex - 1 <= maxGap) {
      current.points++;
      current.endMs = time[i] + step;
      if (value > current.peakScore || Number.isNaN(current.peakScore)) {
        current.peakScore = value;
        current.peakMs = time[i];
      }
      sides |= sign > 0 ? 1 : 2;
    } else {
      if (current) {
        current.direction = sides === 3 ? 'mixed' : current.direction;
        intervals.push(current);
      }
      sides = sign > 0 ? 1 : 2;
      current = {
        seriesKey: source.seriesKey,
        seriesName: source.seriesName,
        startMs: time[i],
        endMs: time[i] + step,
        peakScore: value,
        peakMs: time[i],
        direction: sign > 0 ? 'above' : 'below',
        points: 1,
      };
    }
    lastIndex = i;
  }
  if (current) {
    current.direction = sides === 3 ? 'mixed' : current.direction;
    intervals.push(current);
  }
  return intervals;
}

/** The typical sampling step: the median of consecutive time differences (0 for fewer than two points). */
export function medianStep(time: ArrayLike<number>): number {
  const n = time.length;
  if (n < 2) {
    return 0;
  }
  // A sample of up to 101 differences is plenty for regular scrapes and keeps this O(1) for long series.
  const stride = Math.max(1, Math.floor((n - 1) / 101));
  const diffs: number[] = [];
  for (let i = 1; i < n; i += stride) {
    diffs.push(time[i] - time[i - 1]);
  }
  diffs.sort((a, b) => a - b);
  return diffs[Math.floor(diffs.length / 2)];
}
