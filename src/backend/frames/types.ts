/**
 * A Grafana data frame as the backend builds it before encoding. The shape follows Grafana's
 * `data.Frame`: a name, the refId it answers, `meta`, and columns ("fields") of equal length.
 */

/** The Grafana field types the backend writes; each maps to one Arrow type (see encodeFrame). */
export type FrameFieldType = 'time' | 'number' | 'string' | 'boolean';

/** Column values. Typed arrays cannot hold nulls; plain arrays may (and then make the field nullable). */
export type FrameFieldValues =
  | BigInt64Array
  | Float64Array
  | Array<bigint | null>
  | Array<number | null>
  | Array<string | null>
  | Array<boolean | null>;

/** Grafana's FieldConfig, written as JSON into the Arrow field metadata `config`. */
export interface FieldConfig {
  displayName?: string;
  /** Set by data sources; Grafana shows it as the series name unless a panel overrides it. */
  displayNameFromDS?: string;
  unit?: string;
  /** Expected distance between points in ms; lets panels draw gaps where points are missing. */
  interval?: number;
  [key: string]: unknown;
}

export interface FrameField {
  /** The Arrow field name is the frame field name (Grafana keeps no separate `name` key). */
  name: string;
  type: FrameFieldType;
  /**
   * `time`: epoch **nanoseconds** (BigInt64Array or bigint[]); `number`: Float64Array or number[];
   * `string`: string[]; `boolean`: boolean[]. `null` marks a missing value.
   */
  values: FrameFieldValues;
  /** Whether values may be missing. Defaults to true when `values` contains a null, else false. */
  nullable?: boolean;
  labels?: Record<string, string>;
  config?: FieldConfig;
}

/** A notice Grafana shows above the panel (`meta.notices`). */
export interface FrameNotice {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

/** Grafana's FrameMeta (only the keys the backend writes; more may be added). */
export interface FrameMeta {
  type?: 'timeseries-multi' | 'timeseries-wide' | 'timeseries-long' | 'numeric-multi' | 'table' | string;
  typeVersion?: [number, number];
  executedQueryString?: string;
  preferredVisualisationType?: string;
  notices?: FrameNotice[];
  custom?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Frame {
  name?: string;
  /** Filled from the response key when empty, as the Go SDK does. */
  refId?: string;
  meta?: FrameMeta;
  fields: FrameField[];
}
