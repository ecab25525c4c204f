/**
 * The `passthrough` analysis: each upstream series unchanged, one frame per series
 * (Grafana's `timeseries-multi` layout) with fields `time` and `value`. The value field carries the
 * series labels, and `displayNameFromDS` when the query has a legend template.
 */
import { FIELD } from '../../datasource/types';
import { millisToNanos } from '../frames/encodeFrame';
import type { Frame, FrameMeta } from '../frames/types';
import type { Series } from '../upstream/types';
import type { AnalysisInput } from './analyse';
import { renderLegend } from './renderLegend';

/** Builds the frames for passthrough; an empty result is one empty frame, so panels say "No data". */
export function passthroughFrames({ query, series, meta, plan }: AnalysisInput): Frame[] {
  const frames = series.map((s) => seriesFrame(s, query.source.legendFormat, meta, plan.stepMs));
  if (frames.length === 0) {
    frames.push(seriesFrame({ labels: {}, timestamps: new Float64Array(0), values: new Float64Array(0) }, undefined, meta, plan.stepMs));
  }
  return frames;
}

function seriesFrame(series: Series, legendFormat: string | undefined, meta: FrameMeta, stepMs: number): Frame {
  const displayName = renderLegend(legendFormat, series.labels);
  return {
    name: displayName ?? '',
    meta,
    fields: [
      // `interval` lets Grafana break the line where Prometheus returned no sample.
      { name: FIELD.time, type: 'time', values: millisToNanos(series.timestamps), config: { interval: stepMs } },
      {
        name: 'value',
        type: 'number',
        values: series.values,
        labels: series.labels,
        config: displayName !== undefined ? { displayNameFromDS: displayName } : undefined,
      },
    ],
  };
}
