/**
 * A rolling window of the last `capacity` finite values whose order statistics are refreshed once per
 * block of `block` arrivals: median, MAD (median absolute deviation from the median) and mean absolute
 * deviation from the median.
 *
 * Definition: after every `block`-th value the window is the last `capacity` finite values and
 * `median`, `mad`, `meanAbsDev` describe exactly that window; between refreshes they keep the values
 * of the last refresh (a robust baseline moves slowly, so a point is scored against a window that ends
 * at most `block − 1` points before it). A refresh sorts the arriving and the leaving block (insertion
 * sort, k ≤ 32) and merges them into the sorted window in one pass, O(capacity + k²) per block, i.e.
 * O(capacity / k + k) per value with no data-dependent shifting per point (the per-point sorted insert
 * of `createRollingQuantile` costs a shift of ~w/3 elements with unpredictable branches). The MAD is
 * the k-th smallest distance to the median, found by binary search over the two sorted runs of
 * distances on either side of the median (Rousseeuw & Croux 1993 for MAD as a scale estimator).
 * The window is exact when `capacity` is a multiple of `block` (otherwise a partly leaving block gives
 * up its smallest values first). Memory O(capacity), nothing is allocated after construction.
 *
 * @example
 * const w = new BlockSortedWindow(4, 2);
 * w.push(1); w.push(5);   // refresh: window [1, 5], median 3
 * w.push(2); w.push(10);  // refresh: window [1, 5, 2, 10], median 3.5
 * w.push(4); w.push(6);   // refresh: window [2, 10, 4, 6], median 5, mad 1.5, meanAbsDev 2.5
 */
export class BlockSortedWindow {
  readonly capacity: number;
  readonly block: number;
  /** Median of the window at the last refresh (NaN before the first one). */
  median = NaN;
  /** Median absolute deviation from the median (unscaled) at the last refresh. */
  mad = NaN;
  /** Mean absolute deviation from the median at the last refresh. */
  meanAbsDev = NaN;
  /** Number of values in the window at the last refresh. */
  size = 0;
  private readonly ring: Float64Array;
  private ringHead = 0;
  private sorted: Float64Array;
  private spare: Float64Array;
  private readonly pending: Float64Array;
  private pendingCount = 0;
  private readonly leaving: Float64Array;
  private stale = false;

  constructor(capacity: number, block: number) {
    if (!Number.isInteger(capacity) || capacity < 1 || !Number.isInteger(block) || block < 1 || block > capacity) {
      throw new Error(`block window needs integers 1 ≤ block ≤ capacity, got capacity ${capacity}, block ${block}`);
    }
    this.capacity = capacity;
    this.block = block;
    this.ring = new Float64Array(capacity);
    this.sorted = new Float64Array(capacity);
    this.spare = new Float64Array(capacity);
    this.pending = new Float64Array(block);
    this.leaving = new Float64Array(block);
  }

  /** Add a value (non-finite values are ignored); returns true when this value completed a block and the statistics were refreshed. */
  push(value: number): boolean {
    if (!(value - value === 0)) {
      return false;
    }
    if (this.stale) {
      this.rebuild();
    }
    // Insertion into the (small) sorted pending block.
    const p = this.pending;
    let i = this.pendingCount++;
    while (i > 0 && p[i - 1] > value) {
      p[i] = p[i - 1];
      i--;
    }
    p[i] = value;
    if (this.pendingCount === this.block) {
      this.refresh();
      return true;
    }
    return false;
  }

  /**
   * Add a value without keeping the window sorted (one store): for stretches where nobody reads the
   * statistics. The next `push` (or `rebuild`) sorts the window once and refreshes them.
   */
  record(value: number): void {
    if (!(value - value === 0)) {
      return;
    }
    const ring = this.ring;
    const cap = this.capacity;
    let head = this.ringHead;
    for (let j = 0; j < this.pendingCount; j++) {
      ring[head] = this.pending[j];
      head = head + 1 === cap ? 0 : head + 1;
    }
    ring[head] = value;
    this.ringHead = head + 1 === cap ? 0 : head + 1;
    const size = this.size + this.pendingCount + 1;
    this.size = size < cap ? size : cap;
    this.pendingCount = 0;
    this.stale = true;
  }

  /** True after `record`: the statistics describe an older window until the next push or rebuild. */
  get isStale(): boolean {
    return this.stale;
  }

  /** Sort the window again after `record` and refresh the statistics. */
  rebuild(): void {
    const n = this.size;
    const s = this.sorted;
    let at = this.ringHead - n;
    if (at < 0) {
      at += this.capacity;
    }
    for (let i = 0; i < n; i++) {
      s[i] = this.ring[at];
      at = at + 1 === this.capacity ? 0 : at + 1;
    }
    s.subarray(0, n).sort();
    this.stale = false;
    if (n > 0) {
      this.statistics();
    }
  }

  /** Merge the pending block into the window and recompute the statistics. */
  private refresh(): void {
    const k = this.pendingCount;
    const cap = this.capacity;
    const n = this.size;
    const ring = this.ring;
    // The `out` oldest values leave the window; they sit at the ring positions the new block overwrites.
    const out = n + k > cap ? n + k - cap : 0;
    const lv = this.leaving;
    let oldest = this.ringHead - n;
    if (oldest < 0) {
      oldest += cap;
    }
    for (let j = 0; j < out; j++) {
      const v = ring[oldest];
      oldest = oldest + 1 === cap ? 0 : oldest + 1;
      let i = j;
      while (i > 0 && lv[i - 1] > v) {
        lv[i] = lv[i - 1];
        i--;
      }
      lv[i] = v;
    }
    // The new block enters the ring (sorted: when capacity is a multiple of block, a block always
    // leaves as a whole, so the order inside it does not matter).
    const p = this.pending;
    let head = this.ringHead;
    for (let j = 0; j < k; j++) {
      ring[head] = p[j];
      head = head + 1 === cap ? 0 : head + 1;
    }
    this.ringHead = head;
    // One merge pass: old sorted minus leaving plus pending.
    const s = this.sorted;
    const o = this.spare;
    let a = 0;
    let b = 0;
    let c = 0;
    let w = 0;
    while (a < n) {
      const x = s[a++];
      if (b < out && x === lv[b]) {
        b++;
        continue;
      }
      while (c < k && p[c] < x) {
        o[w++] = p[c++];
      }
      o[w++] = x;
    }
    while (c < k) {
      o[w++] = p[c++];
    }
    this.sorted = o;
    this.spare = s;
    this.size = w;
    this.pendingCount = 0;
    this.statistics();
  }

  private statistics(): void {
    const s = this.sorted;
    const n = this.size;
    const mid = n >> 1;
    const center = n & 1 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
    this.median = center;
    // Mean absolute deviation: (sum above the median − sum below it) / n.
    let below = 0;
    let above = 0;
    for (let i = 0; i < mid; i++) {
      below += s[i];
    }
    for (let i = n - mid; i < n; i++) {
      above += s[i];
    }
    this.meanAbsDev = (above - below) / n;
    let split = mid;
    while (split > 0 && s[split - 1] >= center) {
      split--;
    }
    while (split < n && s[split] < center) {
      split++;
    }
    this.mad =
      n & 1
        ? this.kthDistance(center, split, mid)
        : 0.5 * (this.kthDistance(center, split, mid - 1) + this.kthDistance(center, split, mid));
  }

  /** k-th smallest (0-based) |x − center| over the window; `split` = first index with x ≥ center. */
  private kthDistance(center: number, split: number, k: number): number {
    const s = this.sorted;
    const nRight = this.size - split;
    let lo = Math.max(0, k + 1 - nRight);
    let hi = Math.min(k + 1, split);
    while (lo < hi) {
      const i = (lo + hi) >>> 1;
      const j = k - i;
      const leftValue = center - s[split - 1 - i];
      const rightValue = j >= 0 && j < nRight ? s[split + j] - center : Infinity;
      if (leftValue < rightValue) {
        lo = i + 1;
      } else {
        hi = i;
      }
    }
    const i = lo;
    const j = k - i;
    const lastLeft = i > 0 ? center - s[split - i] : -Infinity;
    const lastRight = j >= 0 ? s[split + j] - center : -Infinity;
    return lastLeft > lastRight ? lastLeft : lastRight;
  }
}
