import { type ChartOptions, DEFAULT_CHART_OPTIONS } from '../shared/panelOptions';

export interface ForecastOptions extends ChartOptions {
  /** Draw only the series that cross their threshold soonest; 0 draws all. Defaults to 10. */
  topN: number;
  /** Shade the prediction interval (lower..upper). Defaults to true. */
  showCone: boolean;
  /** Mark the forecast origin with a "now" line. Defaults to true. */
  showNow: boolean;
  /** Draw the threshold line and the predicted crossing. Defaults to true. */
  showThreshold: boolean;
  /**
   * Threshold for frames that carry none in `meta.custom` (the crossing is then found in the forecast itself,
   * without a probability). Unset by default.
   */
  threshold?: number;
}

export const DEFAULT_FORECAST_OPTIONS: ForecastOptions = {
  ...DEFAULT_CHART_OPTIONS,
  topN: 10,
  showCone: true,
  showNow: true,
  showThreshold: true,
};
