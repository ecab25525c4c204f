/**
 * A small pool of worker threads for the analyses, so a query that scores 1,000 series does not hold the
 * event loop (health checks, resource calls and other queries keep being answered) and several queries
 * share the cores.
 *
 * Fairness: every query submits its batches under its own job; a free worker takes the next batch from
 * the jobs in turn (round robin), so one slow query with many batches does not make a small query wait for
 * all of them. Cancellation: batches of an aborted job that have not started are dropped at once and the
 * job's promises reject; a batch already running finishes in its worker (tasks are bounded in size) and
 * its result is discarded.
 *
 * Without a worker source (tsx, jest) or with `size: 0` the batches run on the main thread, one per
 * macrotask, with the same scheduling.
 */
import { Worker } from 'node:worker_threads';
import { computeTask } from '../analysis/compute';
import type { AnalysisOutput, AnalysisTask } from '../analysis/tasks';
import type { WorkerReply, WorkerRequest } from './messages';

export interface WorkerPoolOptions {
  /** Worker threads; 0 runs everything on the main thread. */
  size: number;
  /** Data every worker gets as `workerData` (e.g. its share of the model cache budget). */
  workerData?: unknown;
  /** The worker's bundled CommonJS code (see workerSource.ts); without it the pool runs inline. */
  source?: string;
  /** Told when a worker thread starts or stops, for the log. */
  onWorkerEvent?: (message: string, fields: Record<string, unknown>) => void;
}

/** Raised for the batches of a job whose signal fired. */
export class AnalysisCancelledError extends Error {
  constructor() {
    super('the analysis was cancelled');
    this.name = 'AnalysisCancelledError';
  }
}

interface Batch {
  tasks: AnalysisTask[];
  job: Job;
  /** The slot that must run this batch (it holds the tasks' saved state), or undefined for any. */
  slot?: number;
  resolve: (outputs: AnalysisOutput[]) => void;
  reject: (error: Error) => void;
}

interface Job {
  queue: Batch[];
  signal?: AbortSignal;
}

interface Slot {
  worker?: Worker;
  busy?: { id: number; batch: Batch };
}

export class WorkerPool {
  private readonly jobs: Job[] = [];
  private readonly jobBySignal = new WeakMap<object, Job>();
  private readonly slots: Slot[];
  private readonly inline: boolean;
  private nextId = 1;
  private turn = 0;
  private inlineRunning = false;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.inline = options.size <= 0 || options.source === undefined;
    this.slots = Array.from({ length: this.inline ? 1 : options.size }, () => ({}));
  }

  /** Whether batches run in worker threads (false: inline on the main thread). */
  get usesWorkers(): boolean {
    return !this.inline;
  }

  /** Places batches can run (workers, or 1 inline): `slot` in `run` is taken modulo this. */
  get slotCount(): number {
    return this.slots.length;
  }

  /**
   * Runs a batch of tasks; batches with the same `jobKey` (e.g. one query) are scheduled round robin against
   * other jobs. Rejects with AnalysisCancelledError when `signal` fires before the batch is done. With
   * `slot`, the batch runs on that worker (modulo slotCount) only: tasks that continue state saved in a
   * worker (see streamingAnomaly.ts) must go back to the worker that holds it.
   */
  run(tasks: AnalysisTask[], options: { jobKey: object; signal?: AbortSignal; slot?: number }): Promise<AnalysisOutput[]> {
    if (this.closed) {
      return Promise.reject(new Error('the analysis worker pool is closed'));
    }
    if (options.signal?.aborted) {
      return Promise.reject(new AnalysisCancelledError());
    }
    let job = this.jobBySignal.get(options.jobKey);
    if (job === undefined || !this.jobs.includes(job)) {
      job = { queue: [], signal: options.signal };
      this.jobBySignal.set(options.jobKey, job);
      this.jobs.push(job);
      const created = job;
      options.signal?.addEventListener('abort', () => this.cancel(created), { once: true });
    }
    return new Promise<AnalysisOutput[]>((resolve, reject) => {
      const slot = options.slot === undefined ? undefined : options.slot % this.slots.length;
      job.queue.push({ tasks, job, resolve, reject, slot });
      this.dispatch();
    });
  }

  /** Stops the workers; pending batches reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.splice(0)) {
      job.queue.splice(0).forEach((batch) => batch.reject(new Error('the analysis worker pool was closed')));
    }
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.busy?.batch.reject(new Error('the analysis worker pool was closed'));
        slot.busy = undefined;
        const worker = slot.worker;
        slot.worker = undefined;
        await worker?.terminate();
      })
    );
  }

  /** Queued batches and busy workers, for tests and metrics. */
  stats(): { queuedBatches: number; busyWorkers: number; workers: number } {
    return {
      queuedBatches: this.jobs.reduce((sum, job) => sum + job.queue.length, 0),
      busyWorkers: this.slots.filter((slot) => slot.busy !== undefined).length,
      workers: this.slots.filter((slot) => slot.worker !== undefined).length,
    };
  }

  private cancel(job: Job): void {
    job.queue.splice(0).forEach((batch) => batch.reject(new AnalysisCancelledError()));
    this.forget(job);
    for (const slot of this.slots) {
      if (slot.busy?.batch.job === job) {
        // The worker finishes the batch; its reply is ignored because the batch already settled.
        slot.busy.batch.reject(new AnalysisCancelledError());
      }
    }
  }

  private forget(job: Job): void {
    const index = this.jobs.indexOf(job);
    if (index >= 0) {
      this.jobs.splice(index, 1);
      if (this.turn > index) {
        this.turn--;
      }
    }
  }

  /** The next batch `slot` may run, in round-robin order over the jobs, or undefined. */
  private nextBatch(slot: number): Batch | undefined {
    for (let tried = 0; tried < this.jobs.length; tried++) {
      const index = (this.turn + tried) % this.jobs.length;
      const job = this.jobs[index];
      const position = job.queue.findIndex((queued) => queued.slot === undefined || queued.slot === slot);
      if (position >= 0) {
        const [batch] = job.queue.splice(position, 1);
        this.turn = index + 1;
        if (job.queue.length === 0) {
          this.forget(job);
        }
        return batch;
      }
    }
    return undefined;
  }

  private dispatch(): void {
    if (this.inline) {
      this.scheduleInline();
      return;
    }
    this.slots.forEach((slot, index) => {
      if (slot.busy !== undefined) {
        return;
      }
      const batch = this.nextBatch(index);
      if (batch !== undefined) {
        this.start(slot, batch);
      }
    });
  }

  private start(slot: Slot, batch: Batch): void {
    const worker = slot.worker ?? this.spawn(slot);
    const id = this.nextId++;
    slot.busy = { id, batch };
    worker.ref();
    const request: WorkerRequest = { id, tasks: batch.tasks };
    worker.postMessage(request);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.source!, { eval: true, stdout: true, stderr: true, workerData: this.options.workerData });
    // The plugin's stdout carries the go-plugin handshake only: a worker's output is never passed through.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (reply: WorkerReply) => {
      const busy = slot.busy;
      if (busy === undefined || busy.id !== reply.id) {
        return;
      }
      slot.busy = undefined;
      worker.unref();
      if (reply.error !== undefined) {
        busy.batch.reject(new Error(`analysis worker failed: ${reply.error}`));
      } else {
        busy.batch.resolve(reply.outputs);
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      this.options.onWorkerEvent?.('analysis worker stopped', { threadId: worker.threadId, error: error.message });
      if (slot.worker === worker) {
        slot.worker = undefined;
      }
      const busy = slot.busy;
      slot.busy = undefined;
      busy?.batch.reject(new Error(`analysis worker stopped: ${error.message}`));
      if (!this.closed) {
        this.dispatch();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slot.worker === worker) {
        fail(new Error(`exit code ${code}`));
      }
    });
    worker.unref();
    slot.worker = worker;
    this.options.onWorkerEvent?.('analysis worker started', { threadId: worker.threadId, workers: this.stats().workers });
    return worker;
  }

  /** Inline mode: one batch per macrotask, so I/O callbacks run between batches. */
  private scheduleInline(): void {
    if (this.inlineRunning) {
      return;
    }
    this.inlineRunning = true;
    setImmediate(() => {
      this.inlineRunning = false;
      const batch = this.nextBatch(0);
      if (batch === undefined) {
        return;
      }
      try {
        batch.resolve(batch.tasks.map((task) => computeTask(task)));
      } catch (error) {
        batch.reject(error instanceof Error ? error : new Error(String(error)));
      }
      this.scheduleInline();
    });
  }
}
