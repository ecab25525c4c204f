import { PanelPlugin } from '@grafana/data';

import { addForesightFieldConfig, type ForesightFieldConfig } from '../shared/fieldConfig';
import { addChartOptions, STANDARD_FIELD_CONFIG } from '../shared/panelOptions';
import { AnomalyPanel } from './AnomalyPanel';
import { type AnomalyOptions, DEFAULT_ANOMALY_OPTIONS as D } from './types';

export const plugin = new PanelPlugin<AnomalyOptions, ForesightFieldConfig>(AnomalyPanel)
  .useFieldConfig({ ...STANDARD_FIELD_CONFIG, useCustomConfig: addForesightFieldConfig })
  .setPanelOptions((builder) => {
    const category = ['Anomalies'];
    builder
      .addNumberInput({
        path: 'topN',
        name: 'Series drawn',
        description: 'Draw only the series with the highest peak anomaly score. 0 draws all.',
        defaultValue: D.topN,
        settings: { min: 0, integer: true },
        category,
      })
      .addBooleanSwitch({ path: 'showBand', name: 'Expected band', defaultValue: D.showBand, category })
      .addBooleanSwitch({ path: 'showExpected', name: 'Expected value line', defaultValue: D.showExpected, category })
      .addBooleanSwitch({
        path: 'showMarkers',
        name: 'Mark anomalies',
        description: 'Ring anomalous points and shade anomalous intervals by severity.',
        defaultValue: D.showMarkers,
        category,
      })
      .addBooleanSwitch({
        path: 'showScoreLane',
        name: 'Score lane',
        description: 'A strip under the chart coloured by the highest anomaly score at each time.',
        defaultValue: D.showScoreLane,
        category,
      })
      .addBooleanSwitch({
        path: 'showIntervals',
        name: 'Interval list',
        description: 'List the anomalous intervals; a click zooms to one. Needs a panel at least 220 px high.',
        defaultValue: D.showIntervals,
        category,
      })
      .addSliderInput({
        path: 'majorScore',
        name: 'Major from score',
        defaultValue: D.majorScore,
        settings: { min: 0, max: 1, step: 0.05 },
        category,
      })
      .addSliderInput({
        path: 'criticalScore',
        name: 'Critical from score',
        defaultValue: D.criticalScore,
        settings: { min: 0, max: 1, step: 0.05 },
        category,
      })
      .addSliderInput({
        path: 'scoreThreshold',
        name: 'Anomalous from score',
        description: 'Only for frames without an `anomalous` field (Foresight frames carry one).',
        defaultValue: D.scoreThreshold,
        settings: { min: 0, max: 1, step: 0.05 },
        category,
      });
    addChartOptions(builder);
  });
