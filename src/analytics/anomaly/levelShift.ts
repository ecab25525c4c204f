import { median5 } from '../stats/median5';
import { QuantumEstimate } from '../stats/quantumEstimate';
import { RobustEwma } from '../stats/robustEwma';
import { tailSurprisal } from '../stats/tailSurprisal';
import type { BaselineComponent } from './types';

/** Recent points whose median is compared with the reference. */
const RECENT = 5;

/**
 * Level-shift (change-point) detector: the median of the last 5 points (the current one included)
 * against the reference level of the points before them — a robust exponentially weighted level and σ
 * (`RobustEwma`, centre of mass of `window` points, fed by the values leaving the recent five, so the
 * reference lags the recent median). A single spike cannot move a median of 5, so this component fires on sustained
 * shifts only, three points after they start — the robust analogue of a two-sample location test on
 * adjacent windows (Basseville & Nikiforov, "Detection of Abrupt Changes", 1993, §2; Hampel 1974).
 * The scale is at least the data's quantum (`QuantumEstimate`), so on counts a one-step move of the
 * median is not an extreme event. Expected value and band describe the reference level. O(1) per
 * point and memory.
 */
export class LevelShift implements BaselineComponent {
  expected = NaN;
  scale = NaN;
  surprise = NaN;
  surprisal = NaN;
  z = NaN;
  private readonly reference: RobustEwma;
  private readonly recent = new Float64Array(RECENT);
  /** `observe`'s argument, handed to `observeAt`. */
  private readonly input = new Float64Array(1);
  private recentHead = 0;
  private recentCount = 0;
  private readonly minReference: number;
  private meanAbsStep = 0;
  private lastValue = NaN;
  private steps = 0;
  /** The data's quantum; shared with (and updated by) the detector when it passes one in. */
  private readonly resolution: QuantumEstimate;
  private readonly ownsResolution: boolean;

  constructor(window: number, resolution?: QuantumEstimate) {
    this.resolution = resolution ?? new QuantumEstimate();
    this.ownsResolution = resolution === undefined;
    this.reference = new RobustEwma(2 / (window + 1));
    this.minReference = Math.min(window, 16);
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
    if (!(value - value === 0)) {
      this.z = NaN;
      this.surprise = NaN;
      this.surprisal = NaN;
      return;
    }
    // The oldest recent value moves into the reference window.
    const r = this.recent;
    const head = this.recentHead;
    if (this.recentCount === RECENT) {
      this.reference.updateAt(r, head);
    } else {
      this.recentCount++;
    }
    r[head] = value;
    this.recentHead = head + 1 === RECENT ? 0 : head + 1;
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

    const reference = this.reference;
    if (reference.n < this.minReference || this.recentCount < RECENT) {
      this.expected = reference.n > 0 ? reference.level : NaN;
      this.scale = NaN;
      this.z = NaN;
      this.surprise = NaN;
      this.surprisal = NaN;
      return;
    }
    const expected = reference.level;
    this.expected = expected;
    let scale = reference.scale;
    const stepFloor = 0.25 * this.meanAbsStep;
    scale = stepFloor > scale ? stepFloor : scale;
    const quantum = this.resolution.quantum;
    scale = quantum > scale ? quantum : scale;
    const relative = 1e-9 * Math.abs(expected);
    scale = relative > scale ? relative : scale;
    scale = scale > 1e-12 ? scale : 1e-12;
    this.scale = scale;
    const z = (median5(r[0], r[1], r[2], r[3], r[4]) - expected) / scale;
    this.z = z;
    this.surprise = Math.abs(z); // Math.abs is branch-free; a sign test on noise is a coin flip
    this.surprisal = tailSurprisal(this.surprise);
  }

  skip(_count: number): void {
    // Gaps do not change levels.
  }
}
