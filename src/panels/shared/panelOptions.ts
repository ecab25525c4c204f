import { FieldColorModeId, FieldConfigProperty, type PanelOptionsEditorBuilder } from '@grafana/data';
import {
  LegendDisplayMode,
  type OptionsWithLegend,
  type OptionsWithTooltip,
  SortOrder,
  TooltipDisplayMode,
} from '@grafana/schema';
import { commonOptionsBuilder } from '@grafana/ui';

/** Legend and tooltip options every Foresight chart panel has. */
export type ChartOptions = OptionsWithLegend & OptionsWithTooltip;

/** Defaults of `ChartOptions`: a list legend at the bottom, a tooltip for every series. */
export const DEFAULT_CHART_OPTIONS: ChartOptions = {
  legend: { showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] },
  tooltip: { mode: TooltipDisplayMode.Multi, sort: SortOrder.None },
};

/** Adds Grafana's standard legend and tooltip editors. */
export function addChartOptions<T extends ChartOptions>(builder: PanelOptionsEditorBuilder<T>): void {
  commonOptionsBuilder.addLegendOptions(builder);
  commonOptionsBuilder.addTooltipOptions(builder);
}

/**
 * Field config every Foresight chart panel uses: Grafana's standard options (unit, decimals, min/max, thresholds,
 * no value, …) with the classic palette as the default colour scheme, as in the time series panel.
 */
export const STANDARD_FIELD_CONFIG = {
  standardOptions: {
    [FieldConfigProperty.Color]: {
      settings: { byValueSupport: true, bySeriesSupport: true, preferThresholdsColors: false },
      defaultValue: { mode: FieldColorModeId.PaletteClassic },
    },
  },
};
