import {
  colorManipulator,
  type DataFrame,
  type Field,
  FieldColorModeId,
  type FieldConfig,
  getFieldSeriesColor,
  type GrafanaTheme2,
} from '@grafana/data';
import { GraphThresholdsStyleMode } from '@grafana/schema';

import { type PanelSeries } from '../shared/readSeries';
import { bandFields } from '../shared/bandFields';
import { withDisplayName } from '../shared/withDisplayName';
import { joinAtNow } from './joinAtNow';

const HIDDEN = { legend: true, tooltip: false, viz: false };

/**
 * One frame per drawn series for @grafana/ui's TimeSeries: history (`actual`) solid in the series colour, the
 * forecast dashed in the same colour, and the prediction-interval cone as `upper` filled down to `lower`. Forecast and
 * cone start at the last observed value (`joinAtNow`), so history and forecast read as one line through "now".
 * `colorIndex` is the series' position in the query, so a series keeps its colour whatever is drawn.
 */
export function buildForecastFrames(
  series: PanelSeries[],
  theme: GrafanaTheme2,
  options: { showCone: boolean; colorIndex: (s: PanelSeries) => number }
): { frames: DataFrame[]; colors: Map<string, string> } {
  const colors = new Map<string, string>();
  const frames = series.map((original) => {
    const s = joinedAtNow(original);
    const main = s.fields.actual ?? s.fields.forecast!;
    const color = getFieldSeriesColor(
      { ...main, state: { ...main.state, seriesIndex: options.colorIndex(s) } },
      theme
    ).color;
    colors.set(s.key, color);
    const fixed = (alpha = 1): Partial<FieldConfig> => ({
      color: { mode: FieldColorModeId.Fixed, fixedColor: alpha === 1 ? color : colorManipulator.alpha(color, alpha) },
    });
    const noThresholds = { thresholdsStyle: { mode: GraphThresholdsStyleMode.Off } };
    const fields: Field[] = [s.time];
    if (s.fields.actual) {
      fields.push(withDisplayName(s.fields.actual, s.name, { fillOpacity: 0 }, fixed()));
    }
    if (s.fields.forecast) {
      fields.push(
        withDisplayName(
          s.fields.forecast,
          `${s.name} forecast`,
          {
            ...noThresholds,
            fillOpacity: 0,
            lineWidth: 1.5,
            lineStyle: { fill: 'dash', dash: [8, 5] },
            hideFrom: { ...HIDDEN, legend: !!s.fields.actual },
          },
          fixed()
        )
      );
    }
    fields.push(...bandFields(s, color, options.showCone ? (theme.isDark ? 22 : 16) : 0, HIDDEN));
    return { ...s.frame, fields, length: s.time.values.length };
  });
  return { frames, colors };
}

/** The series with forecast, lower and upper starting at the last observed value (copies; the input is kept). */
function joinedAtNow(s: PanelSeries): PanelSeries {
  const { actual, forecast, lower, upper } = s.fields;
  if (!actual || !forecast) {
    return s;
  }
  const joined = joinAtNow(actual.values, { forecast: forecast.values, lower: lower?.values, upper: upper?.values });
  if (joined.forecast === forecast.values) {
    return s;
  }
  const withValues = (field: typeof forecast | undefined, values: Array<number | null> | undefined) =>
    field && values ? { ...field, values } : field;
  return {
    ...s,
    fields: {
      ...s.fields,
      forecast: withValues(forecast, joined.forecast),
      lower: withValues(lower, joined.lower),
      upper: withValues(upper, joined.upper),
    },
  };
}
