import { type ChartOptions, DEFAULT_CHART_OPTIONS } from '../shared/panelOptions';

export type ForecastOptions = ChartOptions;

export const DEFAULT_FORECAST_OPTIONS: ForecastOptions = { ...DEFAULT_CHART_OPTIONS };
