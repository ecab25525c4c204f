import { detectPeriods } from '../seasonality/detectPeriods';
import { createRollingQuantile } from '../stats/rollingQuantile';
import { tailSurprisal } from '../stats/tailSurprisal';
import { upperTailSurprisal } from '../stats/upperTailSurprisal';
import { AnomalyLikelihood } from './anomalyLikelihood';
import { ContextNovelty } from './contextNovelty';
import { LevelShift } from './levelShift';
import { RollingBaseline } from './rollingBaseline';
import { SeasonalBaseline } from './seasonalBaseline';
import { TUNING } from './tuning';
import { bandWidthForSensitivity } from './sensitivity';
import type { AnomalyParams, AnomalyPoint, BaselineComponent, DetectorName, StreamingDetector } from './types';

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
  /** One anomaly likelihood per view: the main baseline (rolling, then seasonal once known) and the level shift. */
  /** One anomaly likelihood per view: rolling, level shift, context novelty, seasonal. */
  private likelihoods = [0, 1, 2, 3].map(() => new AnomalyLikelihood(TUNING.shortWindow, LONG_WINDOW));
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
  // Event suppression: the last reported score and when it was reported.
  private lastReported = 0;
  private lastReportedAt = -Infinity;
  private novelty = NaN;
  /** Score of the current point (set by `combineScore`). */
  private score = NaN;

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
      this.name === 'auto' || this.name === 'rolling' || this.name === 'seasonal' ? new RollingBaseline(window) : null;
    this.seasonalJudges = this.name === 'auto' || this.name === 'seasonal';
    this.levelShift = this.name === 'auto' || this.name === 'changepoint' ? new LevelShift(2 * window) : null;
    this.context = this.name === 'auto' ? new ContextNovelty(TUNING.contextLevels, TUNING.contextOrder) : null;
    if (Array.isArray(this.seasonality)) {
      this.seasonal = new SeasonalBaseline(this.seasonality);
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
    const out = this.output;
    const missing = this.missingBefore(timestampMs);
    if (missing > 0) {
      this.gapPoints += missing;
      this.rolling?.skip(missing);
      this.levelShift?.skip(missing);
      this.seasonal?.skip(missing);
      for (let i = 0; i < missing; i++) {
        this.bufferForPeriods(NaN);
      }
    }
    if (!Number.isFinite(value)) {
      this.gapPoints++;
      value = NaN;
    }
    this.count++;
    const seasonal = this.seasonal;
    if (seasonal) {
      seasonal.observe(value);
    }
    const rolling = this.rolling;
    if (rolling) {
      // While the seasonal view judges, the rolling view decides nothing: it only records the value
      // (its window is sorted again when it is next asked).
      if (seasonal && this.seasonalJudges && seasonal.surprise === seasonal.surprise) {
        rolling.record(value);
      } else {
        rolling.observe(value);
      }
    }
    this.levelShift?.observe(value);
    this.bufferForPeriods(value);
    let novelty = NaN;
    if (this.context) {
      if (this.count === this.warmup) {
        this.context.learn(value);
        const replay = this.context.fit();
        // Calibrate the novelty likelihood on the warm-up (skipping its first part, when every context is new).
        const skipFrac = TUNING.contextCalibrationSkip;
        for (let i = Math.floor(skipFrac * replay.length); i < replay.length; i++) {
          this.likelihoods[2].update(replay[i]);
        }
      } else {
        this.context.observe(value);
        novelty = this.context.novelty;
      }
    }
    this.novelty = novelty;

    // Expected value and band: the seasonal baseline when it has one, else the rolling one.
    const base: BaselineComponent | null =
      this.seasonal && Number.isFinite(this.seasonal.expected) ? this.seasonal : (this.rolling ?? this.levelShift);
    out.expected = base ? base.expected : NaN;
    const halfWidth = base ? this.bandWidth * base.scale : NaN;
    out.lower = out.expected - halfWidth;
    out.upper = out.expected + halfWidth;

    this.combineScore();
    const score = this.score;
    if (this.count <= this.warmup || !(value === value)) {
      out.score = NaN;
      out.onset = NaN;
      out.anomalous = 0;
      return out;
    }
    out.score = score;
    // Onset: the score where a new event starts. An event is a chain of reports; within `refractory`
    // points of the last report only a higher score is reported again (a stronger phase of the same
    // event), everything else is 0. With scores capped at 1 a chain ends at the first 1.
    if (this.count - this.lastReportedAt < this.refractory && !(score > this.lastReported)) {
      out.onset = 0;
    } else {
      out.onset = score;
      if (score > 0) {
        this.lastReported = score;
        this.lastReportedAt = this.count;
      }
    }
    out.anomalous = value > out.upper ? 1 : value < out.lower ? -1 : 0;
    return out;
  }

  /**
   * Score of the point: each view's surprisal is calibrated by its own anomaly likelihood (so a view
   * that is noisy on this series does not dominate), the largest standardised likelihood z wins, its
   * normal tail Q(z) gets a Bonferroni factor for the number of views asked, and
   * score = min(1, −log10(min(1, factor·Q)) / logTailFloor) — computed as (−log10 Q − log10 factor)
   * from a table, without an exp or a log per point.
   */
  private combineScore(): void {
    const seasonalReady = this.seasonal !== null && this.seasonal.surprise === this.seasonal.surprise;
    let best = -Infinity;
    let asked = 0;
    // Both views are calibrated all along; with a cycle, a rolling median mistakes the daily swing
    // for anomalies, so the seasonal view is trusted once it can judge.
    const r = this.rolling;
    let rollingZ = NaN;
    if (r) {
      this.likelihoods[0].update(tailSurprisal(r.surprise));
      rollingZ = this.likelihoods[0].z;
    }
    const s = this.seasonal;
    let seasonalZ = NaN;
    if (s) {
      this.likelihoods[3].update(tailSurprisal(s.surprise));
      seasonalZ = this.likelihoods[3].z;
    }
    const useSeasonal = (this.name === 'seasonal' || this.name === 'auto') && seasonalReady && seasonalZ === seasonalZ;
    const mainZ = useSeasonal ? seasonalZ : rollingZ;
    if (mainZ === mainZ) {
      best = mainZ;
      asked++;
    }
    if (this.levelShift) {
      this.likelihoods[1].update(tailSurprisal(this.levelShift.surprise));
      const z = this.likelihoods[1].z;
      if (z === z) {
        best = z > best ? z : best;
        asked++;
      }
    }
    if (this.context) {
      this.likelihoods[2].update(this.novelty);
      const z = this.likelihoods[2].z;
      if (z === z) {
        best = TUNING.contextOnly === 1 || z > best ? z : best;
        asked++;
      }
    }
    if (asked === 0) {
      this.score = NaN;
      return;
    }
    const factor = asked > 1 ? (TUNING.bonferroni > 0 ? TUNING.bonferroni : asked) : 1;
    const surprisal = upperTailSurprisal(best) - LOG10[factor < LOG10.length ? factor : 0];
    const score = surprisal / TUNING.logTailFloor;
    this.score = score > 1 ? 1 : score > 0 ? score : 0;
  }

  /** Points missing between the previous timestamp and this one, judged against the median step. */
  private missingBefore(timestampMs: number): number {
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

  private bufferForPeriods(value: number): void {
    const buffer = this.periodBuffer;
    if (!buffer) {
      return;
    }
    if (this.periodBufferCount < buffer.length) {
      buffer[this.periodBufferCount++] = value;
    }
    if (this.periodBufferCount === this.nextPeriodCheck) {
      this.detectSeasonality();
      this.nextPeriodCheck = this.periodBufferCount * 2 <= buffer.length ? this.periodBufferCount * 2 : buffer.length;
      if (this.periodBufferCount >= buffer.length) {
        this.periodBuffer = null; // enough history looked at; free it
      }
    }
  }

  /** Look for periods in the history so far; (re)build the seasonal baseline from it when they change. */
  private detectSeasonality(): void {
    const buffer = this.periodBuffer!;
    const history = buffer.subarray(0, this.periodBufferCount);
    const step = this.steps.size() > 0 ? this.steps.median() : undefined;
    const periods = detectPeriods(history, { stepMs: step, maxPeriod: Math.floor(history.length / 2) });
    const current = this.seasonal?.periods ?? [];
    if (periods.length === 0 || periods.join(',') === current.join(',')) {
      return;
    }
    const seasonal = new SeasonalBaseline(periods);
    const likelihood = new AnomalyLikelihood(TUNING.shortWindow, LONG_WINDOW);
    for (let i = 0; i < history.length; i++) {
      seasonal.observe(history[i]);
      likelihood.update(tailSurprisal(seasonal.surprise));
    }
    this.seasonal = seasonal;
    this.likelihoods[3] = likelihood;
    this.messages.push(
      `Seasonality: detected period${periods.length > 1 ? 's' : ''} of ${periods.join(' and ')} points after ${history.length} points.`
    );
  }
}
