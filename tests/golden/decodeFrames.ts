/**
 * Decodes the Arrow frames of a QueryData answer into plain JSON for golden files: frame name and meta,
 * and per field its name, type, labels, config and values (times as epoch ms; NaN, ±Inf as strings, so
 * the JSON stays valid and the difference between a gap and a NaN stays visible).
 */
import { tableFromIPC } from 'apache-arrow';

export interface DecodedField {
  name: string;
  type: string;
  labels?: Record<string, string>;
  config?: Record<string, unknown>;
  values: Array<number | string | null>;
}

export interface DecodedFrame {
  name: string;
  refId: string;
  meta: Record<string, unknown> | undefined;
  fields: DecodedField[];
}

function plain(value: unknown): number | string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'bigint') {
    return Number(value / BigInt(1_000_000));
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : String(value);
  }
  return String(value);
}

export function decodeFrame(bytes: Uint8Array): DecodedFrame {
  const table = tableFromIPC(bytes);
  const metadata = table.schema.metadata;
  const meta = metadata.get('meta');
  return {
    name: metadata.get('name') ?? '',
    refId: metadata.get('refId') ?? '',
    meta: meta ? JSON.parse(meta) : undefined,
    fields: table.schema.fields.map((field, index) => {
      const labels = field.metadata.get('labels');
      const config = field.metadata.get('config');
      const column = table.getChildAt(index)!;
      const values: Array<number | string | null> = [];
      for (let row = 0; row < column.length; row++) {
        values.push(plain(column.get(row)));
      }
      return {
        name: field.name,
        type: String(field.type),
        ...(labels ? { labels: JSON.parse(labels) } : {}),
        ...(config ? { config: JSON.parse(config) } : {}),
        values,
      };
    }),
  };
}
