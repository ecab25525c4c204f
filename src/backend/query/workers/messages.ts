import type { AnalysisOutput, AnalysisTask } from '../analysis/tasks';

/** One batch of tasks sent to a worker. */
export interface WorkerRequest {
  id: number;
  tasks: AnalysisTask[];
}

/** The outputs of a batch (same order as its tasks), or the error that stopped it. */
export type WorkerReply = { id: number; outputs: AnalysisOutput[]; error?: undefined } | { id: number; error: string; outputs?: undefined };
