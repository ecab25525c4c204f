/**
 * Entry of an analysis worker thread: receives batches of tasks, runs them with `computeTask` and sends the
 * outputs back with their buffers transferred (no copy). Bundled on its own by scripts/build-backend.ts and
 * embedded in the main bundle as a string, so the packaged binary starts workers from that string
 * (`new Worker(source, { eval: true })`) without any file next to it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeTask } from '../analysis/compute';
import { configureSavedDetectors } from '../analysis/streamingAnomaly';
import { outputBuffers, type AnalysisTask } from '../analysis/tasks';
import type { WorkerReply, WorkerRequest } from './messages';

const port = parentPort;
if (port === null) {
  throw new Error('analysisWorker must run in a worker thread');
}
// This worker's share of FORESIGHT_MODEL_CACHE_MB for the detectors it saves between evaluations.
const data = workerData as { modelCacheBytes?: number } | undefined;
if (typeof data?.modelCacheBytes === 'number') {
  configureSavedDetectors(data.modelCacheBytes);
}
port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const outputs = request.tasks.map((task: AnalysisTask) => computeTask(task));
    transfer = outputs.flatMap(outputBuffers);
    reply = { id: request.id, outputs };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  port.postMessage(reply, transfer);
});
