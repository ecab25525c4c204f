/** History length from which its mean and σ are refreshed only every `MOMENT_STRIDE` points. */
const STALE_FROM = 1024;
const MOMENT_STRIDE = 16;
/** A z above this is recomputed against fresh moments (so strided moments never change a high score). */
const FRESH_ABOVE = 2;

/**
 * Anomaly likelihood: turns a stream of raw anomaly scores into a calibrated tail probability.
 *
 * Definition (Ahmad et al., "Unsupervised real-time anomaly detection for streaming data",
 * Neurocomputing 262, 2017, §4.3): the short-term mean ā of the last `shortWindow` raw scores is
 * compared with the distribution (mean μ, standard deviation σ) of that same short-term mean over the
 * last `longWindow` points; the likelihood is 1 − Q((ā − μ)/σ). `update` computes the standardised
 * mean z = (ā − μ)/σ (field `z`) — large means unusual — so callers can compare several likelihoods by z and
 * evaluate the normal tail Q(z) once. It adapts to each
 * series' own noise level: a series whose raw scores are always high is not always anomalous.
 * O(1) per point (running sums over ring buffers; once the history holds ≥ 1024 short means, its mean
 * and σ are refreshed every 16 points, and at once whenever z exceeds 2, so a score that matters is
 * always exact), O(longWindow) memory. NaN raw scores are skipped.
 *
 * σ has floors: max(0.05·μ, 1e-3), so a perfectly quiet history does not make every blip "infinitely"
 * unlikely, and `minSigma` (default 0): for raw scores that move in steps q (the fraction of new
 * contexts of the context view moves in steps of 1/order) a floor of q/(2·shortWindow) makes the
 * smallest possible move of the short mean at most a 2σ event instead of an unbounded one.
 *
 * @example
 * const l = new AnomalyLikelihood(8, 8640);
 * for (const raw of rawScores) { l.update(raw); if (l.z > 4) console.log('unusual'); }
 */
export class AnomalyLikelihood {
  private readonly shortValues: Float64Array;
  private shortHead = 0;
  private shortCount = 0;
  private shortSum = 0;
  private readonly longValues: Float64Array;
  private longHead = 0;
  private longCount = 0;
  private longSum = 0;
  private longSumSq = 0;
  private sinceResum = 0;
  private sinceMoments = 0;
  private readonly scratch = new Float64Array(1);
  private readonly inverseShort: number;
  private readonly minSigma: number;
  private mu = NaN;
  private inverseSigma = NaN;
  /** Standardised short-term mean of the last update: large means unusual (NaN while unknown). */
  z = NaN;
  /** Short-term mean of the last update (NaN before any raw score). */
  shortMean = NaN;

  constructor(shortWindow: number, longWindow: number, minSigma = 0) {
    this.minSigma = minSigma;
    this.shortValues = new Float64Array(shortWindow);
    this.inverseShort = 1 / shortWindow;
    this.longValues = new Float64Array(longWindow);
  }

  /**
   * Feed one raw score (≥ 0); `z` is then the standardised short-term mean against its history (NaN
   * while unknown or for a NaN raw score). Results go to fields, not return values: a double returned
   * from a call V8 does not inline is boxed, i.e. an allocation per point.
   */
  update(raw: number): void {
    this.scratch[0] = raw;
    this.updateAt(this.scratch, 0);
  }

  /**
   * Same as `update(values[index])`, without a number crossing the call (in V8 a computed double
   * passed to a call that is not inlined is boxed: an allocation per point).
   */
  updateAt(values: Float64Array, index: number): void {
    const raw = values[index];
    if (!(raw - raw === 0)) {
      this.z = NaN;
      return;
    }
    const s = this.shortValues;
    let head = this.shortHead;
    if (this.shortCount === s.length) {
      this.shortSum += raw - s[head];
    } else {
      this.shortCount++;
      this.shortSum += raw;
    }
    s[head] = raw;
    this.shortHead = ++head === s.length ? 0 : head;
    const mean = this.shortCount === s.length ? this.shortSum * this.inverseShort : this.shortSum / this.shortCount;
    this.shortMean = mean;

    // Judge the current short mean against the history before it, then add it to the history. The
    // history's mean and σ move slowly once it is long, so they are recomputed every few points.
    const l = this.longValues;
    const count = this.longCount;
    if (count < STALE_FROM || ++this.sinceMoments >= MOMENT_STRIDE) {
      this.moments();
    }
    let z = count >= 2 ? (mean - this.mu) * this.inverseSigma : NaN;
    if (z > FRESH_ABOVE && this.sinceMoments > 0) {
      // Where the score could matter, judge against the exact history of this very point.
      this.moments();
      z = (mean - this.mu) * this.inverseSigma;
    }
    this.z = z;
    head = this.longHead;
    if (count === l.length) {
      const leaving = l[head];
      this.longSum += mean - leaving;
      this.longSumSq += mean * mean - leaving * leaving;
    } else {
      this.longCount = count + 1;
      this.longSum += mean;
      this.longSumSq += mean * mean;
    }
    l[head] = mean;
    this.longHead = ++head === l.length ? 0 : head;
    if (++this.sinceResum >= l.length) {
      this.resum();
    }
  }

  /** Mean and 1/σ of the history. */
  private moments(): void {
    this.sinceMoments = 0;
    const n = this.longCount;
    if (n < 2) {
      return;
    }
    const mu = this.longSum / n;
    const variance = this.longSumSq / n - mu * mu;
    // Floors (see the class comment): quiet history, and the steps of the raw scores.
    const sigma = Math.max(Math.sqrt(variance > 0 ? variance : 0), 0.05 * mu, 1e-3, this.minSigma);
    this.mu = mu;
    this.inverseSigma = 1 / sigma;
  }

  /** Recompute the running sums exactly now and then so floating-point drift cannot build up. */
  private resum(): void {
    this.sinceResum = 0;
    const values = this.longValues;
    const n = this.longCount;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      sum += v;
      sumSq += v * v;
    }
    this.longSum = sum;
    this.longSumSq = sumSq;
  }
}
