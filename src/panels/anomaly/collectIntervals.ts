import { type PanelSeries } from '../shared/readSeries';
import { type AnomalyInterval, extractIntervals } from './extractIntervals';

/**
 * Anomalous intervals of every series that overlap [fromMs, toMs], most severe (highest peak score) first, then
 * earliest first. Intervals without a score sort last.
 */
export function collectIntervals(
  series: PanelSeries[],
  fromMs: number,
  toMs: number,
  scoreThreshold: number
): AnomalyInterval[] {
  const all: AnomalyInterval[] = [];
  for (const s of series) {
    const found = extractIntervals(
      {
        seriesKey: s.key,
        seriesName: s.name,
        time: s.time.values,
        score: s.fields.score?.values,
        anomalous: s.fields.anomalous?.values,
        actual: s.fields.actual?.values,
        expected: s.fields.expected?.values,
      },
      { scoreThreshold }
    );
    for (const interval of found) {
      if (interval.endMs >= fromMs && interval.startMs <= toMs) {
        all.push(interval);
      }
    }
  }
  const rank = (i: AnomalyInterval) => (Number.isNaN(i.peakScore) ? -1 : i.peakScore);
  return all.sort((a, b) => rank(b) - rank(a) || a.startMs - b.startMs);
}

/** The range a click on an interval zooms to: the interval with as much context on each side (at least 1 % of the view). */
export function zoomRangeFor(interval: AnomalyInterval, viewSpanMs: number): { from: number; to: number } {
  const pad = Math.max(interval.endMs - interval.startMs, viewSpanMs / 100);
  return { from: interval.startMs - pad, to: interval.endMs + pad };
}
