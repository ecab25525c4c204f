/**
 * Context novelty: how new is the recent *pattern* of the series, rather than how far is the point
 * from a forecast.
 *
 * Definition: values are quantised into `levels` equal bins over the range [lo, hi] learnt in the
 * warm-up (values outside it fall into overflow bins of the same width, up to `levels` more on either
 * side). The context of order k at time t is the tuple of the last k bins (k = 1..maxOrder). Every
 * context seen is counted in an open-addressing hash table of 32-bit keys; the raw novelty of a point is
 * the fraction of its orders whose context had never been seen before, weighted towards the short
 * orders (a never-seen level counts for every order). This is the idea of the "contextual anomaly
 * detector" (M. Smirnov, CAD OSE, NAB 2016) and of HTM's raw anomaly score (the fraction of the input
 * that was not predicted; Ahmad et al., Neurocomputing 2017) in a form that costs a few hash probes
 * per point. The table is bounded: when it is 60 % full, contexts seen once are forgotten and the other
 * counts halved, so memory is O(2^tableBits) whatever the stream length.
 *
 * @example
 * const c = new ContextNovelty();
 * warmupValues.forEach((v) => c.learn(v)); c.fit();
 * c.observe(nextValue); c.novelty; // 0 = familiar pattern, 1 = never-seen level
 */
export class ContextNovelty {
  /** Raw novelty of the last observed value (NaN before `fit` or for a gap). */
  novelty = NaN;
  private readonly levels: number;
  private readonly maxOrder: number;
  /** Slot i: key at 2i, count at 2i + 1 (one cache line per probe). */
  private readonly table: Int32Array;
  private readonly slots: number;
  private readonly mask: number;
  private used = 0;
  private readonly recent: Int32Array;
  private recentCount = 0;
  private readonly weights: Float64Array;
  private warmup: number[] | null = [];
  private lo = NaN;
  private width = NaN;
  /** Levels per unit of value (1 / width). */
  private inverseWidth = NaN;

  constructor(levels = 12, maxOrder = 6, tableBits = 16) {
    this.levels = levels;
    this.maxOrder = maxOrder;
    this.slots = 1 << tableBits;
    this.table = new Int32Array(2 << tableBits);
    this.mask = (1 << tableBits) - 1;
    this.recent = new Int32Array(maxOrder);
    this.weights = new Float64Array(maxOrder);
    let total = 0;
    for (let k = 0; k < maxOrder; k++) {
      this.weights[k] = 1;
      total += this.weights[k];
    }
    for (let k = 0; k < maxOrder; k++) {
      this.weights[k] /= total;
    }
  }

  /** Before `fit`: remember a warm-up value (NaN for a gap). */
  learn(value: number): void {
    this.warmup?.push(value);
  }

  /**
   * Fix the range from the warm-up values and learn their contexts; returns the raw novelty of each
   * warm-up value as it was learnt (NaN for gaps), so a calibration can start from them.
   */
  fit(): Float64Array {
    const values = this.warmup ?? [];
    this.warmup = null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (v === v) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    const novelty = new Float64Array(values.length).fill(NaN);
    if (lo === Infinity) {
      return novelty;
    }
    const span = hi - lo > 0 ? hi - lo : Math.max(Math.abs(lo) * 1e-3, 1e-9);
    this.lo = lo;
    this.width = span / this.levels;
    this.inverseWidth = this.levels / span;
    for (let i = 0; i < values.length; i++) {
      this.observe(values[i]);
      novelty[i] = this.novelty;
    }
    return novelty;
  }

  /**
   * Set `novelty` to the raw novelty of `value` in [0, 1] (NaN before `fit` or for a gap), then learn
   * its contexts. (A field, not a return value: returning a double from a call that is not inlined
   * allocates.)
   */
  observe(value: number): void {
    if (this.warmup !== null) {
      this.warmup.push(value);
      this.novelty = NaN;
      return;
    }
    if (!(value === value) || !(this.width > 0)) {
      this.recentCount = 0; // a gap breaks the context
      this.novelty = NaN;
      return;
    }
    let level = Math.floor((value - this.lo) * this.inverseWidth);
    const L = this.levels;
    level = level < -L ? -L : level >= 2 * L ? 2 * L - 1 : level;
    // Shift the recent levels (newest first).
    const recent = this.recent;
    for (let k = this.maxOrder - 1; k > 0; k--) {
      recent[k] = recent[k - 1];
    }
    recent[0] = level;
    if (this.recentCount < this.maxOrder) {
      this.recentCount++;
    }
    let novelty = 0;
    let h = 0x9e3779b9 | 0;
    for (let k = 0; k < this.recentCount; k++) {
      h = Math.imul(h ^ (recent[k] + 1000 * (k + 1)), 0x85ebca6b);
      h ^= h >>> 13;
      const key = h === 0 ? 1 : h;
      if (this.bump(key) === 0) {
        novelty += this.weights[k];
      }
    }
    // An incomplete context after a gap has no opinion on the longer orders (they add 0).
    this.novelty = novelty;
  }

  /** Count one occurrence of `key`; returns the count before. */
  private bump(key: number): number {
    const table = this.table;
    let i = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const k = table[2 * i];
      if (k === key) {
        const before = table[2 * i + 1];
        table[2 * i + 1] = before < 0x7fffffff ? before + 1 : before;
        return before;
      }
      if (k === 0) {
        table[2 * i] = key;
        table[2 * i + 1] = 1;
        if (++this.used > 0.6 * this.slots) {
          this.age();
        }
        return 0;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Forget contexts seen once, halve the other counts, and rebuild the table. */
  private age(): void {
    const old = this.table.slice();
    const table = this.table;
    table.fill(0);
    this.used = 0;
    for (let j = 0; j < this.slots; j++) {
      const key = old[2 * j];
      const c = old[2 * j + 1] >> 1;
      if (key !== 0 && c >= 1) {
        let i = (key ^ (key >>> 16)) & this.mask;
        while (table[2 * i] !== 0) {
          i = (i + 1) & this.mask;
        }
        table[2 * i] = key;
        table[2 * i + 1] = c;
        this.used++;
      }
    }
  }
}
