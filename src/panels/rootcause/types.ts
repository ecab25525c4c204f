import { type ChartOptions, DEFAULT_CHART_OPTIONS } from '../shared/panelOptions';

/** Options of the root-cause panel. For now it draws the candidate series; the graph view comes later. */
export type RootCauseOptions = ChartOptions;

export const DEFAULT_ROOTCAUSE_OPTIONS: RootCauseOptions = { ...DEFAULT_CHART_OPTIONS };
