import { createRollingQuantile, type RollingQuantile } from '../stats/rollingQuantile';
import type { BaselineComponent } from './types';

/** 1.4826 · MAD estimates σ for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** Window MADs are recomputed every this many points (a scale drifts slowly; this saves time). */
export const MAD_REFRESH = 16;

/**
 * Robust rolling baseline: the expected value is the median of the last `window` values and the scale
 * is 1.4826 · MAD of the same window (Hampel identifier; Hampel 1974, Pearson 2002 "Outliers in
 * process modeling and identification"). The point is predicted before it joins the window, so a
 * spike is judged against the past only. A floor on the scale (a fraction of the long-run level
 * change, see `scaleFloor`) keeps flat series from producing infinite z-scores on the first wiggle.
 * O(log w) per point, O(w) memory.
 */
export class RollingBaseline implements BaselineComponent {
  expected = NaN;
  scale = NaN;
  surprise = NaN;
  z = NaN;
  private readonly window: RollingQuantile;
  private readonly minCount: number;
  private floor: number;
  private lastValue = NaN;
  private meanAbsStep = 0;
  private steps = 0;
  private mad = NaN;
  private sinceMad = 0;

  constructor(window: number) {
    this.window = createRollingQuantile(window);
    this.minCount = Math.min(window, 8);
    this.floor = 0;
  }

  observe(value: number): void {
    const count = this.window.size();
    if (count >= this.minCount) {
      this.expected = this.window.median();
      // The MAD moves slowly; refreshing it every few points keeps the cost per point low.
      if (this.sinceMad++ % MAD_REFRESH === 0) {
        this.mad = MAD_TO_SIGMA * this.window.mad();
      }
      this.scale = Math.max(this.mad, this.scaleFloor());
    } else {
      this.expected = count > 0 ? this.window.median() : NaN;
      this.scale = NaN;
    }
    if (Number.isFinite(value) && this.scale > 0) {
      this.z = (value - this.expected) / this.scale;
      this.surprise = Math.abs(this.z);
    } else {
      this.z = NaN;
      this.surprise = NaN;
    }
    if (Number.isFinite(value)) {
      if (Number.isFinite(this.lastValue)) {
        this.steps++;
        this.meanAbsStep += (Math.abs(value - this.lastValue) - this.meanAbsStep) / Math.min(this.steps, 1000);
      }
      this.lastValue = value;
      this.floor = Math.max(this.floor * 0.999, 1e-9 * Math.abs(value));
      this.window.push(value);
    }
  }

  skip(_count: number): void {
    // A gap does not change a rolling median; the next value is compared with the last known window.
  }

  /**
   * Smallest scale allowed: 1/4 of the typical step between consecutive values, or a relative 1e-9
   * of the magnitude, so a constant window (MAD = 0) does not turn every change into z = ∞.
   */
  private scaleFloor(): number {
    return Math.max(0.25 * this.meanAbsStep, this.floor, 1e-12);
  }
}
