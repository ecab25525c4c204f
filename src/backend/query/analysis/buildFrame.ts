/**
 * Builds one frame for one analysed series: a `time` field and numeric fields, each numeric field carrying
 * the input series' labels and a display name from the legend template (see fieldNames.ts). Values that
 * do not exist (warm-up, the future of `actual`, the history of `forecast`) are written as nulls, which
 * Grafana draws as gaps; real NaN samples from the upstream stay NaN.
 */
import { millisToNanos } from '../../frames/encodeFrame';
import type { FieldConfig, Frame, FrameField, FrameMeta } from '../../frames/types';
import { fieldDisplayName } from './fieldNames';

export interface NumericColumn {
  name: string;
  values: Float64Array;
  /** NaN means "no value here" (null) for analysis outputs; for `actual` it is the upstream's own NaN. Defaults to true. */
  nanIsMissing?: boolean;
  config?: FieldConfig;
}

export interface SeriesFrameSpec {
  legend: string | undefined;
  labels: Record<string, string>;
  meta: FrameMeta;
  timestampsMs: Float64Array;
  stepMs: number;
  columns: NumericColumn[];
}

/** NaN → null, or the array itself when nothing is missing (no copy). */
export function withNulls(values: Float64Array): Float64Array | Array<number | null> {
  let missing = false;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) {
      missing = true;
      break;
    }
  }
  return missing ? Array.from(values, (value) => (Number.isNaN(value) ? null : value)) : values;
}

export function seriesFrame(spec: SeriesFrameSpec): Frame {
  const fields: FrameField[] = [
    { name: 'time', type: 'time', values: millisToNanos(spec.timestampsMs), config: { interval: spec.stepMs } },
  ];
  spec.columns.forEach((column, index) => {
    const displayNameFromDS = fieldDisplayName(spec.legend, column.name, index === 0);
    const config: FieldConfig = { ...column.config };
    if (displayNameFromDS !== undefined) {
      config.displayNameFromDS = displayNameFromDS;
    }
    fields.push({
      name: column.name,
      type: 'number',
      values: column.nanIsMissing === false ? column.values : withNulls(column.values),
      nullable: column.nanIsMissing === false ? false : undefined,
      labels: spec.labels,
      config: Object.keys(config).length > 0 ? config : undefined,
    });
  });
  return { name: spec.legend ?? '', meta: spec.meta, fields };
}

/** An empty frame with the given field names, so panels say "No data" and keep their field mapping. */
export function emptyFrame(meta: FrameMeta, names: string[]): Frame {
  return {
    name: '',
    meta,
    fields: [
      { name: 'time', type: 'time', values: new BigInt64Array(0) },
      ...names.map((name) => ({ name, type: 'number' as const, values: new Float64Array(0) })),
    ],
  };
}
