import { css } from '@emotion/css';
import React, { useMemo } from 'react';

import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { TooltipDisplayMode } from '@grafana/schema';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { FramesTimeSeries } from '../shared/FramesTimeSeries';
import { NoSeriesMessage } from '../shared/NoSeriesMessage';
import { readSeries } from '../shared/readSeries';
import { AnomalyOverlay } from './AnomalyOverlay';
import { AnomalyTooltip } from './AnomalyTooltip';
import { locateAlignedFields } from '../shared/locateAlignedFields';
import { buildChartFrames } from './buildChartFrames';
import { collectIntervals, zoomRangeFor } from './collectIntervals';
import { IntervalList } from './IntervalList';
import { type SeverityThresholds } from './severity';
import { peakScore, topSeriesByScore } from './topSeriesByScore';
import { type AnomalyOptions } from './types';

/** Most interval rows rendered; the header still counts them all. */
const MAX_INTERVAL_ROWS = 100;
const CAPTION_PX = 20;
/** Height of the interval list's header and of one row, in CSS px (IntervalList's styles). */
const LIST_HEADER_PX = 30;
const LIST_ROW_PX = 26;

/**
 * The anomaly panel: each series with its expected band, anomalous points and intervals marked by severity, a
 * score lane under the plot, a tooltip with actual / expected / band / score, and the list of anomalous intervals
 * (a click zooms the dashboard). With many series only the top N by score are drawn, and the list holds only their
 * intervals (its header counts the others). Reads Foresight frames or any frames with the same field names.
 */
export function AnomalyPanel(props: PanelProps<AnomalyOptions>) {
  const { data, options, fieldConfig, width, height, timeRange, timeZone, onChangeTimeRange } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);

  const { series, problems } = useMemo(() => readSeries(data.series), [data.series]);
  const scored = useMemo(() => series.map((s) => ({ ...s, score: s.fields.score?.values })), [series]);
  // Top-N picks which series are drawn; they keep the query's order (and so their colours) in the legend.
  const drawn = useMemo(() => {
    const top = new Set(topSeriesByScore(scored, options.topN).map((s) => s.key));
    return scored.filter((s) => top.has(s.key));
  }, [scored, options.topN]);
  const { frames, colors } = useMemo(
    () =>
      buildChartFrames(drawn, theme, {
        showBand: options.showBand,
        showExpected: options.showExpected,
        colorIndex: (s) => scored.indexOf(s as (typeof scored)[number]),
      }),
    [drawn, scored, theme, options.showBand, options.showExpected]
  );
  const fromMs = timeRange.from.valueOf();
  const toMs = timeRange.to.valueOf();
  const intervals = useMemo(
    () => collectIntervals(series, fromMs, toMs, options.scoreThreshold),
    [series, fromMs, toMs, options.scoreThreshold]
  );
  const drawnKeys = useMemo(() => new Set(drawn.map((s) => s.key)), [drawn]);
  const drawnIntervals = useMemo(() => intervals.filter((i) => drawnKeys.has(i.seriesKey)), [intervals, drawnKeys]);
  const thresholds: SeverityThresholds = { major: options.majorScore, critical: options.criticalScore };

  if (series.length === 0) {
    return <NoSeriesMessage data={data} fieldConfig={fieldConfig} problems={problems} width={width} height={height} />;
  }

  const hasScores = series.some((s) => s.fields.score);
  const warmingUp = hasScores && scored.every((s) => peakScore(s) < 0);
  const captions: string[] = [];
  if (drawn.length < series.length) {
    captions.push(`Top ${drawn.length} of ${series.length} series by peak anomaly score`);
  }
  if (warmingUp) {
    captions.push('The detector is still warming up: no anomaly scores yet');
  }
  const showList = options.showIntervals && hasScores && height >= 220;
  // Room for up to 6 rows, at most 30 % of the panel; more rows scroll.
  const listHeight = showList
    ? Math.min(Math.round(height * 0.3), LIST_HEADER_PX + LIST_ROW_PX * Math.max(1, Math.min(drawnIntervals.length, 6)))
    : 0;
  const captionHeight = captions.length ? CAPTION_PX : 0;
  const chartHeight = height - listHeight - captionHeight;
  const names = drawn.map((s) => s.name);
  const seriesColors = drawn.map((s) => colors.get(s.key)!);
  const span = toMs - fromMs;

  return (
    <div className={styles.panel} style={{ width, height }}>
      {captions.length > 0 && (
        <div className={styles.caption} style={{ height: CAPTION_PX }} role="note">
          {captions.join(' · ')}
        </div>
      )}
      <FramesTimeSeries
        frames={frames}
        width={width}
        height={chartHeight}
        timeRange={timeRange}
        timeZone={timeZone}
        legend={options.legend}
        tooltip={options.tooltip}
        onChangeTimeRange={(r) => onChangeTimeRange({ from: r.from, to: r.to })}
        options={{ showScoreLane: options.showScoreLane }}
        renderTooltip={(alignedFrame, dataIdxs, seriesIdx, isPinned) => (
          <AnomalyTooltip
            alignedFrame={alignedFrame}
            located={locateAlignedFields(alignedFrame, drawn.length)}
            names={names}
            colors={seriesColors}
            dataIdxs={dataIdxs}
            hoveredIdx={seriesIdx}
            isPinned={isPinned}
            timeZone={timeZone}
            thresholds={thresholds}
            scoreThreshold={options.scoreThreshold}
            maxRows={options.tooltip.mode === TooltipDisplayMode.Single ? 1 : undefined}
          />
        )}
      >
        {(config, alignedFrame) => (
          <AnomalyOverlay
            config={config}
            theme={theme}
            located={locateAlignedFields(alignedFrame, drawn.length)}
            intervals={drawnIntervals}
            thresholds={thresholds}
            scoreThreshold={options.scoreThreshold}
            showMarkers={options.showMarkers}
            showScoreLane={options.showScoreLane && hasScores}
          />
        )}
      </FramesTimeSeries>
      {showList && (
        <IntervalList
          intervals={drawnIntervals.slice(0, MAX_INTERVAL_ROWS)}
          total={drawnIntervals.length}
          notDrawn={intervals.length - drawnIntervals.length}
          thresholds={thresholds}
          timeZone={timeZone}
          height={listHeight}
          onSelect={(interval) => onChangeTimeRange(zoomRangeFor(interval, span))}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  caption: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    lineHeight: `${CAPTION_PX}px`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
});
