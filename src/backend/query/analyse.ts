/**
 * The analyse step: a switch on `analysis.kind`. Each case turns the fetched series into frames; the
 * analyses (from src/analytics/) run in query/analysis/ on the worker pool of query/workers/.
 * `analysisRunner` is called before anything is fetched, so an analysis this build cannot run fails
 * fast without touching the upstream.
 */
import type { AnalysisKind, ForesightQuery } from '../../datasource/types';
import type { Frame, FrameMeta } from '../frames/types';
import type { ForesightSettings } from '../settings/parseSettings';
import type { Series } from '../upstream/types';
import { runAnomaly, runDecompose, runForecast, runOutliers } from './analysis/runAnalysis';
import { passthroughFrames } from './passthroughFrames';
import type { RangePlan } from './planRange';
import { QueryError } from './QueryError';
import { analysisPool } from './workers/analysisPool';

/** Everything an analysis gets: the validated query, its plan, the fetched series and the frame meta to set. */
export interface AnalysisInput {
  query: ForesightQuery;
  plan: RangePlan;
  series: Series[];
  settings: ForesightSettings;
  /** `type`, `executedQueryString` and notices common to every frame of this query. */
  meta: FrameMeta;
  signal: AbortSignal;
  /**
   * Names the query's data (datasource version, source kind, expression) for the analyses' model cache,
   * which keeps per-series state between evaluations of a moving window. Absent: nothing is reused.
   */
  stateKey?: string;
}

export type AnalysisRunner = (input: AnalysisInput) => Frame[] | Promise<Frame[]>;

/** Returns the runner for an analysis kind, or throws a 501 QueryError when this build has none. */
export function analysisRunner(kind: AnalysisKind): AnalysisRunner {
  switch (kind) {
    case 'passthrough':
      return passthroughFrames;
    case 'anomaly':
      return (input) => runAnomaly(input, analysisPool());
    case 'forecast':
      return (input) => runForecast(input, analysisPool());
    case 'outliers':
      return (input) => runOutliers(input, analysisPool());
    case 'decompose':
      return (input) => runDecompose(input, analysisPool());
    default: {
      const unknownKind: never = kind;
      throw new QueryError(400, 'plugin', `analysis.kind: unknown analysis ${JSON.stringify(unknownKind)}`);
    }
  }
}
