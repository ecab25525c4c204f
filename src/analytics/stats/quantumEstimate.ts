/** Relative growth of the estimate per non-zero step that is larger than it. */
const GROWTH = 1e-3;

/**
 * Causal estimate of a series' resolution (its quantum): the grid step of values that are counts,
 * ratios of small counts, or rounded readings.
 *
 * Definition: a slowly forgetting minimum of the non-zero absolute steps |x_t − x_(t−1)|: a smaller
 * step replaces the estimate, a larger one lets it grow by 0.1 %. On a grid of spacing q the smallest
 * possible change is q, so the estimate settles at q (or at the smallest multiple of q that still
 * occurs); on continuous data tiny steps keep it near zero, so a scale floor built on it costs nothing
 * there. Steps below 1e-9 of the magnitude (floating-point noise of recomputed ratios) are ignored.
 * `quantum` is 0 until the first non-zero step. O(1) time and memory.
 *
 * Use: a change by one quantum is the smallest change such a series can make, so a scale below the
 * quantum (MAD = 0 when most values sit on one level) would make every step of one quantum look like
 * an extreme event; detectors floor their scale at the quantum.
 *
 * @example
 * const q = new QuantumEstimate();
 * [3, 4, 4, 6, 5].forEach((x) => q.observe(x)); // steps 1, 0, 2, 1
 * q.quantum; // 1
 */
export class QuantumEstimate {
  /** Estimated grid step (0 while unknown). */
  quantum = 0;
  private last = NaN;

  /** Learn one value (NaN = gap: the next step is not measured across it). */
  observe(x: number): void {
    const last = this.last;
    this.last = x;
    if (!(x - x === 0) || !(last - last === 0)) {
      return;
    }
    const step = Math.abs(x - last); // branch-free: a sign test on noise is a coin flip
    const magnitude = Math.abs(x); // not `x < 0 ? −x : x`: a select between the argument and a new number makes V8 box it
    if (!(step > 1e-9 * magnitude)) {
      return;
    }
    const q = this.quantum;
    if (!(q > 0) || step < q) {
      this.quantum = step;
    } else {
      const grown = q * (1 + GROWTH);
      this.quantum = grown < step ? grown : step;
    }
  }
}
