import { PanelPlugin } from '@grafana/data';

import { addChartOptions, STANDARD_FIELD_CONFIG } from '../shared/panelOptions';
import { SeriesShellPanel } from '../shared/SeriesShellPanel';
import { type AnomalyOptions } from './types';

export const plugin = new PanelPlugin<AnomalyOptions>(SeriesShellPanel)
  .useFieldConfig(STANDARD_FIELD_CONFIG)
  .setPanelOptions((builder) => addChartOptions(builder));
