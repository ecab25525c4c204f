import {
  colorManipulator,
  type DataFrame,
  type Field,
  FieldColorModeId,
  type FieldConfig,
  getFieldSeriesColor,
  type GrafanaTheme2,
} from '@grafana/data';
import { AxisPlacement, GraphThresholdsStyleMode } from '@grafana/schema';

import { type PanelSeries } from '../shared/readSeries';
import { bandFields } from '../shared/bandFields';
import { withDisplayName } from '../shared/withDisplayName';

export interface ChartStyle {
  showBand: boolean;
  showExpected: boolean;
  /** Palette index of a series (its position in the query), so it keeps its colour whatever is drawn. */
  colorIndex?: (series: PanelSeries) => number;
}

/** Colour of each drawn series, keyed by PanelSeries.key: the user's colour scheme, indexed by rank. */
export type SeriesColors = Map<string, string>;

const HIDDEN = { legend: true, tooltip: true, viz: false };
const HIDDEN_EVERYWHERE = { legend: true, tooltip: true, viz: true };

/**
 * One frame per drawn series for @grafana/ui's TimeSeries: `actual` as the legend series (in the user's colour
 * scheme, by rank), `expected` dashed in the same colour, the band as `upper` filled down to `lower`, and `score` /
 * `anomalous` carried along invisible on their own hidden scales so the tooltip, markers and score lane can read
 * them from the joined frame. Field names stay the role names (`actual`, `score`, …); only display names change.
 */
export function buildChartFrames(
  series: PanelSeries[],
  theme: GrafanaTheme2,
  style: ChartStyle
): { frames: DataFrame[]; colors: SeriesColors } {
  const colors: SeriesColors = new Map();
  const frames = series.map((s, rank) => {
    const main = s.fields.actual ?? s.fields.expected ?? s.fields.score!;
    const ranked: Field = { ...main, state: { ...main.state, seriesIndex: style.colorIndex?.(s) ?? rank } };
    const color = getFieldSeriesColor(ranked, theme).color;
    colors.set(s.key, color);
    const fixed = (alpha: number): Partial<FieldConfig> => ({
      color: { mode: FieldColorModeId.Fixed, fixedColor: colorManipulator.alpha(color, alpha) },
    });
    const noThresholds = { thresholdsStyle: { mode: GraphThresholdsStyleMode.Off } };
    const fields: Field[] = [s.time];
    if (s.fields.actual) {
      fields.push(
        withDisplayName(
          s.fields.actual,
          s.name,
          { fillOpacity: 0, pointSize: 4 },
          {
            color: { mode: FieldColorModeId.Fixed, fixedColor: color },
          }
        )
      );
    }
    if (s.fields.expected) {
      fields.push(
        withDisplayName(
          s.fields.expected,
          `${s.name} expected`,
          {
            ...noThresholds,
            lineWidth: 1,
            fillOpacity: 0,
            lineStyle: { fill: 'dash', dash: [6, 4] },
            hideFrom: style.showExpected ? HIDDEN : HIDDEN_EVERYWHERE,
          },
          fixed(theme.isDark ? 0.75 : 0.85)
        )
      );
    }
    fields.push(...bandFields(s, color, style.showBand ? (theme.isDark ? 18 : 14) : 0, HIDDEN));
    // Invisible carriers on their own scales (min/max make the scale keys distinct), never on an axis.
    const carrier = { ...noThresholds, hideFrom: HIDDEN_EVERYWHERE, axisPlacement: AxisPlacement.Hidden };
    if (s.fields.score) {
      fields.push(withDisplayName(s.fields.score, `${s.name} score`, carrier, { min: 0, max: 1, unit: 'none' }));
    }
    if (s.fields.anomalous) {
      fields.push(
        withDisplayName(s.fields.anomalous, `${s.name} anomalous`, carrier, { min: -1, max: 1, unit: 'none' })
      );
    }
    return { ...s.frame, fields, length: s.time.values.length };
  });
  return { frames, colors };
}
