/**
 * NAB benchmark: run anomaly detectors over a NAB-layout corpus, write NAB-format result files and
 * score them with the NAB v1.1 rules (bench/nab/scorer.ts).
 *
 *   npm run bench:nab -- [--data DIR] [--labels DIR] [--out DIR] [--detector auto,rolling,...]
 *     [--per-file] [--speed-points N] [--speed-reps R] [--speed-warmup W] [--tune key=value,...]
 *
 * Defaults (relative to the repo root): ../shared/data/nab/data, ../shared/data/nab/labels,
 * bench-results/nab. One parameter set for the whole corpus; the only per-file input besides the data
 * is NAB's probationary period (15 % of the file, at most 750 rows), which the NAB runner hands to
 * every detector and which we use as the warm-up.
 *
 * Speed: each detector streams two long synthetic series (`--speed-points`, default 2,000,000; 0 skips):
 * `daily` (a daily cycle) and `walk` (a random walk), `--speed-reps` times (default 3) after
 * `--speed-warmup` untimed repetitions (default 1: JIT compilation is a one-off cost), once bundled by
 * esbuild as shipped (fresh Node process) and once as tsx runs the sources (see bench/nab/speed.ts); the
 * table and summary.json give the median points per CPU second (one thread = one core) and per wall
 * second, with the load average around the run.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { createDetector } from '../../src/analytics/anomaly';
import type { DetectorName } from '../../src/analytics/anomaly';
import { applyTuning } from '../../src/analytics/anomaly/tuning';
import { loadCorpus, type NabSeries } from './corpus';
import { NAB_PROFILES, probationaryLength, scoreCorpus, scoreFiles, type ScoredFile } from './scorer';
import { measureBundled, measureThroughput, speedSeries, type SpeedSeries, type Throughput } from './speed';

const repoRoot = path.resolve(__dirname, '../..');

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      args[key] = inline ?? argv[++i] ?? '';
    }
  }
  return args;
}

/** Run one detector over one series, return its onset scores (0 where the detector gives NaN). */
function runDetector(detector: DetectorName, series: NabSeries): { scores: Float64Array; ms: number } {
  const n = series.values.length;
  const scores = new Float64Array(n);
  const start = performance.now();
  const d = createDetector({ detector, warmup: probationaryLength(n) });
  for (let i = 0; i < n; i++) {
    const s = d.update(series.timestamps[i], series.values[i]).onset;
    scores[i] = s === s ? s : 0;
  }
  return { scores, ms: performance.now() - start };
}

function windowLabels(series: NabSeries): Int8Array {
  const labels = new Int8Array(series.values.length);
  for (const [start, end] of series.windows) {
    const s = start.slice(0, 19);
    const e = end.slice(0, 19);
    const i0 = series.timestampText.indexOf(s);
    const i1 = series.timestampText.indexOf(e);
    for (let i = i0; i >= 0 && i <= i1; i++) {
      labels[i] = 1;
    }
  }
  return labels;
}

function writeResults(outDir: string, detector: string, series: NabSeries, scores: Float64Array): void {
  const dir = path.join(outDir, detector, series.category);
  fs.mkdirSync(dir, { recursive: true });
  const labels = windowLabels(series);
  const lines = ['timestamp,value,anomaly_score,label'];
  for (let i = 0; i < scores.length; i++) {
    lines.push(`${series.timestampText[i]},${series.values[i]},${scores[i]},${labels[i]}`);
  }
  fs.writeFileSync(path.join(dir, `${detector}_${series.series}.csv`), lines.join('\n') + '\n');
}

/** Per-file table at the corpus-optimised standard threshold: where points are won and lost. */
function printPerFile(detector: string, files: ScoredFile[], threshold: number): void {
  console.log(`${detector}: per file at the standard threshold ${threshold.toFixed(4)}`);
  for (const f of scoreFiles(files, NAB_PROFILES[0], threshold)) {
    const where = f.firstDetection.map((x) => (Number.isNaN(x) ? '-' : x.toFixed(2))).join(' ');
    console.log(
      `  ${f.name.padEnd(62)} TP ${f.tp}/${f.windows}  FP ${String(f.fp).padStart(3)}  raw ${f.raw.toFixed(2).padStart(6)}  first ${where}`
    );
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(repoRoot, args.data ?? '../shared/data/nab/data');
  const labelsDir = path.resolve(repoRoot, args.labels ?? '../shared/data/nab/labels');
  const outDir = path.resolve(repoRoot, args.out ?? 'bench-results/nab');
  const detectors = (args.detector ?? 'auto').split(',').filter(Boolean) as DetectorName[];
  const throughputPoints = Number(args['speed-points'] ?? 2_000_000);
  const speedReps = Math.max(1, Number(args['speed-reps'] ?? 3));
  const speedWarmup = Math.max(0, Number(args['speed-warmup'] ?? 1));

  if (args.tune) {
    applyTuning(args.tune);
  }
  const corpus = loadCorpus(dataDir, labelsDir);
  const totalRows = corpus.reduce((a, s) => a + s.values.length, 0);
  console.log(
    `NAB corpus: ${corpus.length} files, ${totalRows} rows, ${corpus.reduce((a, s) => a + s.windows.length, 0)} windows`
  );

  // Scorer sanity checks: the null detector must score 0 and a perfect one 100 on every profile.
  const asFiles = (scoresOf: (s: NabSeries) => Float64Array): ScoredFile[] =>
    corpus.map((s) => ({ name: s.name, timestamps: s.timestampText, scores: scoresOf(s), windows: s.windows }));
  const nullFiles = asFiles((s) => new Float64Array(s.values.length).fill(0.5));
  const perfectFiles = asFiles((s) => {
    const scores = new Float64Array(s.values.length);
    for (const [start] of s.windows) {
      scores[s.timestampText.indexOf(start.slice(0, 19))] = 1;
    }
    return scores;
  });
  for (const profile of NAB_PROFILES) {
    const nullScore = scoreCorpus(nullFiles, profile).normalised;
    const perfectScore = scoreCorpus(perfectFiles, profile).normalised;
    if (Math.abs(nullScore) > 1e-9 || Math.abs(perfectScore - 100) > 1e-9) {
      throw new Error(`scorer check failed for ${profile.name}: null ${nullScore}, perfect ${perfectScore}`);
    }
  }
  console.log('scorer check: null = 0.0 and perfect = 100.0 on all three profiles');

  const speedKinds: SpeedSeries[] = throughputPoints > 0 ? ['daily', 'walk'] : [];
  const longSeries: Partial<Record<SpeedSeries, ReturnType<typeof speedSeries>>> = {};
  for (const kind of speedKinds) {
    longSeries[kind] = speedSeries(kind, throughputPoints);
  }
  const loadBefore = os.loadavg();
  const summary: Record<string, unknown> = {
    corpus: { files: corpus.length, rows: totalRows, dataDir: path.relative(repoRoot, dataDir) },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version },
    detectors: {},
  };
  const rows: string[][] = [];
  for (const detector of detectors) {
    let ms = 0;
    const files: ScoredFile[] = [];
    for (const series of corpus) {
      const run = runDetector(detector, series);
      ms += run.ms;
      writeResults(outDir, detector, series, run.scores);
      files.push({ name: series.name, timestamps: series.timestampText, scores: run.scores, windows: series.windows });
    }
    const profiles = NAB_PROFILES.map((p) => scoreCorpus(files, p));
    if (args['per-file'] !== undefined) {
      printPerFile(detector, files, profiles[0].threshold);
    }
    const speed: Partial<Record<SpeedSeries, Throughput>> = {};
    const bundled: Partial<Record<SpeedSeries, Throughput>> = {};
    for (const kind of speedKinds) {
      bundled[kind] = measureBundled(detector, kind, throughputPoints, speedReps, speedWarmup);
      speed[kind] = measureThroughput(detector, longSeries[kind]!, speedReps, speedWarmup);
    }
    (summary.detectors as Record<string, unknown>)[detector] = {
      scores: Object.fromEntries(profiles.map((p) => [p.profile, p])),
      corpusMs: ms,
      corpusPointsPerSecond: totalRows / (ms / 1000),
      longSeries:
        throughputPoints > 0
          ? { points: throughputPoints, repetitions: speedReps, warmupRepetitions: speedWarmup, ...speed }
          : null,
      longSeriesBundled:
        throughputPoints > 0
          ? { points: throughputPoints, repetitions: speedReps, warmupRepetitions: speedWarmup, ...bundled }
          : null,
    };
    const mps = (x: number | undefined): string => (x === undefined ? '-' : `${(x / 1e6).toFixed(2)}`);
    rows.push([
      detector,
      ...profiles.map((p) => p.normalised.toFixed(1)),
      profiles.map((p) => `${p.tp}/${p.fp}/${p.fn}`).join(' '),
      `${ms.toFixed(0)} ms`,
      `${mps(bundled.daily?.cpuPointsPerSecond)} (${mps(bundled.daily?.wallPointsPerSecond)})`,
      `${mps(bundled.walk?.cpuPointsPerSecond)} (${mps(bundled.walk?.wallPointsPerSecond)})`,
      `${mps(speed.daily?.cpuPointsPerSecond)} / ${mps(speed.walk?.cpuPointsPerSecond)}`,
    ]);
  }
  const header = [
    'detector',
    'standard',
    'low_FP',
    'low_FN',
    'TP/FP/FN per profile',
    'corpus time',
    'M points/s daily: cpu (wall)',
    'walk: cpu (wall)',
    'tsx daily / walk: cpu',
  ];
  const loadAfter = os.loadavg();
  summary.load = { before: loadBefore, after: loadAfter };
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table) {
    console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  }
  if (speedKinds.length > 0) {
    console.log(
      `speed: streaming update, one thread, ${throughputPoints} points per series, median of ${speedReps} runs ` +
        `after ${speedWarmup} untimed warm-up run${speedWarmup === 1 ? '' : 's'}, ` +
        `the detector bundled by esbuild as the backend ships it, in a fresh Node process (tsx = the same in this ` +
        `process, one module per file); cpu = points per CPU second of the one busy core, wall = per elapsed second. ` +
        `Load average (1 min) ${loadBefore[0].toFixed(2)} → ${loadAfter[0].toFixed(2)} on ${os.cpus().length} cores.`
    );
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log(
    `results: ${path.relative(repoRoot, outDir)}/<detector>/…, summary: ${path.relative(repoRoot, path.join(outDir, 'summary.json'))}`
  );
}

main();
