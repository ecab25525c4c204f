import { BlockSortedWindow } from '../stats/blockSortedWindow';
import { QuantumEstimate } from '../stats/quantumEstimate';
import { TUNING } from './tuning';
import { tailSurprisal } from '../stats/tailSurprisal';
import type { BaselineComponent } from './types';

/** 1.4826 · MAD estimates σ for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** √(π/2) · mean absolute deviation estimates σ for normal data. */
export const MEAN_ABS_DEV_TO_SIGMA = 1.2533141373155;

/**
 * Robust rolling baseline: the expected value is the median of the last `window` values and the scale
 * is 1.4826 · MAD of the same window (Hampel identifier; Hampel 1974, Pearson 2002 "Outliers in
 * process modeling and identification"). The window statistics are refreshed once per block of
 * `window / 2` points (`BlockSortedWindow`; 32 for the default window of 64), so a point is judged
 * against the window that ended at most one block before it: strictly the past, never the point
 * itself. A median and MAD move slowly; on NAB, blocks of 8, 16 and 32 score within 0.3 points of
 * each other, and 32 is the cheapest.
 *
 * Scale floors, so a collapsed MAD does not turn every small change into z = ∞:
 * - quantised data: when more than half of the window sits on one value (counts, ratios of small
 *   counts) the MAD is 0 or only the jitter inside one level, while the mean absolute deviation from
 *   the median still sees the other levels; the scale is at least `TUNING.meanAbsDevFloor` (1) ×
 *   1.2533 · (mean absolute deviation), the normal-consistent L1 scale, which equals σ for normal
 *   data, so the scale is the larger of two estimates of the same σ;
 * - resolution: at least the data's quantum (`QuantumEstimate`): a change by one grid step, the
 *   smallest a count can make, is at most a 1σ event;
 * - flat stretches: 1/4 of the typical step between consecutive values, and a relative 1e-9 of the
 *   magnitude.
 * O(window / block + block) per point, O(window) memory.
 */
export class RollingBaseline implements BaselineComponent {
  expected = NaN;
  scale = NaN;
  surprise = NaN;
  surprisal = NaN;
  z = NaN;
  private readonly window: BlockSortedWindow;
  private readonly minCount: number;
  private floor = 0;
  private lastValue = NaN;
  private meanAbsStep = 0;
  /** `observe`'s or `record`'s argument, handed to `observeAt` / `recordAt`. */
  private readonly input = new Float64Array(1);
  private steps = 0;
  /** The data's quantum; shared with (and updated by) the detector when it passes one in. */
  private readonly resolution: QuantumEstimate;
  private readonly ownsResolution: boolean;

  constructor(window: number, resolution?: QuantumEstimate) {
    this.resolution = resolution ?? new QuantumEstimate();
    this.ownsResolution = resolution === undefined;
    const block = Math.max(1, Math.round(window / 2));
    const capacity = Math.max(block, Math.round(window / block) * block);
    this.window = new BlockSortedWindow(capacity, block);
    this.minCount = Math.min(capacity, 8);
  }

  observe(value: number): void {
    this.input[0] = value;
    this.observeAt(this.input, 0);
  }

  /**
   * Same as `observe(values[index])`: the detector passes its point by array, so the number is not
   * boxed for the call (V8 does not inline this method; a double passed to it would be allocated).
   */
  observeAt(values: Float64Array, index: number): void {
    const value = values[index];
    if (this.window.isStale) {
      this.window.rebuild();
      this.refresh();
    }
    // Judge the point against the window as of the last refresh…
    const scale = this.scale;
    if (value - value === 0) {
      if (scale > 0) {
        const z = (value - this.expected) / scale;
        this.z = z;
        this.surprise = Math.abs(z); // Math.abs is branch-free; a sign test on noise is a coin flip
        this.surprisal = tailSurprisal(this.surprise);
      } else {
        this.z = NaN;
        this.surprise = NaN;
        this.surprisal = NaN;
      }
      // …then learn it.
      const last = this.lastValue;
      if (last === last) {
        const step = Math.abs(value - last);
        this.meanAbsStep +=
          this.steps < 1000 ? (step - this.meanAbsStep) / ++this.steps : (step - this.meanAbsStep) * 0.001;
      }
      this.lastValue = value;
      if (this.ownsResolution) {
        this.resolution.observe(value);
      }
      const magnitude = 1e-9 * Math.abs(value);
      this.floor = this.floor * 0.999 > magnitude ? this.floor * 0.999 : magnitude;
      if (this.window.push(value)) {
        this.refresh();
      }
    } else {
      this.z = NaN;
      this.surprise = NaN;
      this.surprisal = NaN;
    }
  }

  /**
   * Learn the value without judging it (z and surprise NaN): for stretches where another view decides.
   * The window only records the value; the next `observe` sorts it once and judges against it as usual.
   */
  record(value: number): void {
    this.input[0] = value;
    this.recordAt(this.input, 0);
  }

  /**
   * Same as `record(values[index])`: the detector passes its point by array, so the number is not
   * boxed for the call (V8 does not inline this method; a double passed to it would be allocated).
   */
  recordAt(values: Float64Array, index: number): void {
    const value = values[index];
    this.z = NaN;
    this.surprise = NaN;
    this.surprisal = NaN;
    if (value - value === 0) {
      const last = this.lastValue;
      if (last === last) {
        const step = Math.abs(value - last);
        this.meanAbsStep +=
          this.steps < 1000 ? (step - this.meanAbsStep) / ++this.steps : (step - this.meanAbsStep) * 0.001;
      }
      this.lastValue = value;
      if (this.ownsResolution) {
        this.resolution.observe(value);
      }
      const magnitude = 1e-9 * Math.abs(value);
      this.floor = this.floor * 0.999 > magnitude ? this.floor * 0.999 : magnitude;
      this.window.record(value);
    }
  }

  skip(_count: number): void {
    // A gap does not change a rolling median; the next value is compared with the last known window.
  }

  /** New median and scale after a block refresh of the window. */
  private refresh(): void {
    const w = this.window;
    this.expected = w.median;
    if (w.size < this.minCount) {
      this.scale = NaN;
      return;
    }
    let scale = MAD_TO_SIGMA * w.mad;
    const spread = TUNING.meanAbsDevFloor * MEAN_ABS_DEV_TO_SIGMA * w.meanAbsDev;
    scale = spread > scale ? spread : scale;
    const stepFloor = 0.25 * this.meanAbsStep;
    scale = stepFloor > scale ? stepFloor : scale;
    const quantum = this.resolution.quantum;
    scale = quantum > scale ? quantum : scale;
    scale = this.floor > scale ? this.floor : scale;
    this.scale = scale > 1e-12 ? scale : 1e-12;
  }
}
