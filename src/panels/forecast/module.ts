import { PanelPlugin } from '@grafana/data';

import { addForesightFieldConfig, type ForesightFieldConfig } from '../shared/fieldConfig';
import { addChartOptions, STANDARD_FIELD_CONFIG } from '../shared/panelOptions';
import { ForecastPanel } from './ForecastPanel';
import { DEFAULT_FORECAST_OPTIONS as D, type ForecastOptions } from './types';

export const plugin = new PanelPlugin<ForecastOptions, ForesightFieldConfig>(ForecastPanel)
  .useFieldConfig({ ...STANDARD_FIELD_CONFIG, useCustomConfig: addForesightFieldConfig })
  .setPanelOptions((builder) => {
    const category = ['Forecast'];
    builder
      .addNumberInput({
        path: 'topN',
        name: 'Series drawn',
        description: 'Draw only the series that cross their threshold soonest. 0 draws all.',
        defaultValue: D.topN,
        settings: { min: 0, integer: true },
        category,
      })
      .addBooleanSwitch({ path: 'showCone', name: 'Prediction interval', defaultValue: D.showCone, category })
      .addBooleanSwitch({ path: 'showNow', name: '"Now" marker', defaultValue: D.showNow, category })
      .addBooleanSwitch({
        path: 'showThreshold',
        name: 'Threshold and crossing',
        defaultValue: D.showThreshold,
        category,
      })
      .addNumberInput({
        path: 'threshold',
        name: 'Threshold',
        description:
          'Used when the query sets none (Foresight forecast queries can set one and then also report the probability).',
        category,
      });
    addChartOptions(builder);
  });
