import { type ChartOptions, DEFAULT_CHART_OPTIONS } from '../shared/panelOptions';

export type AnomalyOptions = ChartOptions;

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { ...DEFAULT_CHART_OPTIONS };
