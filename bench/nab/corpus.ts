import * as fs from 'fs';
import * as path from 'path';

/** One NAB data file, in file row order. */
export interface NabSeries {
  /** `<category>/<series>.csv`, the key of the label files. */
  name: string;
  category: string;
  series: string;
  timestampText: string[];
  timestamps: Float64Array;
  values: Float64Array;
  windows: Array<[string, string]>;
}

/** Parse `YYYY-MM-DD HH:MM:SS` (no zone) as UTC milliseconds. */
export function parseNabTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) {
    return NaN;
  }
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

/** Read every `<category>/*.csv` of a NAB-layout data directory with its windows. */
export function loadCorpus(dataDir: string, labelsDir: string): NabSeries[] {
  const windowsFile = path.join(labelsDir, 'combined_windows.json');
  const windows: Record<string, Array<[string, string]>> = JSON.parse(fs.readFileSync(windowsFile, 'utf8'));
  const corpus: NabSeries[] = [];
  for (const category of fs.readdirSync(dataDir).sort()) {
    const dir = path.join(dataDir, category);
    if (!fs.statSync(dir).isDirectory()) {
      continue;
    }
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()) {
      const name = `${category}/${file}`;
      if (!(name in windows)) {
        throw new Error(`${name} has no entry in ${windowsFile}`);
      }
      const lines = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.length > 0);
      const rows = lines.slice(1);
      const timestampText = rows.map((r) => r.slice(0, r.indexOf(',')));
      corpus.push({
        name,
        category,
        series: file.replace(/\.csv$/, ''),
        timestampText,
        timestamps: Float64Array.from(timestampText, parseNabTimestamp),
        values: Float64Array.from(rows, (r) => Number(r.slice(r.indexOf(',') + 1))),
        windows: windows[name],
      });
    }
  }
  return corpus;
}
