/**
 * Equivalence check for speed work on the detectors: streams the NAB files and long synthetic series
 * through every detector and prints one SHA-256 per detector over every field of every point (expected,
 * lower, upper, score, onset, anomalous, as raw float64 bytes) and the notices. A pure speed change must
 * leave every hash unchanged: record the hashes before the change, compare after.
 *
 *   npx tsx bench/nab/equivalence.ts [--data DIR] [--labels DIR] [--points N] [--detector auto,...]
 *     [--write FILE] [--compare FILE]
 *
 * Defaults: ../shared/data/nab/{data,labels} relative to the repo root, 300,000 points per synthetic
 * series, all four detectors. `--write` stores the hashes as JSON, `--compare` exits 1 when any differs.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { createDetector } from '../../src/analytics/anomaly';
import type { AnomalyParams, DetectorName } from '../../src/analytics/anomaly';
import { loadCorpus } from './corpus';
import { probationaryLength } from './scorer';
import { speedSeries } from './speed';

const repoRoot = path.resolve(__dirname, '../..');

interface Case {
  name: string;
  values: Float64Array;
  timestamps: Float64Array;
  params: AnomalyParams;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Synthetic series that exercise the paths the NAB files and the speed series do not. */
function syntheticCases(points: number): Case[] {
  const cases: Case[] = [];
  for (const kind of ['daily', 'walk'] as const) {
    const s = speedSeries(kind, points);
    cases.push({ name: `speed-${kind}`, ...s, params: { warmup: 750 } });
  }
  const n = Math.max(5000, Math.floor(points / 3));
  // Small counts (quantised data, many exact zeros of the raw scores).
  {
    const random = lcg(11);
    const values = new Float64Array(n);
    const timestamps = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      timestamps[i] = 1.6e12 + i * 60_000;
      const rate = 3 + 2 * Math.sin((2 * Math.PI * i) / 1440);
      let k = 0;
      for (let p = Math.exp(-rate), u = random(), c = p; u > c && k < 40; k++) {
        p *= rate / (k + 1);
        c += p;
      }
      values[i] = k + (random() < 0.0005 ? 30 : 0);
    }
    cases.push({ name: 'counts', values, timestamps, params: { warmup: 288 } });
  }
  // Gaps, NaN values, irregular steps, a level shift, two periods.
  {
    const random = lcg(23);
    const values = new Float64Array(n);
    const timestamps = new Float64Array(n);
    let t = 1.6e12;
    for (let i = 0; i < n; i++) {
      const r = random();
      t += r < 0.002 ? 60_000 * (2 + Math.floor(30 * random())) : r < 0.004 ? 59_000 : 60_000;
      timestamps[i] = t;
      const base = 50 + 10 * Math.sin((2 * Math.PI * i) / 1440) + 3 * Math.sin((2 * Math.PI * i) / 60);
      values[i] = random() < 0.003 ? NaN : base + 2 * random() + (i > n / 2 ? 8 : 0) + (random() < 0.001 ? 25 : 0);
    }
    cases.push({ name: 'gaps', values, timestamps, params: { warmup: 500 } });
    cases.push({ name: 'gaps-fixed-periods', values, timestamps, params: { warmup: 500, seasonality: [60, 1440] } });
    cases.push({
      name: 'gaps-no-season',
      values,
      timestamps,
      params: { warmup: 300, seasonality: 'none', sensitivity: 0.9 },
    });
  }
  return cases;
}

function main(): void {
  const args: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const [key, inline] = argv[i].slice(2).split('=', 2);
      args[key] = inline ?? argv[++i] ?? '';
    }
  }
  const dataDir = path.resolve(repoRoot, args.data ?? '../shared/data/nab/data');
  const labelsDir = path.resolve(repoRoot, args.labels ?? '../shared/data/nab/labels');
  const points = Number(args.points ?? 300_000);
  const detectors = (args.detector ?? 'auto,rolling,seasonal,changepoint').split(',') as DetectorName[];

  const cases: Case[] = loadCorpus(dataDir, labelsDir).map((s) => ({
    name: s.name,
    values: s.values,
    timestamps: s.timestamps,
    params: { warmup: probationaryLength(s.values.length) },
  }));
  cases.push(...syntheticCases(points));

  const hashes: Record<string, string> = {};
  const row = new Float64Array(6);
  const bytes = new Uint8Array(row.buffer);
  for (const detector of detectors) {
    const hash = createHash('sha256');
    for (const c of cases) {
      hash.update(c.name);
      const d = createDetector({ ...c.params, detector });
      for (let i = 0; i < c.values.length; i++) {
        const p = d.update(c.timestamps[i], c.values[i]);
        row[0] = p.expected;
        row[1] = p.lower;
        row[2] = p.upper;
        row[3] = p.score;
        row[4] = p.onset;
        row[5] = p.anomalous;
        hash.update(bytes);
      }
      hash.update(JSON.stringify(d.notices()));
    }
    hashes[detector] = hash.digest('hex');
    console.log(`${detector}\t${hashes[detector]}`);
  }
  if (args.write) {
    fs.writeFileSync(args.write, JSON.stringify({ points, hashes }, null, 2) + '\n');
  }
  if (args.compare) {
    const expected = JSON.parse(fs.readFileSync(args.compare, 'utf8')) as {
      points: number;
      hashes: Record<string, string>;
    };
    let same = expected.points === points;
    for (const detector of detectors) {
      const ok = expected.hashes[detector] === hashes[detector];
      same = same && ok;
      console.log(`${detector}: ${ok ? 'identical' : 'DIFFERENT'}`);
    }
    if (!same) {
      process.exitCode = 1;
    }
  }
}

main();
