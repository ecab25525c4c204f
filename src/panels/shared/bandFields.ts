import { type Field, FieldColorModeId } from '@grafana/data';
import { GraphThresholdsStyleMode } from '@grafana/schema';

import { type PanelSeries } from './readSeries';
import { withDisplayName } from './withDisplayName';

/**
 * The band of a series for @grafana/ui's TimeSeries: `upper` filled down to `lower` (Grafana's "fill below to"),
 * both without a line, in `color` at `fillOpacity` percent (0 hides the band but keeps the values for the
 * tooltip). Returns no fields when the series lacks either bound.
 */
export function bandFields(
  series: PanelSeries,
  color: string,
  fillOpacity: number,
  hideFrom: { legend: boolean; tooltip: boolean; viz: boolean }
): Field[] {
  const { upper, lower } = series.fields;
  if (!upper || !lower) {
    return [];
  }
  const lowerName = `${series.name} lower`;
  const config = { color: { mode: FieldColorModeId.Fixed, fixedColor: color } };
  const common = { thresholdsStyle: { mode: GraphThresholdsStyleMode.Off }, lineWidth: 0, hideFrom };
  return [
    withDisplayName(
      upper,
      `${series.name} upper`,
      { ...common, fillOpacity, fillBelowTo: fillOpacity > 0 ? lowerName : undefined },
      config
    ),
    withDisplayName(lower, lowerName, { ...common, fillOpacity: 0 }, config),
  ];
}
