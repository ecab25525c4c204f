import { type FieldConfigEditorBuilder } from '@grafana/data';
import { GraphThresholdsStyleMode } from '@grafana/schema';

/** Custom field options of the Foresight charts (applied to the main series: actual / forecast). */
export interface ForesightFieldConfig {
  /** Line width of the main series in px. Defaults to 1. */
  lineWidth?: number;
  /** How the field's thresholds are drawn, as in the time series panel. Defaults to off. */
  thresholdsStyle?: { mode: GraphThresholdsStyleMode };
}

export const DEFAULT_FIELD_CONFIG: Required<ForesightFieldConfig> = {
  lineWidth: 1,
  thresholdsStyle: { mode: GraphThresholdsStyleMode.Off },
};

export function addForesightFieldConfig(builder: FieldConfigEditorBuilder<ForesightFieldConfig>): void {
  builder
    .addSliderInput({
      path: 'lineWidth',
      name: 'Line width',
      defaultValue: DEFAULT_FIELD_CONFIG.lineWidth,
      settings: { min: 0, max: 10, step: 1 },
    })
    .addRadio({
      path: 'thresholdsStyle.mode',
      name: 'Show thresholds',
      defaultValue: DEFAULT_FIELD_CONFIG.thresholdsStyle.mode,
      settings: {
        options: [
          { label: 'Off', value: GraphThresholdsStyleMode.Off },
          { label: 'As lines', value: GraphThresholdsStyleMode.Line },
          { label: 'As lines (dashed)', value: GraphThresholdsStyleMode.Dashed },
          { label: 'As filled regions', value: GraphThresholdsStyleMode.Area },
        ],
      },
    });
}
