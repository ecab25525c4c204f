import React from 'react';

import { type FieldConfigSource, type PanelData } from '@grafana/data';

import { noDataText } from './noDataText';
import { PanelMessage } from './PanelMessage';

interface Props {
  data: PanelData;
  fieldConfig: FieldConfigSource;
  /** Why frames could not be used (from readSeries). */
  problems: string[];
  width: number;
  height: number;
}

/** What a Foresight panel shows when it has no series to draw: the query's error, else "No data" and why. */
export function NoSeriesMessage({ data, fieldConfig, problems, width, height }: Props) {
  const error = data.errors?.[0];
  if (error) {
    return <PanelMessage kind="error" title="Query failed" detail={error.message} width={width} height={height} />;
  }
  return <PanelMessage title={noDataText(fieldConfig)} detail={problems[0]} width={width} height={height} />;
}
