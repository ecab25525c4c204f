import React, { useMemo } from 'react';

import { type DataFrame, type PanelProps } from '@grafana/data';

import { FramesTimeSeries } from './FramesTimeSeries';
import { NoSeriesMessage } from './NoSeriesMessage';
import { type ChartOptions } from './panelOptions';
import { type PanelSeries, readSeries, type SeriesRole } from './readSeries';
import { withDisplayName } from './withDisplayName';

const ROLE_ORDER: SeriesRole[] = ['actual', 'forecast', 'expected', 'lower', 'upper', 'score', 'anomalous'];

/** One frame per series, its fields named "<series>" (actual) or "<series> <role>", so legends read well. */
export function framesWithSeriesNames(series: PanelSeries[]): DataFrame[] {
  return series.map((s) => {
    const fields = ROLE_ORDER.flatMap((role) => {
      const field = s.fields[role];
      return field ? [withDisplayName(field, role === 'actual' ? s.name : `${s.name} ${role}`)] : [];
    });
    return { ...s.frame, fields: [s.time, ...fields], length: s.time.values.length };
  });
}

/**
 * A panel body that draws the frames it is given as time series, or says why it cannot: no data, a query error,
 * frames without a time field.
 */
export function SeriesShellPanel({
  data,
  options,
  fieldConfig,
  width,
  height,
  timeRange,
  timeZone,
  onChangeTimeRange,
}: PanelProps<ChartOptions>) {
  const { series, problems } = useMemo(() => readSeries(data.series), [data.series]);
  const frames = useMemo(() => framesWithSeriesNames(series), [series]);
  if (series.length === 0) {
    return <NoSeriesMessage data={data} fieldConfig={fieldConfig} problems={problems} width={width} height={height} />;
  }
  return (
    <FramesTimeSeries
      frames={frames}
      width={width}
      height={height}
      timeRange={timeRange}
      timeZone={timeZone}
      legend={options.legend}
      tooltip={options.tooltip}
      onChangeTimeRange={(r) => onChangeTimeRange({ from: r.from, to: r.to })}
      options={options as unknown as Record<string, unknown>}
    />
  );
}
