import { css } from '@emotion/css';
import React, { useMemo } from 'react';

import { dateTime, formattedValueToString, type GrafanaTheme2, type PanelProps, type TimeRange } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { FramesTimeSeries } from '../shared/FramesTimeSeries';
import { formatDuration } from '../shared/formatDuration';
import { NoSeriesMessage } from '../shared/NoSeriesMessage';
import { readSeries } from '../shared/readSeries';
import { getTooltipStyles } from '../shared/tooltipStyles';
import { buildForecastFrames } from './buildForecastFrames';
import { ForecastOverlay } from './ForecastOverlay';
import { ForecastTooltip } from './ForecastTooltip';
import { locateAlignedFields } from '../shared/locateAlignedFields';
import { bySoonestCrossing, summarizeForecast } from './summarizeForecast';
import { type ForecastOptions } from './types';

const HEADER_PX = 40;
/** Crossings named in the header; the chart labels the same ones. */
const NAMED_CROSSINGS = 3;

/**
 * The forecast panel: history and forecast with the prediction-interval cone, a "now" marker, the threshold line
 * and the predicted crossing called out (`90 % in 3 d 4 h`), with model and horizon in the header. Reads the
 * frame contract in README.md.
 */
export function ForecastPanel(props: PanelProps<ForecastOptions>) {
  const { data, options, fieldConfig, width, height, timeRange, timeZone, onChangeTimeRange } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { swatch } = useStyles2(getTooltipStyles);

  const { series, problems } = useMemo(() => readSeries(data.series), [data.series]);
  const summaries = useMemo(
    () => series.map((s) => summarizeForecast(s, options.threshold)),
    [series, options.threshold]
  );
  const ranked = useMemo(() => summaries.slice().sort(bySoonestCrossing), [summaries]);
  const drawnKeys = useMemo(
    () => new Set((options.topN > 0 ? ranked.slice(0, options.topN) : ranked).map((s) => s.seriesKey)),
    [ranked, options.topN]
  );
  const drawn = useMemo(() => series.filter((s) => drawnKeys.has(s.key)), [series, drawnKeys]);
  const { frames, colors } = useMemo(
    () => buildForecastFrames(drawn, theme, { showCone: options.showCone, colorIndex: (s) => series.indexOf(s) }),
    [drawn, series, theme, options.showCone]
  );

  // The forecast reaches past the dashboard's "to": widen the x range so the horizon is visible.
  const extendedRange: TimeRange = useMemo(() => {
    let end = timeRange.to.valueOf();
    for (const s of drawn) {
      const t = s.time.values;
      if (t.length && t[t.length - 1] > end) {
        end = t[t.length - 1];
      }
    }
    if (end === timeRange.to.valueOf()) {
      return timeRange;
    }
    const to = dateTime(end);
    return { from: timeRange.from, to, raw: { from: timeRange.raw.from, to } };
  }, [timeRange, drawn]);

  if (series.length === 0) {
    return <NoSeriesMessage data={data} fieldConfig={fieldConfig} problems={problems} width={width} height={height} />;
  }

  const drawnSummaries = ranked.filter((s) => drawnKeys.has(s.seriesKey));
  const firstActual = drawn[0]?.fields.actual ?? drawn[0]?.fields.forecast;
  const formatValue = (value: number) =>
    firstActual?.display ? formattedValueToString(firstActual.display(value)) : String(value);
  const crossings = drawnSummaries.filter((s) => s.crossingText);
  const named = crossings.slice(0, NAMED_CROSSINGS);
  const models = Array.from(new Set(summaries.map((s) => s.model).filter(Boolean)));
  const horizons = Array.from(new Set(summaries.map((s) => s.horizonMs).filter((h): h is number => h !== undefined)));
  const levels = Array.from(new Set(summaries.map((s) => s.intervalLevel).filter((l): l is number => l !== undefined)));
  const facts = [
    models.length ? `model ${models.join(', ')}` : undefined,
    horizons.length === 1 ? `horizon ${formatDuration(horizons[0])}` : undefined,
    levels.length === 1 ? `${Math.round(levels[0] * 100)} % interval` : undefined,
    drawn.length < series.length ? `${drawn.length} of ${series.length} series (soonest crossing first)` : undefined,
  ].filter(Boolean);
  const showName = series.length > 1;

  return (
    <div style={{ width, height }} className={styles.panel}>
      <div className={styles.header} style={{ height: HEADER_PX }} data-testid="foresight-forecast-header">
        <ul className={styles.crossings} aria-label="Predicted threshold crossings">
          {named.length === 0 && <li className={styles.muted}>No threshold set</li>}
          {named.map((s) => (
            <li key={s.seriesKey}>
              {showName && <span className={swatch} style={{ background: colors.get(s.seriesKey) }} />}
              <strong className={typeof s.crossingMs === 'number' ? styles.alert : undefined}>{s.crossingText}</strong>
              <span className={styles.muted}>
                {' '}
                {s.direction === 'below' ? 'to fall below' : 'to reach'} {formatValue(s.threshold!)}
                {showName ? ` · ${s.seriesName}` : ''}
              </span>
            </li>
          ))}
          {crossings.length > named.length && <li className={styles.muted}>+{crossings.length - named.length} more</li>}
        </ul>
        <div className={styles.facts}>{facts.join(' · ')}</div>
      </div>
      <FramesTimeSeries
        frames={frames}
        width={width}
        height={height - HEADER_PX}
        timeRange={extendedRange}
        timeZone={timeZone}
        legend={options.legend}
        tooltip={options.tooltip}
        onChangeTimeRange={(r) => onChangeTimeRange({ from: r.from, to: r.to })}
        options={{ showCone: options.showCone }}
        renderTooltip={(alignedFrame, dataIdxs, _seriesIdx, isPinned) => (
          <ForecastTooltip
            alignedFrame={alignedFrame}
            located={locateAlignedFields(alignedFrame, drawn.length)}
            names={drawn.map((s) => s.name)}
            colors={drawn.map((s) => colors.get(s.key)!)}
            dataIdxs={dataIdxs}
            isPinned={isPinned}
            timeZone={timeZone}
          />
        )}
      >
        {(config) => (
          <ForecastOverlay
            config={config}
            theme={theme}
            summaries={drawnSummaries}
            colors={colors}
            formatValue={formatValue}
            showNow={options.showNow}
            showThreshold={options.showThreshold}
            labelled={NAMED_CROSSINGS}
          />
        )}
      </FramesTimeSeries>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  header: css({
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
  }),
  crossings: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    minWidth: 0,
    strong: { fontSize: theme.typography.body.fontSize },
  }),
  alert: css({ color: theme.colors.error.text }),
  muted: css({ color: theme.colors.text.secondary }),
  facts: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap', flexShrink: 0 }),
});
