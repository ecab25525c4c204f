/**
 * NAB v1.1 scoring in TypeScript (windows, probationary period, scaled sigmoid, application profiles,
 * corpus-wide threshold optimisation, normalisation against the null and perfect detectors).
 *
 * Follows numenta/NAB `nab/sweeper.py` (calcSweepScore, calcScoreByThreshold), `nab/optimizer.py` and
 * `nab/scorer.py` as described in the shared data README §1.1. NAB is MIT licensed,
 * "Copyright 2014-2024 Numenta Inc."; this is an independent re-implementation of its published rules.
 *
 * References: A. Lavin, S. Ahmad, "Evaluating Real-time Anomaly Detection Algorithms – the Numenta
 * Anomaly Benchmark", ICMLA 2015; S. Ahmad et al., "Unsupervised real-time anomaly detection for
 * streaming data", Neurocomputing 262 (2017).
 */

/** Weights of one NAB application profile (`config/profiles.json`). */
export interface NabProfile {
  name: string;
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export const NAB_PROFILES: NabProfile[] = [
  { name: 'standard', tpWeight: 1.0, fpWeight: 0.11, fnWeight: 1.0 },
  { name: 'reward_low_FP_rate', tpWeight: 1.0, fpWeight: 0.22, fnWeight: 1.0 },
  { name: 'reward_low_FN_rate', tpWeight: 1.0, fpWeight: 0.11, fnWeight: 2.0 },
];

/** One scored series: its timestamps as written in the data file, the detector scores, and its windows. */
export interface ScoredFile {
  /** Key in the label file, e.g. `realKnownCause/nyc_taxi.csv`. */
  name: string;
  /** `YYYY-MM-DD HH:MM:SS`, in file row order. */
  timestamps: string[];
  /** Detector output in [0, 1], one per row. */
  scores: Float64Array;
  /** Window limits `[start, end]` (inclusive), as timestamps of the file. */
  windows: Array<[string, string]>;
}

/** NAB scaled sigmoid: 2·sigmoid(−5y) − 1, and −1 for y ≥ 3. */
export function scaledSigmoid(y: number): number {
  if (y >= 3) {
    return -1;
  }
  return 2 / (1 + Math.exp(5 * y)) - 1;
}

/** NAB probationary period: min(floor(0.15·N), 0.15·5000). */
export function probationaryLength(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
}

/** Strip the `.ffffff` fraction NAB writes into window limits. */
function normaliseTimestamp(timestamp: string): string {
  return timestamp.length > 19 ? timestamp.slice(0, 19) : timestamp;
}

/** Scorable rows of one file: window id (−1 outside every window) and the sweep weight of a detection there. */
interface SweepRows {
  scores: Float64Array;
  windowIds: Int32Array;
  weights: Float64Array;
  windowCount: number;
}

/**
 * Per-row weights of one file for one profile, exactly as `Sweeper.calcSweepScore`: rows inside the
 * probationary period are dropped; window ids are global across the corpus via `windowOffset`.
 */
function sweepFile(file: ScoredFile, profile: NabProfile, windowOffset: number): SweepRows {
  const n = file.timestamps.length;
  const maxTP = scaledSigmoid(-1);
  const probation = probationaryLength(n);
  const windows = file.windows.map(([s, e]) => [normaliseTimestamp(s), normaliseTimestamp(e)] as [string, string]);
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!firstIndex.has(file.timestamps[i])) {
      firstIndex.set(file.timestamps[i], i);
    }
  }
  const scores: number[] = [];
  const windowIds: number[] = [];
  const weights: number[] = [];
  let nextWindow = 0;
  let inWindow = false;
  let currentWindowId = -1;
  let currentEnd = '';
  let currentRight = 0;
  let currentWidth = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const ts = file.timestamps[i];
    if (nextWindow < windows.length && ts === windows[nextWindow][0]) {
      const [start, end] = windows[nextWindow];
      const right = firstIndex.get(end);
      const left = firstIndex.get(start);
      if (right === undefined || left === undefined) {
        throw new Error(`window ${start}..${end} of ${file.name} does not match a timestamp of the file`);
      }
      inWindow = true;
      currentWindowId = windowOffset + nextWindow;
      currentEnd = end;
      currentRight = right;
      currentWidth = right - left + 1;
      nextWindow++;
    }
    let weight: number;
    if (inWindow) {
      const position = -(currentRight - i + 1) / currentWidth;
      weight = (scaledSigmoid(position) * profile.tpWeight) / maxTP;
    } else {
      const position = prevRight < 0 ? 3 : Math.abs(prevRight - i) / (prevWidth - 1);
      weight = scaledSigmoid(position) * profile.fpWeight;
    }
    if (i >= probation) {
      scores.push(file.scores[i]);
      windowIds.push(inWindow ? currentWindowId : -1);
      weights.push(weight);
    }
    if (inWindow && ts === currentEnd) {
      prevRight = i;
      prevWidth = currentWidth;
      inWindow = false;
      currentWindowId = -1;
    }
  }
  return {
    scores: Float64Array.from(scores),
    windowIds: Int32Array.from(windowIds),
    weights: Float64Array.from(weights),
    windowCount: windows.length,
  };
}

/** Result of scoring a corpus for one profile. */
export interface ProfileScore {
  profile: string;
  /** Optimised threshold (Infinity means "no detections"). */
  threshold: number;
  raw: number;
  rawNull: number;
  perfect: number;
  /** 100·(raw − rawNull)/(perfect − rawNull). */
  normalised: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Score a corpus for one profile: sweep every threshold (every distinct score, highest first, plus
 * "above every score"), keep the best corpus sum (ties → higher threshold), normalise.
 */
export function scoreCorpus(files: ScoredFile[], profile: NabProfile): ProfileScore {
  const parts: SweepRows[] = [];
  let windowTotal = 0;
  for (const file of files) {
    const rows = sweepFile(file, profile, windowTotal);
    parts.push(rows);
    windowTotal += rows.windowCount;
  }
  let total = 0;
  for (const p of parts) {
    total += p.scores.length;
  }
  const scores = new Float64Array(total);
  const windowIds = new Int32Array(total);
  const weights = new Float64Array(total);
  let k = 0;
  for (const p of parts) {
    scores.set(p.scores, k);
    windowIds.set(p.windowIds, k);
    weights.set(p.weights, k);
    k += p.scores.length;
  }
  // Windows that have at least one scorable row start at −A_FN (NAB's scoreParts); others count nothing.
  const windowBest = new Float64Array(windowTotal).fill(NaN);
  for (let i = 0; i < total; i++) {
    if (windowIds[i] >= 0) {
      windowBest[windowIds[i]] = -profile.fnWeight;
    }
  }
  let windowSum = 0;
  let scorableWindows = 0;
  for (let w = 0; w < windowTotal; w++) {
    if (!Number.isNaN(windowBest[w])) {
      windowSum += windowBest[w];
      scorableWindows++;
    }
  }
  const order = Array.from({ length: total }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a]);
  let fpSum = 0;
  let tp = 0;
  let fp = 0;
  let best = { score: windowSum + fpSum, threshold: Infinity, tp: 0, fp: 0 };
  for (let j = 0; j < total;) {
    const threshold = scores[order[j]];
    // Activate every row at this score.
    while (j < total && scores[order[j]] === threshold) {
      const i = order[j];
      const w = windowIds[i];
      if (w < 0) {
        fpSum += weights[i];
        fp++;
      } else {
        if (weights[i] > windowBest[w]) {
          windowSum += weights[i] - windowBest[w];
          windowBest[w] = weights[i];
        }
        tp++;
      }
      j++;
    }
    const corpusScore = windowSum + fpSum;
    if (corpusScore > best.score) {
      best = { score: corpusScore, threshold, tp, fp };
    }
  }
  // Re-count detected windows at the optimum for the report.
  let detected = 0;
  let falsePositives = 0;
  const seen = new Uint8Array(windowTotal);
  for (let i = 0; i < total; i++) {
    if (scores[i] >= best.threshold) {
      if (windowIds[i] >= 0) {
        if (!seen[windowIds[i]]) {
          seen[windowIds[i]] = 1;
          detected++;
        }
      } else {
        falsePositives++;
      }
    }
  }
  const perfect = profile.tpWeight * windowTotal;
  const rawNull = -profile.fnWeight * scorableWindows;
  return {
    profile: profile.name,
    threshold: best.threshold,
    raw: best.score,
    rawNull,
    perfect,
    normalised: (100 * (best.score - rawNull)) / (perfect - rawNull),
    tp: detected,
    fp: falsePositives,
    fn: windowTotal - detected,
  };
}

/** Per-file outcome at one threshold: detected windows, false positives and the file's raw score. */
export interface FileOutcome {
  name: string;
  windows: number;
  tp: number;
  fp: number;
  fn: number;
  raw: number;
  /** For each window, the relative position (0 = left edge, 1 = right edge) of its first detection, or NaN. */
  firstDetection: number[];
}

/** Score every file at a fixed threshold (e.g. the corpus optimum) to see where points are lost. */
export function scoreFiles(files: ScoredFile[], profile: NabProfile, threshold: number): FileOutcome[] {
  return files.map((file) => {
    const rows = sweepFile(file, profile, 0);
    const best = new Float64Array(rows.windowCount).fill(NaN);
    const firstAt = new Float64Array(rows.windowCount).fill(NaN);
    const widths = new Int32Array(rows.windowCount);
    const starts = new Int32Array(rows.windowCount).fill(-1);
    for (let i = 0; i < rows.scores.length; i++) {
      const w = rows.windowIds[i];
      if (w >= 0) {
        if (starts[w] < 0) {
          starts[w] = i;
        }
        widths[w]++;
      }
    }
    let fp = 0;
    let raw = 0;
    for (let i = 0; i < rows.scores.length; i++) {
      if (!(rows.scores[i] >= threshold)) {
        continue;
      }
      const w = rows.windowIds[i];
      if (w < 0) {
        fp++;
        raw += rows.weights[i];
      } else if (Number.isNaN(best[w])) {
        best[w] = rows.weights[i];
        firstAt[w] = (i - starts[w]) / Math.max(1, widths[w] - 1);
      }
    }
    let tp = 0;
    let scorable = 0;
    for (let w = 0; w < rows.windowCount; w++) {
      if (starts[w] < 0) {
        continue;
      }
      scorable++;
      if (Number.isNaN(best[w])) {
        raw -= profile.fnWeight;
      } else {
        tp++;
        raw += best[w];
      }
    }
    return { name: file.name, windows: scorable, tp, fp, fn: scorable - tp, raw, firstDetection: Array.from(firstAt) };
  });
}
