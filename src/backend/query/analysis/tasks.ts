/**
 * The unit of analysis work: one task per series (or per group for outliers), plain data only, so it can
 * cross a worker_threads boundary by structured clone. `computeTask` (compute.ts) runs one; the worker
 * pool (../workers) runs many off the event loop. Arrays are on the plan's step grid over the whole fetch
 * (training + visible range); NaN marks a missing sample.
 */
import type { AnomalyDetector, ForecastModel } from '../../../datasource/types';

export interface AnomalyTask {
  kind: 'anomaly';
  values: Float64Array;
  timestamps: Float64Array;
  detector: AnomalyDetector;
  sensitivity: number;
  /** `auto`, `none` or periods in points at the plan's step. */
  seasonality: 'auto' | 'none' | number[];
  /** Points learned from before the first score. */
  warmup: number;
  /** The step in ms, for calendar periods. */
  stepMs: number;
  /** Points of the training window from the start: with `auto`, periods are detected once on them (see computeAnomaly). */
  trainingPoints: number;
  /** First index whose outputs are returned (the visible range). Defaults to 0: every point. */
  outputStart?: number;
  /**
   * Names this series' detector for the next evaluation of a moving window (query, labels, step, origin and
   * parameters): with it the worker saves the detector and continues it next time (streamingAnomaly.ts).
   */
  stateKey?: string;
}

export interface ForecastTask {
  kind: 'forecast';
  values: Float64Array;
  timestamps: Float64Array;
  model: ForecastModel;
  /** Points past the last sample. */
  horizon: number;
  level: number;
  /** Periods in points; undefined lets the engine choose day/week. */
  seasonalities?: number[];
  threshold?: number;
  direction: 'above' | 'below';
}

export interface DecomposeTask {
  kind: 'decompose';
  values: Float64Array;
  timestamps: Float64Array;
  stepMs: number;
  /** `auto` detects periods, `none` gives trend + residual only, or periods in points. */
  periods: 'auto' | 'none' | number[];
}

export interface OutliersTask {
  kind: 'outliers';
  /** One array per group member, all on the same grid. */
  group: Float64Array[];
  algorithm: 'dbscan' | 'mad';
  sensitivity: number;
  /** Index of the first visible point: MAD learns its medians from the points before it. */
  referenceEnd: number;
}

export type AnalysisTask = AnomalyTask | ForecastTask | DecomposeTask | OutliersTask;

export interface AnomalyOutput {
  kind: 'anomaly';
  /** Index of the task's values that element 0 of the arrays below belongs to (the task's outputStart). */
  offset: number;
  expected: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  score: Float64Array;
  anomalous: Float64Array;
  warmup: number;
  notices: string[];
  /** Points a saved detector had already seen (0: a cold run), see streamingAnomaly.ts. */
  reusedPoints: number;
}

export interface ForecastOutput {
  kind: 'forecast';
  model: string;
  description: string;
  /** Timestamp of the last history point (the forecast origin). */
  originMs: number;
  timestamps: Float64Array;
  point: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Present when the task had a threshold. */
  crossing?: {
    expectedTimeToCrossMs: number | null;
    earliestTimeToCrossMs: number | null;
    medianTimeToCrossMs: number | null;
    probabilityWithinHorizon: number;
  };
  notices: string[];
}

export interface DecomposeOutput {
  kind: 'decompose';
  trend: Float64Array;
  seasonal: Float64Array;
  residual: Float64Array;
  periods: number[];
  /** Indices where a sustained level shift starts. */
  changePoints: number[];
  notices: string[];
}

export interface OutliersOutput {
  kind: 'outliers';
  outlying: Float64Array[];
  score: Float64Array[];
  isOutlier: boolean[];
  lower: Float64Array;
  upper: Float64Array;
  notices: string[];
}

/** A task that failed for its own reasons (too few points, …): the series is shown without analysis. */
export interface FailedOutput {
  kind: 'failed';
  message: string;
}

export type AnalysisOutput = AnomalyOutput | ForecastOutput | DecomposeOutput | OutliersOutput | FailedOutput;

/** The ArrayBuffers of an output, for a zero-copy transfer back from a worker. */
export function outputBuffers(output: AnalysisOutput): ArrayBuffer[] {
  const arrays: Float64Array[] = [];
  switch (output.kind) {
    case 'anomaly':
      arrays.push(output.expected, output.lower, output.upper, output.score, output.anomalous);
      break;
    case 'forecast':
      arrays.push(output.timestamps, output.point, output.lower, output.upper);
      break;
    case 'decompose':
      arrays.push(output.trend, output.seasonal, output.residual);
      break;
    case 'outliers':
      arrays.push(...output.outlying, ...output.score, output.lower, output.upper);
      break;
    case 'failed':
      break;
  }
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array.buffer instanceof ArrayBuffer && array.byteLength === array.buffer.byteLength) {
      buffers.add(array.buffer);
    }
  }
  return [...buffers];
}
