/**
 * Robust exponentially weighted level and scale: an O(1) replacement for a rolling median and MAD.
 *
 * Definition: with e = x − level, the level moves by α·clip(e, ±c·σ) and the mean absolute deviation
 * d by β·(min(|e|, c·σ) − d), where σ = √(π/2)·d is the normal-consistent scale (c = 3). Clipping the
 * innovation (Huber's ψ) keeps a single spike from moving the level or blowing up the scale, so the
 * estimator behaves like a Hampel filter without a window: the same "robust filter" idea as
 * Ruckdeschel et al. / Masreliez's robust Kalman filter, here in its simplest exponential form. The
 * first points use α = β = 1/n so the start is an ordinary running mean. O(1) time, O(1) memory.
 *
 * @example
 * const e = new RobustEwma(0.05, 0.02);
 * [10, 11, 9, 10, 100, 10].forEach((x) => e.update(x)); // e.level ≈ 10, e.scale stays ≈ 1
 */
export class RobustEwma {
  /** Current level (NaN before the first value). */
  level = NaN;
  /** Normal-consistent robust scale σ (NaN before two values). */
  scale = NaN;
  private meanAbs = 0;
  private count = 0;
  private readonly alpha: number;
  private readonly beta: number;
  /** From this count on 1/n ≤ α and 1/(n − 1) ≤ β: the start-up averaging is over. */
  private readonly settled: number;
  private readonly scratch = new Float64Array(1);

  /** @param alpha - level smoothing (≈ 2/(w+1) for a window of w points); @param beta - scale smoothing */
  constructor(alpha: number, beta = alpha) {
    this.alpha = alpha;
    this.beta = beta;
    this.settled = Math.ceil(Math.max(1 / alpha, 1 / beta + 1)) + 1;
  }

  /** Number of values seen. */
  get n(): number {
    return this.count;
  }

  /** Learn one finite value. */
  update(x: number): void {
    this.scratch[0] = x;
    this.updateAt(this.scratch, 0);
  }

  /**
   * Learn `values[index]` (finite). Same as `update(values[index])`, but no number crosses a call
   * boundary: in V8 a computed double passed to a call that is not inlined is boxed (an allocation per
   * point); an array and an index are not.
   */
  updateAt(values: Float64Array, index: number): void {
    const x = values[index];
    const n = ++this.count;
    if (n === 1) {
      this.level = x;
      return;
    }
    const e = x - this.level;
    const ae = Math.abs(e); // branch-free: a sign test on noise is a coin flip
    const sigma = this.scale;
    let a = this.alpha;
    let b = this.beta;
    if (n < this.settled) {
      a = 1 / n > a ? 1 / n : a;
      b = 1 / (n - 1) > b ? 1 / (n - 1) : b;
    }
    if (n > 8 && sigma > 0) {
      const c = 3 * sigma;
      this.level += a * (e > c ? c : e < -c ? -c : e);
      this.meanAbs += b * ((ae > c ? c : ae) - this.meanAbs);
    } else {
      this.level += a * e;
      this.meanAbs += b * (ae - this.meanAbs);
    }
    this.scale = 1.2533141373155 * this.meanAbs;
  }
}
