import { createRollingQuantile, type RollingQuantile } from '../stats/rollingQuantile';
import { MAD_REFRESH, MAD_TO_SIGMA } from './rollingBaseline';
import type { BaselineComponent } from './types';

/** Recent points whose median is compared with the reference. */
const RECENT = 5;

/**
 * Level-shift (change-point) detector: the median of the last 5 points (the current one included)
 * against the median of the `window` points before them, in units of that reference window's robust σ
 * (1.4826 · MAD). A single spike cannot move a median of 5, so this component fires on sustained
 * shifts only, three points after they start — the robust analogue of a two-sample location test on
 * adjacent windows (Basseville & Nikiforov, "Detection of Abrupt Changes", 1993, §2; Hampel 1974).
 * Expected value and band describe the reference level. O(log w) per point, O(w) memory.
 */
export class LevelShift implements BaselineComponent {
  expected = NaN;
  scale = NaN;
  surprise = NaN;
  z = NaN;
  private readonly reference: RollingQuantile;
  private readonly recent = new Float64Array(RECENT);
  private readonly sorted = new Float64Array(RECENT);
  private recentHead = 0;
  private recentCount = 0;
  private readonly minReference: number;
  private meanAbsStep = 0;
  private lastValue = NaN;
  private steps = 0;
  private mad = NaN;
  private sinceMad = 0;

  constructor(window: number) {
    this.reference = createRollingQuantile(window);
    this.minReference = Math.min(window, 16);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) {
      this.z = NaN;
      this.surprise = NaN;
      return;
    }
    // The oldest recent value moves into the reference window.
    if (this.recentCount === RECENT) {
      this.reference.push(this.recent[this.recentHead]);
    } else {
      this.recentCount++;
    }
    this.recent[this.recentHead] = value;
    this.recentHead = (this.recentHead + 1) % RECENT;
    if (Number.isFinite(this.lastValue)) {
      this.steps++;
      this.meanAbsStep += (Math.abs(value - this.lastValue) - this.meanAbsStep) / Math.min(this.steps, 1000);
    }
    this.lastValue = value;

    if (this.reference.size() < this.minReference || this.recentCount < RECENT) {
      this.expected = this.reference.size() > 0 ? this.reference.median() : NaN;
      this.scale = NaN;
      this.z = NaN;
      this.surprise = NaN;
      return;
    }
    this.expected = this.reference.median();
    if (this.sinceMad++ % MAD_REFRESH === 0) {
      this.mad = MAD_TO_SIGMA * this.reference.mad();
    }
    this.scale = Math.max(this.mad, 0.25 * this.meanAbsStep, 1e-9 * Math.abs(this.expected), 1e-12);
    this.z = (this.recentMedian() - this.expected) / this.scale;
    this.surprise = Math.abs(this.z);
  }

  skip(_count: number): void {
    // Gaps do not change levels.
  }

  private recentMedian(): number {
    for (let i = 0; i < RECENT; i++) {
      const v = this.recent[i];
      let j = i;
      while (j > 0 && this.sorted[j - 1] > v) {
        this.sorted[j] = this.sorted[j - 1];
        j--;
      }
      this.sorted[j] = v;
    }
    return this.sorted[RECENT >> 1];
  }
}
