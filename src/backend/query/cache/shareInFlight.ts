/**
 * Merges identical work that is in flight at the same time. A dashboard with the same query in two panels,
 * or an alert evaluation that overlaps a panel refresh, would otherwise fetch the same upstream range
 * and run the same analysis twice: the second caller waits for the first one's promise instead.
 *
 * Cancellation is per caller: the shared work runs under its own AbortController, which fires only when
 * every caller waiting for it has gone (its signal fired). A caller that leaves gets a cancelled error at
 * once; the others keep waiting for the result. Once the shared work settles (or is abandoned by
 * everyone) its key is free again, so a later request starts new work (or hits the cache).
 */

interface Shared<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers still waiting for the result. */
  waiting: number;
}

/** Work of one kind in flight, by key (a cache key: same key ⇒ same answer). */
export class InFlight<T> {
  private readonly running = new Map<string, Shared<T>>();
  /** Callers that found work in flight and joined it instead of starting their own. */
  joined = 0;

  /** Keys with work in flight (for tests and metrics). */
  get size(): number {
    return this.running.size;
  }

  /**
   * The result of `work` for `key`: joins the call already running under `key`, or starts `work` with a
   * signal that fires once every caller has left. Rejects with `cancelled()` when the caller's own
   * `signal` fires first.
   */
  run(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>, cancelled: () => Error): Promise<T> {
    if (signal?.aborted) {
      return Promise.reject(cancelled());
    }
    let shared = this.running.get(key);
    if (shared === undefined) {
      const controller = new AbortController();
      const entry: Shared<T> = { controller, waiting: 0, promise: Promise.resolve(undefined as T) };
      entry.promise = work(controller.signal).finally(() => {
        if (this.running.get(key) === entry) {
          this.running.delete(key);
        }
      });
      // The shared promise may reject after every caller left; nobody else observes it then.
      entry.promise.catch(() => undefined);
      this.running.set(key, entry);
      shared = entry;
    } else {
      this.joined++;
    }
    const entry = shared;
    entry.waiting++;
    if (signal === undefined) {
      return entry.promise;
    }
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        entry.waiting--;
        if (entry.waiting === 0) {
          // Nobody wants the result any more: stop the upstream request / analysis and free the key.
          if (this.running.get(key) === entry) {
            this.running.delete(key);
          }
          entry.controller.abort(signal.reason);
        }
        reject(cancelled());
      };
      signal.addEventListener('abort', leave, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        }
      );
    });
  }
}
