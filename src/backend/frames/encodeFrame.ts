/**
 * Encodes a frame as one complete Arrow IPC **file** (`ARROW1 … ARROW1`), the layout Grafana's decoder
 * (`data.UnmarshalArrowFrame`, grafana-plugin-sdk-go `data/arrow.go`) reads:
 * - schema metadata `name`, `refId` (always) and `meta` (JSON, when present);
 * - field metadata `tstype` (always), `labels` and `config` (JSON, when present);
 * - times as `Timestamp(NANOSECOND, no timezone)` built from a BigInt64Array (the JS builder would go
 *   through float milliseconds and lose precision), strings as plain `Utf8` (never Dictionary, which
 *   the Go decoder rejects), numbers as `Float64`, booleans as `Bool`;
 * - `nullable` set on exactly the fields whose values may be missing.
 * An empty frame (no rows) is written as a schema plus one empty record batch.
 */
import {
  Bool,
  type Data,
  Field,
  Float64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimeUnit,
  Timestamp,
  tableToIPC,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { Frame, FrameField, FrameFieldType } from './types';

/** Encodes one frame; `refId` fills a frame without its own refId. */
export function encodeFrame(frame: Frame, refId = ''): Uint8Array {
  const length = frameLength(frame);
  const arrowFields: Field[] = [];
  const columns: Data[] = [];
  for (const field of frame.fields) {
    const nullable = field.nullable ?? hasNull(field.values);
    const type = arrowType(field.type);
    arrowFields.push(new Field(field.name, type, nullable, fieldMetadata(field)));
    columns.push(columnData(field, type, nullable));
  }
  const schema = new Schema(arrowFields, schemaMetadata(frame, refId));
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(arrowFields), length, nullCount: 0, children: columns })
  );
  return tableToIPC(new Table(schema, [batch]), 'file');
}

function frameLength(frame: Frame): number {
  const lengths = new Set(frame.fields.map((f) => f.values.length));
  if (lengths.size > 1) {
    const described = frame.fields.map((f) => `${f.name}=${f.values.length}`).join(', ');
    throw new Error(`frame "${frame.name ?? ''}" has fields of different lengths (${described})`);
  }
  return frame.fields.length === 0 ? 0 : frame.fields[0].values.length;
}

function arrowType(type: FrameFieldType): DataType {
  switch (type) {
    case 'time':
      return new Timestamp(TimeUnit.NANOSECOND, null);
    case 'number':
      return new Float64();
    case 'string':
      return new Utf8();
    case 'boolean':
      return new Bool();
  }
}

function schemaMetadata(frame: Frame, refId: string): Map<string, string> {
  const metadata = new Map<string, string>([
    ['name', frame.name ?? ''],
    ['refId', frame.refId || refId],
  ]);
  if (frame.meta !== undefined) {
    metadata.set('meta', JSON.stringify(frame.meta));
  }
  return metadata;
}

function fieldMetadata(field: FrameField): Map<string, string> {
  const metadata = new Map<string, string>([['tstype', field.type]]);
  if (field.labels !== undefined && Object.keys(field.labels).length > 0) {
    metadata.set('labels', JSON.stringify(field.labels));
  }
  if (field.config !== undefined && Object.keys(field.config).length > 0) {
    metadata.set('config', JSON.stringify(field.config));
  }
  return metadata;
}

function hasNull(values: FrameField['values']): boolean {
  if (!Array.isArray(values)) {
    return false;
  }
  for (const v of values) {
    if (v === null || v === undefined) {
      return true;
    }
  }
  return false;
}

/** Validity bitmap (bit set = value present), or undefined when every value is present. */
function validity(values: FrameField['values']): { bitmap?: Uint8Array; nullCount: number } {
  if (!Array.isArray(values)) {
    return { nullCount: 0 };
  }
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) {
      nullCount++;
    } else {
      bitmap[i >> 3] |= 1 << (i & 7);
    }
  }
  return nullCount === 0 ? { nullCount } : { bitmap, nullCount };
}

function columnData(field: FrameField, type: DataType, nullable: boolean): Data {
  const length = field.values.length;
  const { bitmap, nullCount } = validity(field.values);
  if (nullCount > 0 && !nullable) {
    throw new Error(`field "${field.name}" has missing values but is declared non-nullable`);
  }
  const nulls = { nullCount, nullBitmap: bitmap };
  switch (field.type) {
    case 'time':
      return makeData({ type: type as Timestamp, length, ...nulls, data: timeValues(field) });
    case 'number':
      return makeData({ type: type as Float64, length, ...nulls, data: numberValues(field) });
    case 'boolean':
      return makeData({ type: type as Bool, length, ...nulls, data: booleanBits(field) });
    case 'string': {
      const { valueOffsets, data } = utf8Values(field);
      return makeData({ type: type as Utf8, length, ...nulls, valueOffsets, data });
    }
  }
}

function timeValues(field: FrameField): BigInt64Array {
  if (field.values instanceof BigInt64Array) {
    return field.values;
  }
  const out = new BigInt64Array(field.values.length);
  (field.values as unknown[]).forEach((v, i) => {
    if (typeof v === 'bigint') {
      out[i] = v;
    } else if (v !== null && v !== undefined) {
      throw new Error(`time field "${field.name}" needs bigint nanoseconds, got ${typeof v} at row ${i}`);
    }
  });
  return out;
}

function numberValues(field: FrameField): Float64Array {
  if (field.values instanceof Float64Array) {
    return field.values;
  }
  const out = new Float64Array(field.values.length);
  (field.values as unknown[]).forEach((v, i) => {
    if (typeof v === 'number') {
      out[i] = v;
    } else if (v !== null && v !== undefined) {
      throw new Error(`number field "${field.name}" has a ${typeof v} at row ${i}`);
    }
  });
  return out;
}

function booleanBits(field: FrameField): Uint8Array {
  const bits = new Uint8Array(Math.ceil(field.values.length / 8));
  (field.values as unknown[]).forEach((v, i) => {
    if (v === true) {
      bits[i >> 3] |= 1 << (i & 7);
    } else if (v !== false && v !== null && v !== undefined) {
      throw new Error(`boolean field "${field.name}" has a ${typeof v} at row ${i}`);
    }
  });
  return bits;
}

function utf8Values(field: FrameField): { valueOffsets: Int32Array; data: Uint8Array } {
  const encoder = new TextEncoder();
  const encoded: Uint8Array[] = [];
  const valueOffsets = new Int32Array(field.values.length + 1);
  let total = 0;
  (field.values as unknown[]).forEach((v, i) => {
    if (typeof v === 'string') {
      const bytes = encoder.encode(v);
      encoded.push(bytes);
      total += bytes.length;
    } else if (v !== null && v !== undefined) {
      throw new Error(`string field "${field.name}" has a ${typeof v} at row ${i}`);
    }
    valueOffsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  let offset = 0;
  for (const bytes of encoded) {
    data.set(bytes, offset);
    offset += bytes.length;
  }
  return { valueOffsets, data };
}

const NANOS_PER_MICRO = BigInt(1000);

/** Converts epoch milliseconds (as Prometheus returns them, possibly fractional) to epoch nanoseconds, exact to 1 µs. */
export function millisToNanos(millis: ArrayLike<number>): BigInt64Array {
  const out = new BigInt64Array(millis.length);
  for (let i = 0; i < millis.length; i++) {
    out[i] = BigInt(Math.round(millis[i] * 1000)) * NANOS_PER_MICRO;
  }
  return out;
}
