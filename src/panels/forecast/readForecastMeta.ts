import { type DataFrame } from '@grafana/data';

/**
 * What the backend tells the forecast panel about one forecast frame, in `frame.meta.custom`
 * (the contract is in README.md). Every field is optional; the panel falls back to what it can see in the data.
 */
export interface ForecastMeta {
  /** Model that produced the forecast, e.g. `holt`, `mstl`, `linear` (after `auto` chose one). */
  model?: string;
  /** How far past "now" the forecast reaches, in ms. */
  horizonMs?: number;
  /** Prediction-interval level of `lower`/`upper`, e.g. 0.95. */
  intervalLevel?: number;
  /** The threshold the query asked about, in the series' unit. */
  threshold?: number;
  /** Which way counts as crossing. Defaults to `above`. */
  thresholdDirection: 'above' | 'below';
  /** Time from `nowMs` until the forecast crosses the threshold; null when it does not within the horizon. */
  timeToThresholdMs?: number | null;
  /** Probability in [0, 1] that the series crosses the threshold within the horizon. */
  thresholdProbability?: number;
  /** The forecast origin: the last observed sample (ms since epoch). */
  nowMs?: number;
}

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads and validates `meta.custom` of a forecast frame; wrong types are ignored rather than trusted. */
export function readForecastMeta(frame: DataFrame): ForecastMeta {
  const custom = (frame.meta?.custom ?? {}) as Record<string, unknown>;
  const probability = finite(custom.thresholdProbability);
  const timeToThreshold = custom.timeToThresholdMs;
  return {
    model: typeof custom.model === 'string' && custom.model ? custom.model : undefined,
    horizonMs: finite(custom.horizonMs),
    intervalLevel: finite(custom.intervalLevel),
    threshold: finite(custom.threshold),
    thresholdDirection: custom.thresholdDirection === 'below' ? 'below' : 'above',
    timeToThresholdMs: timeToThreshold === null ? null : finite(timeToThreshold),
    thresholdProbability: probability !== undefined ? Math.min(1, Math.max(0, probability)) : undefined,
    nowMs: finite(custom.nowMs),
  };
}
