/** @jest-environment node */
import type { AnalysisTask, AnomalyOutput, AnomalyTask } from '../analysis/tasks';
import { buildWorkerSource } from './buildWorkerSource';
import { AnalysisCancelledError, WorkerPool } from './workerPool';

function anomalyTask(length: number, spikeAt: number): AnalysisTask {
  const timestamps = Float64Array.from({ length }, (_, i) => 1_700_000_000_000 + i * 60_000);
  const values = Float64Array.from({ length }, (_, i) => 10 + Math.sin(i / 7) + (i === spikeAt ? 50 : 0));
  return { kind: 'anomaly', values, timestamps, detector: 'rolling', sensitivity: 0.5, seasonality: 'none', warmup: 100, stepMs: 60_000, trainingPoints: 100 };
}

describe.each([
  ['worker threads', () => buildWorkerSource({ minify: false })],
  ['inline', () => undefined],
])('WorkerPool (%s)', (_mode, source) => {
  let pool: WorkerPool;

  beforeAll(() => {
    pool = new WorkerPool({ size: 2, source: source() });
  });

  afterAll(async () => {
    await pool.close();
  });

  it('returns the same outputs as the analytics library, in task order', async () => {
    const tasks = [anomalyTask(400, 300), anomalyTask(400, 350)];
    const outputs = (await pool.run(tasks, { jobKey: {} })) as AnomalyOutput[];
    expect(outputs.map((output) => output.kind)).toEqual(['anomaly', 'anomaly']);
    expect(outputs[0].anomalous[300]).toBe(1);
    expect(outputs[1].anomalous[300]).toBe(0);
    expect(outputs[1].anomalous[350]).toBe(1);
  });

  it('turns a failing series into a failed output instead of rejecting the batch', async () => {
    const [output] = await pool.run([{ kind: 'forecast', values: Float64Array.of(1), timestamps: Float64Array.of(0), model: 'auto', horizon: 3, level: 0.95, direction: 'above' }], { jobKey: {} });
    expect(output).toEqual({ kind: 'failed', message: expect.stringMatching(/too few samples/) });
  });

  it('serves jobs round robin: a small job submitted after a large one does not wait for all of it', async () => {
    const finished: string[] = [];
    const large = {};
    const small = {};
    const largeBatches = Array.from({ length: 8 }, (_, i) =>
      pool.run([anomalyTask(3000, 10)], { jobKey: large }).then(() => finished.push(`large${i}`))
    );
    const smallBatch = pool.run([anomalyTask(3000, 10)], { jobKey: small }).then(() => finished.push('small'));
    await Promise.all([...largeBatches, smallBatch]);
    expect(finished.indexOf('small')).toBeLessThan(finished.indexOf('large7'));
    expect(finished.indexOf('small')).toBeLessThanOrEqual(3);
  });

  it('drops the queued batches of a cancelled job and keeps serving others', async () => {
    const controller = new AbortController();
    const cancelled = Array.from({ length: 6 }, () => pool.run([anomalyTask(3000, 10)], { jobKey: controller, signal: controller.signal }));
    controller.abort();
    const results = await Promise.allSettled(cancelled);
    expect(results.every((result) => result.status === 'rejected' && result.reason instanceof AnalysisCancelledError)).toBe(true);
    expect(pool.stats().queuedBatches).toBe(0);
    const [after] = await pool.run([anomalyTask(400, 300)], { jobKey: {} });
    expect(after.kind).toBe('anomaly');
  });

  it('sends a task that continues a saved detector back to the worker holding it; the result equals a cold run', async () => {
    const stateKey = `moving-${_mode}`;
    const task = (length: number): AnomalyTask => ({ ...(anomalyTask(length, 390) as AnomalyTask), outputStart: 300, stateKey });
    const [first] = (await pool.run([task(400)], { jobKey: {}, slot: 1 })) as AnomalyOutput[];
    expect(first.reusedPoints).toBe(0);
    // Another worker does not hold it (inline, the one thread does); slot 1 does, although slot 0 is free.
    const [elsewhere] = (await pool.run([task(401)], { jobKey: {}, slot: 0 })) as AnomalyOutput[];
    expect(elsewhere.reusedPoints).toBe(pool.usesWorkers ? 0 : 400);
    const [next] = (await pool.run([task(402)], { jobKey: {}, slot: 1 })) as AnomalyOutput[];
    expect(next.reusedPoints).toBe(pool.usesWorkers ? 400 : 401);
    const [cold] = (await pool.run([{ ...task(402), stateKey: `${stateKey}-cold` }], { jobKey: {}, slot: 1 })) as AnomalyOutput[];
    expect(cold.reusedPoints).toBe(0);
    expect(next.offset).toBe(300);
    expect(Array.from(next.score)).toEqual(Array.from(cold.score));
    expect(Array.from(next.anomalous)).toEqual(Array.from(cold.anomalous));
    expect(next.anomalous[90]).toBe(1);
  });

  it('lets the event loop run while batches are analysed', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await pool.run(Array.from({ length: 4 }, () => anomalyTask(20_000, 10)), { jobKey: {} }).finally(() => clearInterval(timer));
    // Inline mode runs one batch per macrotask, so ticks happen at least between batches.
    expect(ticks).toBeGreaterThan(0);
  });
});
