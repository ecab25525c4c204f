import { detectPeriods } from '../seasonality/detectPeriods';
import { createRollingQuantile } from '../stats/rollingQuantile';
import { upperTailSurprisal } from '../stats/upperTailSurprisal';
import { AnomalyLikelihood } from './anomalyLikelihood';
import { ContextNovelty } from './contextNovelty';
import { QuantumEstimate } from '../stats/quantumEstimate';
import { LevelShift } from './levelShift';
import { RollingBaseline } from './rollingBaseline';
import { SeasonalBaseline } from './seasonalBaseline';
import { TUNING } from './tuning';
import { bandWidthForSensitivity } from './sensitivity';
import type { AnomalyParams, AnomalyPoint, DetectorName, StreamingDetector } from './types';

const DEFAULT_WARMUP = 288;
const DEFAULT_WINDOW = 64;
/** Timestamp steps whose median is the regular step. */
const STEP_WINDOW = 63;
/** History the likelihood compares against (HTM's `historicWindowSize`, 30 days of 5-minute data). */
const LONG_WINDOW = 8640;
/** log10 of small Bonferroni factors (index 0 unused: factors are ≥ 1). */
const LOG10 = Float64Array.from({ length: 9 }, (_, i) => (i > 0 ? Math.log10(i) : 0));
/** Longest history kept for period detection. */
const PERIOD_BUFFER = 8192;

/**
 * Create a streaming anomaly detector (see docs/anomaly.md).
 *
 * Each update predicts the point from the past (expected value and robust σ of the chosen baseline:
 * rolling median/MAD, seasonal, level shift, or all three for `auto`), turns the deviation into a
 * surprisal (−log10 of its two-sided normal tail, the largest over the components for `auto`), and
 * calibrates it with the anomaly likelihood: score = −log10(Q(short mean vs. its own history)) / 10,
 * clipped to [0, 1]. The band is expected ± k(sensitivity)·σ. Everything is causal and O(log w) per
 * point; memory is bounded by the windows, not the stream length.
 *
 * @example
 * const detector = createDetector({ detector: 'auto', warmup: 100 });
 * for (let i = 0; i < values.length; i++) {
 *   const { score, anomalous } = detector.update(timestamps[i], values[i]);
 * }
 */
export function createDetector(params: AnomalyParams = {}): StreamingDetector {
  return new Detector(params);
}

class Detector implements StreamingDetector {
  readonly warmup: number;
  /** Points after an onset report during which only a higher score is reported again. */
  private readonly refractory: number;
  private readonly name: DetectorName;
  private readonly bandWidth: number;
  private readonly seasonality: 'auto' | 'none' | number[];
  private readonly rolling: RollingBaseline | null;
  /** The seasonal view replaces the rolling one whenever it can judge (auto and seasonal detectors). */
  private readonly seasonalJudges: boolean;
  private readonly levelShift: LevelShift | null;
  private seasonal: SeasonalBaseline | null = null;
  /** One anomaly likelihood per view. */
  private readonly rollingLikelihood = new AnomalyLikelihood(TUNING.shortWindow, LONG_WINDOW);
  private readonly levelLikelihood = new AnomalyLikelihood(TUNING.shortWindow, LONG_WINDOW);
  /** Novelty moves in steps of 1/order: one new context order is at most a 2σ move of its short mean. */
  private readonly contextLikelihood = new AnomalyLikelihood(
    TUNING.shortWindow,
    LONG_WINDOW,
    1 / (2 * TUNING.contextOrder * TUNING.shortWindow)
  );
  private seasonalLikelihood = new AnomalyLikelihood(TUNING.shortWindow, LONG_WINDOW);
  /** The data's quantum, learnt once per point and shared by the views' scale floors. */
  private readonly resolution = new QuantumEstimate();
  /** The point being processed, handed to the views by array (no boxed number per call). */
  private readonly input = new Float64Array(1);
  /** Raw scores handed to the likelihoods (by array: no boxed number per call). */
  private readonly raws = new Float64Array(4);
  /** Slots for branch-free selects: after `pick[i] = x; pick[i + 1] = y`, `pick[i + +(c)]` is `c ? y : x`. */
  private readonly pick = new Float64Array(6);
  /** Tuning read once (the benchmark sets it before creating detectors); 1 or 0, or-ed into an index. */
  private readonly contextOnly = TUNING.contextOnly === 1 ? 1 : 0;
  private readonly bonferroni = TUNING.bonferroni > 0 ? TUNING.bonferroni : 0;
  private readonly inverseLogTailFloor = 1 / TUNING.logTailFloor;
  private readonly context: ContextNovelty | null;
  private readonly output: AnomalyPoint = {
    expected: NaN,
    lower: NaN,
    upper: NaN,
    score: NaN,
    onset: NaN,
    anomalous: 0,
  };
  private readonly steps = createRollingQuantile(STEP_WINDOW);
  /** Median timestamp step (after the last push), the last step pushed and how many equal ones in a row. */
  private step = NaN;
  private lastStep = NaN;
  private sameSteps = 0;
  private lastTimestamp = NaN;
  private count = 0;
  private gapPoints = 0;
  private readonly messages: string[] = [];
  // Period detection (seasonality 'auto'): recent values, and when to look next.
  private periodBuffer: Float64Array | null = null;
  private periodBufferCount = 0;
  private nextPeriodCheck = 0;
  private periodCheckDue = false;
  // Event suppression: the last reported score and when it was reported.
  private lastReported = 0;
  private lastReportedAt = -Infinity;

  constructor(params: AnomalyParams) {
    this.name = params.detector ?? 'auto';
    if (!['auto', 'rolling', 'seasonal', 'changepoint'].includes(this.name)) {
      throw new Error(`unknown anomaly detector "${this.name}"; use auto, rolling, seasonal or changepoint`);
    }
    const window = Math.max(8, Math.round(params.window ?? DEFAULT_WINDOW));
    this.warmup = Math.max(16, Math.round(params.warmup ?? DEFAULT_WARMUP));
    this.bandWidth = bandWidthForSensitivity(params.sensitivity ?? 0.5);
    this.refractory = Math.max(1, Math.round(TUNING.refractoryOfWarmup * this.warmup));
    this.seasonality = this.name === 'rolling' || this.name === 'changepoint' ? 'none' : (params.seasonality ?? 'auto');
    this.rolling =
      this.name === 'auto' || this.name === 'rolling' || this.name === 'seasonal'
        ? new RollingBaseline(window, this.resolution)
        : null;
    this.seasonalJudges = this.name === 'auto' || this.name === 'seasonal';
    this.levelShift =
      this.name === 'auto' || this.name === 'changepoint' ? new LevelShift(2 * window, this.resolution) : null;
    this.context = this.name === 'auto' ? new ContextNovelty(TUNING.contextLevels, TUNING.contextOrder) : null;
    if (Array.isArray(this.seasonality)) {
      this.seasonal = new SeasonalBaseline(this.seasonality, this.resolution);
    } else if (this.seasonality === 'auto') {
      this.periodBuffer = new Float64Array(Math.max(PERIOD_BUFFER, this.warmup));
      this.nextPeriodCheck = this.warmup;
    }
    this.messages.push(`Warm-up: the first ${this.warmup} points are used for learning and get no score.`);
  }

  notices(): string[] {
    const notes = [...this.messages];
    if (this.count < this.warmup) {
      notes.push(`Not enough data yet: ${this.count} of ${this.warmup} warm-up points seen, no scores so far.`);
    }
    if (this.gapPoints > 0) {
      notes.push(`${this.gapPoints} missing points (gaps or NaN values) were skipped.`);
    }
    return notes;
  }

  update(timestampMs: number, value: number): AnomalyPoint {
    // Timestamps: the regular step again is the common case and costs two comparisons.
    const dt = timestampMs - this.lastTimestamp;
    if (dt === this.step && this.sameSteps >= STEP_WINDOW) {
      this.lastTimestamp = timestampMs;
    } else {
      const missing = this.missingBefore(timestampMs);
      if (missing > 0) {
        this.skip(missing);
      }
    }
    if (value - value === 0) {
      this.input[0] = value;
    } else {
      this.gapPoints++;
      this.input[0] = NaN;
    }
    return this.process();
  }

  /**
   * The point itself (`input[0]`, finite or NaN). Passed by array, to this method and to the views'
   * `observeAt`/`recordAt`: a double passed to a call V8 does not inline is boxed, an allocation per
   * point and call.
   */
  private process(): AnomalyPoint {
    const input = this.input;
    const value = input[0];
    const out = this.output;
    const count = ++this.count;
    if (this.periodCheckDue) {
      this.detectSeasonality(); // on the history before this point
    }

    // Each view predicts the point from the past, then learns it.
    const seasonal = this.seasonal;
    if (seasonal !== null) {
      seasonal.observeAt(input, 0);
    }
    const seasonalJudging = seasonal !== null && this.seasonalJudges && seasonal.surprise === seasonal.surprise;
    const rolling = this.rolling;
    if (rolling !== null) {
      // While the seasonal view judges, the rolling view decides nothing: it only records the value
      // (its window is sorted again when it is next asked).
      if (seasonalJudging) {
        rolling.recordAt(input, 0);
      } else {
        rolling.observeAt(input, 0);
      }
    }
    const levelShift = this.levelShift;
    if (levelShift !== null) {
      levelShift.observeAt(input, 0);
    }
    this.resolution.observe(value); // after the views: they judged this point with the quantum before it
    if (this.periodBuffer !== null) {
      this.appendForPeriods(value);
    }
    const context = this.context;
    let novelty = NaN;
    if (context !== null) {
      if (count === this.warmup) {
        this.fitContext(); // reads the point from `input`: a number passed here would be boxed on every point
      } else {
        context.observe(value);
        novelty = context.novelty;
      }
    }

    // Calibrate each view's surprisal by its own likelihood; the largest standardised z wins.
    let best = -Infinity;
    let asked = 0;
    const raws = this.raws;
    if (seasonalJudging) {
      // With a cycle, a rolling median mistakes the daily swing for anomalies: the seasonal view is
      // trusted whenever it can judge.
      const likelihood = this.seasonalLikelihood;
      raws[0] = seasonal.surprisal;
      likelihood.updateAt(raws, 0);
      const z = likelihood.z;
      if (z === z) {
        best = z;
        asked++;
      }
    } else {
      if (seasonal !== null) {
        raws[0] = seasonal.surprisal;
        this.seasonalLikelihood.updateAt(raws, 0);
      }
      if (rolling !== null) {
        const likelihood = this.rollingLikelihood;
        raws[1] = rolling.surprisal;
        likelihood.updateAt(raws, 1);
        const z = likelihood.z;
        if (z === z) {
          best = z;
          asked++;
        }
      }
    }
    if (levelShift !== null) {
      const likelihood = this.levelLikelihood;
      raws[2] = levelShift.surprisal;
      likelihood.updateAt(raws, 2);
      const z = likelihood.z;
      if (z === z) {
        // The larger z, branch-free (which view is more surprised is a coin flip on noise).
        const pick = this.pick;
        pick[0] = best;
        pick[1] = z;
        best = pick[+(z > best)];
        asked++;
      }
    }
    if (context !== null) {
      const likelihood = this.contextLikelihood;
      raws[3] = novelty;
      likelihood.updateAt(raws, 3);
      const z = likelihood.z;
      if (z === z) {
        const pick = this.pick;
        pick[2] = best;
        pick[3] = z;
        best = pick[2 + (+(z > best) | this.contextOnly)];
        asked++;
      }
    }

    // Expected value and band: the seasonal baseline when it has one, else the rolling one.
    let expected = NaN;
    let scale = NaN;
    if (seasonal !== null && seasonal.expected === seasonal.expected) {
      expected = seasonal.expected;
      scale = seasonal.scale;
    } else if (rolling !== null) {
      expected = rolling.expected;
      scale = rolling.scale;
    } else if (levelShift !== null) {
      expected = levelShift.expected;
      scale = levelShift.scale;
    }
    const halfWidth = this.bandWidth * scale;
    const lower = expected - halfWidth;
    const upper = expected + halfWidth;
    out.expected = expected;
    out.lower = lower;
    out.upper = upper;

    if (count <= this.warmup || !(value === value) || asked === 0) {
      out.score = NaN;
      out.onset = NaN;
      out.anomalous = 0;
      return out;
    }
    // score = min(1, −log10(min(1, factor·Q(best))) / logTailFloor), as (−log10 Q − log10 factor) from a table.
    const factor = asked > 1 ? this.bonferroni || asked : 1;
    const raw = (upperTailSurprisal(best) - LOG10[factor < LOG10.length ? factor : 0]) * this.inverseLogTailFloor;
    // Clipped to [0, 1]; the lower clip branch-free (whether the raw score is above 0 is a coin flip
    // on quiet data), NaN gives 0 as before.
    const pick = this.pick;
    pick[4] = 0;
    pick[5] = raw;
    const positive = pick[4 + +(raw > 0)];
    const score = raw > 1 ? 1 : positive;
    out.score = score;
    // Onset: the score where a new event starts. An event is a chain of reports; within `refractory`
    // points of the last report only a higher score is reported again (a stronger phase of the same
    // event), everything else is 0. With scores capped at 1 a chain ends at the first 1.
    if (count - this.lastReportedAt < this.refractory && !(score > this.lastReported)) {
      out.onset = 0;
    } else {
      out.onset = score;
      if (score > 0) {
        this.lastReported = score;
        this.lastReportedAt = count;
      }
    }
    out.anomalous = value > upper ? 1 : value < lower ? -1 : 0;
    return out;
  }

  /** Record `missing` points lost in a timestamp gap (seasonal phases stay aligned). */
  private skip(missing: number): void {
    this.gapPoints += missing;
    this.resolution.observe(NaN); // no step is measured across a gap
    this.rolling?.skip(missing);
    this.levelShift?.skip(missing);
    this.seasonal?.skip(missing);
    for (let i = 0; i < missing && this.periodBuffer !== null; i++) {
      this.appendForPeriods(NaN);
    }
  }

  /** End of warm-up: fix the context range and calibrate the novelty likelihood on the warm-up. */
  private fitContext(): void {
    const context = this.context!;
    context.learn(this.input[0]);
    const replay = context.fit();
    // Skip the first part of the replay, when every context is new.
    const likelihood = this.contextLikelihood;
    for (let i = Math.floor(TUNING.contextCalibrationSkip * replay.length); i < replay.length; i++) {
      likelihood.update(replay[i]);
    }
  }

  /** Points missing between the previous timestamp and this one, judged against the median step. */
  private missingBefore(timestampMs: number): number {
    // (The caller handles the regular step; this is the general case.)
    if (!Number.isFinite(timestampMs)) {
      return 0;
    }
    const last = this.lastTimestamp;
    this.lastTimestamp = timestampMs;
    if (!Number.isFinite(last)) {
      return 0;
    }
    const dt = timestampMs - last;
    if (!(dt > 0)) {
      return 0;
    }
    if (dt === this.step && this.sameSteps >= STEP_WINDOW) {
      return 0; // the regular step again: the step window holds nothing else, so nothing changes
    }
    const step = this.steps.size() >= 8 ? this.steps.median() : NaN;
    this.steps.push(dt);
    this.sameSteps = dt === this.lastStep ? this.sameSteps + 1 : 1;
    this.lastStep = dt;
    this.step = this.steps.median();
    if (!(step > 0) || dt < 1.5 * step) {
      return 0;
    }
    return Math.round(dt / step) - 1;
  }

  /** Keep the value for period detection; a detection is due (at the next point) at warm-up, 2×, 4×, … */
  private appendForPeriods(value: number): void {
    const buffer = this.periodBuffer!;
    if (this.periodBufferCount < buffer.length) {
      buffer[this.periodBufferCount++] = value;
    }
    if (this.periodBufferCount === this.nextPeriodCheck) {
      this.periodCheckDue = true;
    }
  }

  /** Look for periods in the history so far; (re)build the seasonal baseline from it when they change. */
  private detectSeasonality(): void {
    this.periodCheckDue = false;
    const buffer = this.periodBuffer!;
    this.nextPeriodCheck = this.periodBufferCount * 2 <= buffer.length ? this.periodBufferCount * 2 : buffer.length;
    if (this.periodBufferCount >= buffer.length) {
      this.periodBuffer = null; // enough history looked at; free it after this look
    }
    const history = buffer.subarray(0, this.periodBufferCount);
    const step = this.steps.size() > 0 ? this.steps.median() : undefined;
    const periods = detectPeriods(history, { stepMs: step, maxPeriod: Math.floor(history.length / 2) });
    const current = this.seasonal?.periods ?? [];
    if (periods.length === 0 || periods.join(',') === current.join(',')) {
      return;
    }
    const seasonal = new SeasonalBaseline(periods, this.resolution);
    const likelihood = new AnomalyLikelihood(TUNING.shortWindow, LONG_WINDOW);
    for (let i = 0; i < history.length; i++) {
      seasonal.observe(history[i]);
      likelihood.update(seasonal.surprisal);
    }
    this.seasonal = seasonal;
    this.seasonalLikelihood = likelihood;
    this.messages.push(
      `Seasonality: detected period${periods.length > 1 ? 's' : ''} of ${periods.join(' and ')} points after ${history.length} points.`
    );
  }
}
