import { readFileSync } from 'node:fs';

/** A series read from a CSV whose first column is a timestamp and second a value. */
export interface CsvSeries {
  name: string;
  timestamps: Float64Array;
  values: Float64Array;
}

/** Parses `YYYY-MM-DD HH:MM:SS` (as UTC, the files carry no zone), ISO 8601, or epoch seconds/ms. */
export function parseTimestamp(text: string): number {
  const trimmed = text.trim().replace(/^"|"$/g, '');
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    return number < 1e11 ? number * 1000 : number;
  }
  const isoLike = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)
    ? `${trimmed.replace(' ', 'T')}Z`
    : trimmed;
  return Date.parse(isoLike);
}

/** Reads the file, skipping the header row and rows whose timestamp does not parse. Sorted by time. */
export function readCsvSeries(file: string, name: string): CsvSeries {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const rows: Array<[number, number]> = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      continue;
    }
    const [timeText, valueText] = line.split(',');
    const time = parseTimestamp(timeText);
    if (Number.isFinite(time)) {
      const value = Number(valueText);
      rows.push([time, valueText === undefined || valueText.trim() === '' ? NaN : value]);
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  return {
    name,
    timestamps: Float64Array.from(rows, (row) => row[0]),
    values: Float64Array.from(rows, (row) => row[1]),
  };
}
