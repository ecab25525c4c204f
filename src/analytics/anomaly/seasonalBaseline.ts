import { QuantumEstimate } from '../stats/quantumEstimate';
import { RobustEwma } from '../stats/robustEwma';
import { tailSurprisal } from '../stats/tailSurprisal';
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
 * The scale is at least the data's quantum (`QuantumEstimate`). The median of the nine is read from
 * sorted triples cached per slot (Paeth's median-of-9 network after its row sorts), so a point costs
 * two medians of three per period. O(#periods) per point; memory 6 · max(period) + O(1), independent
 * of the series length.
 */
export class SeasonalBaseline implements BaselineComponent {
  expected = NaN;
  scale = NaN;
  surprise = NaN;
  surprisal = NaN;
  z = NaN;
  readonly periods: number[];
  private readonly history: Float64Array;
  private head = 0; // index where the next value goes
  private stored = 0;
  private readonly residuals: RobustEwma[];
  private readonly candidates = new Float64Array(3 * CYCLES);
  /**
   * Per slot s, at 3s, 3s + 1, 3s + 2: the sorted triple (x[s−1], x[s], x[s+1]) as low, mid, high
   * (interleaved: one memory stream per cycle looked back); mid is NaN when the triple has a gap.
   */
  private readonly triples: Float64Array;
  private readonly predictions: Float64Array;
  /** The data's quantum; shared with (and updated by) the detector when it passes one in. */
  private readonly resolution: QuantumEstimate;
  private readonly ownsResolution: boolean;
  /**
   * Scratch slots for branch-free selects: the candidates are stored and the chosen one is loaded from
   * an index computed from comparisons (`+(x < y)` is 0 or 1 without a branch). On noisy data the
   * comparisons of a median are coin flips, and a mispredicted branch costs more than a few stores and
   * a load (measured: the seasonal view went from ~85 to ~55 ns per point).
   */
  private readonly pick = new Float64Array(15);
  /** The residual being learnt (passed by array so the number is not boxed per call). */
  private readonly residual = new Float64Array(1);
  /** `observe`'s argument, handed to `observeAt`. */
  private readonly input = new Float64Array(1);

  constructor(periods: number[], resolution?: QuantumEstimate) {
    this.resolution = resolution ?? new QuantumEstimate();
    this.ownsResolution = resolution === undefined;
    this.periods = periods.filter((p) => Number.isInteger(p) && p >= 2);
    const longest = this.periods.length ? Math.max(...this.periods) : 2;
    this.history = new Float64Array(CYCLES * longest + 2).fill(NaN);
    this.triples = new Float64Array(3 * this.history.length).fill(NaN);
    this.residuals = this.periods.map(() => new RobustEwma(2 / (RESIDUAL_WINDOW + 1)));
    this.predictions = new Float64Array(this.periods.length);
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
    let bestScale = Infinity;
    let bestExpected = NaN;
    const periods = this.periods;
    const size = this.history.length;
    const t = this.triples;
    for (let j = 0; j < periods.length; j++) {
      const period = periods[j];
      let prediction = NaN;
      let fast = false;
      if (this.stored > CYCLES * period) {
        // Common case, all three triples complete: with the triples sorted (rows of a 3×3 grid), the
        // median of the nine is the median of (largest low, median of mids, smallest high) — Paeth's
        // median-of-9 network after its row sorts, exactly the 5th smallest of the nine.
        let a = this.head - period;
        let b = a - period;
        let c = b - period;
        a = 3 * (a < 0 ? a + size : a);
        b = 3 * (b < 0 ? b + size : b);
        c = 3 * (c < 0 ? c + size : c);
        const ma = t[a + 1];
        const mb = t[b + 1];
        const mc = t[c + 1];
        if (ma === ma && mb === mb && mc === mc) {
          // Branch-free (see `pick`): noise makes every one of these comparisons a coin flip. Each
          // extreme and median of three is read at an index computed from independent comparisons,
          // so the chain from the triples to the prediction is two loads deep.
          const q = this.pick;
          // lo = max(low a, low b, low c): index of the first largest
          let x0 = t[a];
          let x1 = t[b];
          let x2 = t[c];
          let g10 = +(x1 > x0);
          let g20 = +(x2 > x0);
          let g21 = +(x2 > x1);
          q[0] = x0;
          q[1] = x1;
          q[2] = x2;
          const lo = q[g10 * (1 - g21) + 2 * g20 * g21];
          // hi = min(high a, high b, high c)
          x0 = t[a + 2];
          x1 = t[b + 2];
          x2 = t[c + 2];
          g10 = +(x1 < x0);
          g20 = +(x2 < x0);
          g21 = +(x2 < x1);
          q[3] = x0;
          q[4] = x1;
          q[5] = x2;
          const hi = q[3 + g10 * (1 - g21) + 2 * g20 * g21];
          // mid = median(mid a, mid b, mid c): the value of stable rank 1
          let l01 = +(mb < ma);
          let l02 = +(mc < ma);
          let l12 = +(mc < mb);
          q[6] = ma;
          q[7] = mb;
          q[8] = mc;
          const mid = q[6 + +(1 - l01 + l12 === 1) + 2 * +(2 - l02 - l12 === 1)];
          // prediction = median(lo, mid, hi)
          l01 = +(mid < lo);
          l02 = +(hi < lo);
          l12 = +(hi < mid);
          q[9] = lo;
          q[10] = mid;
          q[11] = hi;
          prediction = q[9 + +(1 - l01 + l12 === 1) + 2 * +(2 - l02 - l12 === 1)];
          fast = true;
        }
      }
      if (!fast) {
        this.predictFromNeighbours(period, j);
        prediction = this.predictions[j];
      }
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
      const relative = 1e-9 * Math.abs(bestExpected);
      let scale = bestScale > relative ? bestScale : relative;
      const quantum = this.resolution.quantum;
      scale = quantum > scale ? quantum : scale;
      this.scale = scale > 1e-12 ? scale : 1e-12;
    } else {
      this.expected = NaN;
      this.scale = NaN;
    }
    if (value - value === 0) {
      if (this.scale > 0) {
        const z = (value - this.expected) / this.scale;
        this.z = z;
        this.surprise = Math.abs(z); // Math.abs is branch-free; a sign test on noise is a coin flip
        this.surprisal = tailSurprisal(this.surprise);
      } else {
        this.z = NaN;
        this.surprise = NaN;
        this.surprisal = NaN;
      }
      for (let j = 0; j < periods.length; j++) {
        const prediction = this.predictions[j];
        if (prediction === prediction) {
          const residual = this.residual;
          residual[0] = value - prediction;
          this.residuals[j].updateAt(residual, 0);
        }
      }
    } else {
      this.z = NaN;
      this.surprise = NaN;
      this.surprisal = NaN;
    }
    if (this.ownsResolution) {
      this.resolution.observe(value);
    }
    this.store(value);
  }

  skip(count: number): void {
    const n = Math.min(count, this.history.length);
    for (let i = 0; i < n; i++) {
      this.store(NaN);
    }
  }

  /**
   * Store the value at the head and sort the triple now complete around the previous slot
   * (t − 2, t − 1, t), so predictions read each past triple sorted instead of sorting nine values.
   */
  private store(value: number): void {
    const h = this.history;
    const size = h.length;
    const head = this.head;
    h[head] = value;
    const centre = head === 0 ? size - 1 : head - 1;
    const before = centre === 0 ? size - 1 : centre - 1;
    const a = h[before];
    const b = h[centre];
    const c = value;
    if (a === a && b === b && c === c) {
      // Sorted without branches (see `pick`): the stable ranks of a, b, c from three independent
      // comparisons give the index of the low, middle and high value.
      const q = this.pick;
      const l01 = +(b < a);
      const l02 = +(c < a);
      const l12 = +(c < b);
      const r1 = 1 - l01 + l12;
      const r2 = 2 - l02 - l12;
      q[12] = a;
      q[13] = b;
      q[14] = c;
      const at = 3 * centre;
      this.triples[at] = q[12 + +(r1 === 0) + 2 * +(r2 === 0)];
      this.triples[at + 1] = q[12 + +(r1 === 1) + 2 * +(r2 === 1)];
      this.triples[at + 2] = q[12 + +(r1 === 2) + 2 * +(r2 === 2)];
    } else {
      this.triples[3 * centre + 1] = NaN;
    }
    this.triples[3 * head + 1] = NaN; // its triple is not complete yet
    this.head = head + 1 === size ? 0 : head + 1;
    if (this.stored < size) {
      this.stored++;
    }
  }

  /**
   * `predictions[j]` = median of the finite same-phase neighbours over the last cycles (NaN when
   * fewer than 2 are known): the general case, after gaps and while fewer than three cycles are
   * stored. Written to a typed array rather than returned, so no boxed double per call.
   */
  private predictFromNeighbours(period: number, j: number): void {
    const size = this.history.length;
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
      this.predictions[j] = NaN;
      return;
    }
    const mid = m >> 1;
    this.predictions[j] = m & 1 ? this.candidates[mid] : 0.5 * (this.candidates[mid - 1] + this.candidates[mid]);
  }
}
