import React from 'react';

import { DashboardCursorSync, type DataFrame, type TimeRange } from '@grafana/data';
import { TooltipDisplayMode, type TimeZone, type VizLegendOptions, type VizTooltipOptions } from '@grafana/schema';
import { TimeSeries, TooltipPlugin2, type UPlotConfigBuilder, usePanelContext } from '@grafana/ui';

import { SeriesTooltip } from './SeriesTooltip';
import { HOVER_ALL_SERIES, HOVER_ONE_SERIES } from './tooltipHoverMode';

interface Props {
  frames: DataFrame[];
  width: number;
  height: number;
  timeRange: TimeRange;
  timeZone: TimeZone;
  legend: VizLegendOptions;
  /** The panel's tooltip options: `hidden` turns the tooltip off, `single` follows the series under the pointer. */
  tooltip?: VizTooltipOptions;
  /** Drag-to-zoom on the chart calls this, as in Grafana's time series panel. */
  onChangeTimeRange?: (range: { from: number; to: number }) => void;
  /** Extra uPlot plugins (markers, overlays); they get the config builder and the joined frame. */
  children?: (config: UPlotConfigBuilder, alignedFrame: DataFrame) => React.ReactNode;
  /** Custom tooltip body; defaults to a list of the visible fields. */
  renderTooltip?: (
    alignedFrame: DataFrame,
    dataIdxs: Array<number | null>,
    seriesIdx: number | null,
    isPinned: boolean
  ) => React.ReactNode;
  /** Changing this rebuilds the uPlot config (e.g. when panel options change). */
  options?: Record<string, unknown>;
}

/**
 * @grafana/ui's uPlot time series with Foresight's tooltip and drag-to-zoom wired in. Follows the dashboard's
 * "Graph tooltip" setting like Grafana's own time series panel: with shared crosshair the cursor moves with the
 * other panels, with shared tooltip their tooltips open too (the panel context's `sync` and `eventsScope`).
 */
export function FramesTimeSeries({
  frames,
  width,
  height,
  timeRange,
  timeZone,
  legend,
  tooltip,
  onChangeTimeRange,
  children,
  renderTooltip,
  options,
}: Props) {
  const { sync, eventsScope } = usePanelContext();
  const syncMode = sync?.() ?? DashboardCursorSync.Off;
  return (
    <TimeSeries
      frames={frames}
      width={width}
      height={height}
      timeRange={timeRange}
      timeZone={timeZone}
      legend={legend}
      options={options}
    >
      {(config, alignedFrame) => (
        <>
          {tooltip?.mode === TooltipDisplayMode.None ? null : (
            <TooltipPlugin2
              config={config}
              hoverMode={tooltip?.mode === TooltipDisplayMode.Single ? HOVER_ONE_SERIES : HOVER_ALL_SERIES}
              queryZoom={onChangeTimeRange}
              syncMode={syncMode}
              syncScope={eventsScope}
              render={(u, dataIdxs, seriesIdx, isPinned) =>
                renderTooltip ? (
                  renderTooltip(alignedFrame, dataIdxs, seriesIdx, isPinned)
                ) : (
                  <SeriesTooltip
                    alignedFrame={alignedFrame}
                    dataIdxs={dataIdxs}
                    seriesIdx={seriesIdx}
                    isPinned={isPinned}
                    timeZone={timeZone}
                  />
                )
              }
            />
          )}
          {children?.(config, alignedFrame)}
        </>
      )}
    </TimeSeries>
  );
}
