/**
 * Joins the results of consecutive `query_range` calls (see splitRange) into one series per label set.
 */
import type { Series } from './types';

/** A stable identity for a label set, independent of key order. */
export function labelsKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((name) => [name, labels[name]])
  );
}

/**
 * Concatenates per-call results in call order. A series missing from some calls (it had no samples there)
 * simply has fewer points; a timestamp already present (calls that touch) is kept once.
 *
 * @example
 * stitchSeries([[{ labels: { a: '1' }, timestamps: [0], values: [1] }], [{ labels: { a: '1' }, timestamps: [10], values: [2] }]])
 * // → [{ labels: { a: '1' }, timestamps: [0, 10], values: [1, 2] }]
 */
export function stitchSeries(parts: readonly Series[][]): Series[] {
  if (parts.length === 1) {
    return parts[0];
  }
  const pieces = new Map<string, { labels: Record<string, string>; chunks: Series[]; length: number }>();
  for (const part of parts) {
    for (const series of part) {
      const key = labelsKey(series.labels);
      let entry = pieces.get(key);
      if (!entry) {
        entry = { labels: series.labels, chunks: [], length: 0 };
        pieces.set(key, entry);
      }
      entry.chunks.push(series);
      entry.length += series.timestamps.length;
    }
  }
  const stitched: Series[] = [];
  for (const { labels, chunks, length } of pieces.values()) {
    const timestamps = new Float64Array(length);
    const values = new Float64Array(length);
    let count = 0;
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.timestamps.length; i++) {
        if (count > 0 && chunk.timestamps[i] <= timestamps[count - 1]) {
          continue;
        }
        timestamps[count] = chunk.timestamps[i];
        values[count] = chunk.values[i];
        count++;
      }
    }
    stitched.push({ labels, timestamps: timestamps.subarray(0, count), values: values.subarray(0, count) });
  }
  return stitched;
}
