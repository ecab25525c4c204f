import { median9 } from '../stats/median9';
import { RobustEwma } from '../stats/robustEwma';
import type { BaselineComponent } from './types';

/** Seasonal cycles the expected value looks back over. */
const CYCLES = 3;
/** Residual scale: robust EWMA with the centre of mass of a 256-point window. */
const RESIDUAL_WINDOW = 256;

/**
 * Seasonal baseline over one or more periods (in points), e.g. a day and a week at once.
 *
 * For each period p the expected value is the median of the values at the same phase in the last
 * three cycles, each taken with its two neighbours (t − kp − 1, t − kp, t − kp + 1 for k = 1..3), so a
 * one-off anomaly in a past cycle and a small phase jitter do not move it (a robust seasonal-naive
 * forecast; Hyndman & Athanasopoulos, FPP §5.2). The scale is the robust exponentially weighted σ of
 * that period's residuals (`RobustEwma`, centre of mass of 256 points; a windowed MAD in O(1)). With several periods, the one whose residual scale is smallest (the best-fitting cycle)
 * gives the expected value, so a weekday/weekend difference is explained by the week when a day
 * cannot. Until one full cycle is stored the component has no opinion (NaN).
 * O(#periods) per point; memory 3 · max(period) + O(1), independent of the series length.
 */
export class SeasonalBaseline implements BaselineComponent {
  expected = NaN;
  scale = NaN;
  surprise = NaN;
  z = NaN;
  readonly periods: number[];
  private readonly history: Float64Array;
  private head = 0; // index where the next value goes
  private stored = 0;
  private readonly residuals: RobustEwma[];
  private readonly candidates = new Float64Array(3 * CYCLES);
  private readonly predictions: Float64Array;

  constructor(periods: number[]) {
    this.periods = periods.filter((p) => Number.isInteger(p) && p >= 2);
    const longest = this.periods.length ? Math.max(...this.periods) : 2;
    this.history = new Float64Array(CYCLES * longest + 2).fill(NaN);
    this.residuals = this.periods.map(() => new RobustEwma(2 / (RESIDUAL_WINDOW + 1)));
    this.predictions = new Float64Array(this.periods.length);
  }

  observe(value: number): void {
    let bestScale = Infinity;
    let bestExpected = NaN;
    for (let j = 0; j < this.periods.length; j++) {
      const prediction = this.predict(this.periods[j]);
      this.predictions[j] = prediction;
      const residuals = this.residuals[j];
      if (prediction === prediction && residuals.n >= 16) {
        const scale = residuals.scale;
        if (scale < bestScale) {
          bestScale = scale;
          bestExpected = prediction;
        }
      }
    }
    if (bestScale < Infinity) {
      this.expected = bestExpected;
      this.scale = Math.max(bestScale, 1e-9 * Math.abs(bestExpected), 1e-12);
    } else {
      this.expected = NaN;
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
      for (let j = 0; j < this.periods.length; j++) {
        if (Number.isFinite(this.predictions[j])) {
          this.residuals[j].update(value - this.predictions[j]);
        }
      }
    }
    this.store(value);
  }

  skip(count: number): void {
    const n = Math.min(count, this.history.length);
    for (let i = 0; i < n; i++) {
      this.store(NaN);
    }
  }

  private store(value: number): void {
    this.history[this.head] = value;
    this.head = this.head + 1 === this.history.length ? 0 : this.head + 1;
    if (this.stored < this.history.length) {
      this.stored++;
    }
  }

  /** Median of the same-phase neighbours over the last cycles (NaN when fewer than 2 are known). */
  private predict(period: number): number {
    const size = this.history.length;
    if (this.stored > CYCLES * period) {
      // Common case, all nine neighbours stored: read them directly and take the median by a network.
      const h = this.history;
      const head = this.head;
      let a = head - period - 1;
      let b = head - 2 * period - 1;
      let c = head - 3 * period - 1;
      a = a < 0 ? a + size : a;
      b = b < 0 ? b + size : b;
      c = c < 0 ? c + size : c;
      // Each triple is (t − kp − 1, t − kp, t − kp + 1), wrapping around the ring.
      const a1 = a + 1 === size ? 0 : a + 1;
      const a2 = a1 + 1 === size ? 0 : a1 + 1;
      const b1 = b + 1 === size ? 0 : b + 1;
      const b2 = b1 + 1 === size ? 0 : b1 + 1;
      const c1 = c + 1 === size ? 0 : c + 1;
      const c2 = c1 + 1 === size ? 0 : c1 + 1;
      const v0 = h[a];
      const v1 = h[a1];
      const v2 = h[a2];
      const v3 = h[b];
      const v4 = h[b1];
      const v5 = h[b2];
      const v6 = h[c];
      const v7 = h[c1];
      const v8 = h[c2];
      if (
        v0 === v0 &&
        v1 === v1 &&
        v2 === v2 &&
        v3 === v3 &&
        v4 === v4 &&
        v5 === v5 &&
        v6 === v6 &&
        v7 === v7 &&
        v8 === v8
      ) {
        return median9(v0, v1, v2, v3, v4, v5, v6, v7, v8);
      }
    }
    let m = 0;
    for (let k = 1; k <= CYCLES; k++) {
      const back = k * period;
      if (back + 1 > this.stored) {
        break;
      }
      for (let d = -1; d <= 1; d++) {
        const lag = back - d; // value at t − kp + d sits `lag` steps back
        if (lag < 1 || lag > this.stored) {
          continue;
        }
        let at = this.head - lag;
        if (at < 0) {
          at += size;
        }
        const v = this.history[at];
        if (v === v) {
          // insertion sort into the small candidates buffer
          let i = m++;
          while (i > 0 && this.candidates[i - 1] > v) {
            this.candidates[i] = this.candidates[i - 1];
            i--;
          }
          this.candidates[i] = v;
        }
      }
    }
    if (m < 2) {
      return NaN;
    }
    const mid = m >> 1;
    return m & 1 ? this.candidates[mid] : 0.5 * (this.candidates[mid - 1] + this.candidates[mid]);
  }
}
