import { type PanelSeries } from '../shared/readSeries';
import { findCrossing } from './findCrossing';
import { formatCrossing } from './formatCrossing';
import { readForecastMeta } from './readForecastMeta';

/** What the forecast panel shows about one series: origin, model, horizon and the threshold crossing. */
export interface ForecastSummary {
  seriesKey: string;
  seriesName: string;
  model?: string;
  horizonMs?: number;
  intervalLevel?: number;
  /** The forecast origin ("now"): meta.nowMs, else the last observed sample. */
  nowMs?: number;
  threshold?: number;
  direction: 'above' | 'below';
  /** Absolute time of the crossing; null if none within the horizon; undefined if unknown. */
  crossingMs?: number | null;
  timeToThresholdMs?: number | null;
  probability?: number;
  /** `90 % in 3 d 4 h`, `not within 5 d (3 %)`, … */
  crossingText?: string;
}

/** The last time with a value in `values`, or undefined. */
function lastObserved(time: ArrayLike<number>, values?: ArrayLike<number | null>): number | undefined {
  if (!values) {
    return undefined;
  }
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v != null && !Number.isNaN(v)) {
      return time[i];
    }
  }
  return undefined;
}

/**
 * Combines the frame's `meta.custom` with the data. The backend's numbers win; a threshold set in the panel
 * (`panelThreshold`) is used when the frames carry none, and then the crossing is found in the forecast itself
 * (no probability, since only the backend knows the predictive distribution).
 */
export function summarizeForecast(series: PanelSeries, panelThreshold?: number): ForecastSummary {
  const meta = readForecastMeta(series.frame);
  const time = series.time.values;
  const nowMs = meta.nowMs ?? lastObserved(time, series.fields.actual?.values);
  const lastForecast = lastObserved(time, series.fields.forecast?.values);
  const horizonMs =
    meta.horizonMs ?? (nowMs !== undefined && lastForecast !== undefined ? lastForecast - nowMs : undefined);
  const summary: ForecastSummary = {
    seriesKey: series.key,
    seriesName: series.name,
    model: meta.model,
    horizonMs,
    intervalLevel: meta.intervalLevel,
    nowMs,
    direction: meta.thresholdDirection,
  };
  if (meta.threshold !== undefined) {
    summary.threshold = meta.threshold;
    summary.timeToThresholdMs = meta.timeToThresholdMs;
    summary.probability = meta.thresholdProbability;
  } else if (panelThreshold !== undefined && series.fields.forecast && nowMs !== undefined) {
    summary.threshold = panelThreshold;
    const at = findCrossing(time, series.fields.forecast.values, panelThreshold, summary.direction, nowMs);
    summary.timeToThresholdMs = at === null ? null : at - nowMs;
  }
  if (summary.threshold !== undefined) {
    summary.crossingMs =
      summary.timeToThresholdMs === undefined || summary.timeToThresholdMs === null || nowMs === undefined
        ? summary.timeToThresholdMs
        : nowMs + summary.timeToThresholdMs;
    summary.crossingText = formatCrossing({
      timeToThresholdMs: summary.timeToThresholdMs,
      probability: summary.probability,
      horizonMs,
    });
  }
  return summary;
}

/** Soonest crossing first, then the most likely; series that do not cross (or have no threshold) last. */
export function bySoonestCrossing(a: ForecastSummary, b: ForecastSummary): number {
  const when = (s: ForecastSummary) => (typeof s.timeToThresholdMs === 'number' ? s.timeToThresholdMs : Infinity);
  return when(a) - when(b) || (b.probability ?? -1) - (a.probability ?? -1);
}
