import { type ChartOptions, DEFAULT_CHART_OPTIONS } from '../shared/panelOptions';
import { DEFAULT_SEVERITY } from './severity';

export interface AnomalyOptions extends ChartOptions {
  /** Draw only the series with the highest peak score; 0 draws all. Defaults to 10. */
  topN: number;
  /** Shade the expected band (lower..upper). Defaults to true. */
  showBand: boolean;
  /** Draw the expected value as a dashed line. Defaults to true. */
  showExpected: boolean;
  /** Mark anomalous points and shade anomalous intervals on the chart. Defaults to true. */
  showMarkers: boolean;
  /** The compact strip under the chart coloured by the highest score at each time. Defaults to true. */
  showScoreLane: boolean;
  /** The list of anomalous intervals under the chart; a click zooms to one. Defaults to true. */
  showIntervals: boolean;
  /** Peak score from which an anomaly is major. Defaults to 0.7. */
  majorScore: number;
  /** Peak score from which an anomaly is critical. Defaults to 0.9. */
  criticalScore: number;
  /** For frames without an `anomalous` field: the score from which a point is anomalous. Defaults to 0.5. */
  scoreThreshold: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  ...DEFAULT_CHART_OPTIONS,
  topN: 10,
  showBand: true,
  showExpected: true,
  showMarkers: true,
  showScoreLane: true,
  showIntervals: true,
  majorScore: DEFAULT_SEVERITY.major,
  criticalScore: DEFAULT_SEVERITY.critical,
  scoreThreshold: 0.5,
};
