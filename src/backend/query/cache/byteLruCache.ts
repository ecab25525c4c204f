/**
 * A least-recently-used cache bounded by the bytes its values take (as the caller measures them), with a
 * time to live per entry. Used for upstream answers and analysis results: memory stays under
 * `maxBytes` whatever the queries look like, and an entry larger than a quarter of the budget is not
 * kept at all (it would evict everything else for one query).
 */
export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

interface Entry<V> {
  value: V;
  bytes: number;
  expiresAtMs: number;
  /** Last set or get. */
  usedAtMs: number;
}

export interface SetOptions {
  /**
   * Do not evict entries used within this many ms to make room: the new value is not stored instead (and
   * an entry already under its key is removed). For state that is reused on every evaluation: a query
   * with more entries than fit would otherwise evict each one just before it is needed again.
   */
  keepUsedWithinMs?: number;
}

export class ByteLruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(readonly maxBytes: number) {}

  /** The value under `key` if present and not expired; marks it most recently used. */
  get(key: string, nowMs = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAtMs <= nowMs) {
      if (entry !== undefined) {
        this.remove(key, entry);
      }
      this.misses++;
      return undefined;
    }
    // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.usedAtMs = nowMs;
    this.hits++;
    return entry.value;
  }

  /**
   * Stores a value that takes `bytes`; evicts least recently used entries to stay within the budget.
   * Returns whether the value was stored.
   */
  set(key: string, value: V, bytes: number, ttlMs: number, nowMs = Date.now(), options: SetOptions = {}): boolean {
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      this.remove(key, existing);
    }
    if (ttlMs <= 0 || bytes > this.maxBytes / 4) {
      return false;
    }
    if (options.keepUsedWithinMs !== undefined && !this.roomWithout(bytes, nowMs - options.keepUsedWithinMs, nowMs)) {
      return false;
    }
    this.entries.set(key, { value, bytes, expiresAtMs: nowMs + ttlMs, usedAtMs: nowMs });
    this.bytes += bytes;
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.bytes <= this.maxBytes) {
        break;
      }
      this.remove(oldKey, oldEntry);
      this.evictions++;
    }
    return true;
  }

  /** Whether `bytes` fit after evicting only entries expired or last used before `usedBeforeMs`. */
  private roomWithout(bytes: number, usedBeforeMs: number, nowMs: number): boolean {
    let free = this.maxBytes - this.bytes;
    for (const entry of this.entries.values()) {
      if (free >= bytes) {
        return true;
      }
      if (entry.usedAtMs >= usedBeforeMs && entry.expiresAtMs > nowMs) {
        return false;
      }
      free += entry.bytes;
    }
    return free >= bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): CacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses, evictions: this.evictions };
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
