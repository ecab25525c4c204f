/**
 * Anomaly likelihood: turns a stream of raw anomaly scores into a calibrated tail probability.
 *
 * Definition (Ahmad et al., "Unsupervised real-time anomaly detection for streaming data",
 * Neurocomputing 262, 2017, §4.3): the short-term mean ā of the last `shortWindow` raw scores is
 * compared with the distribution (mean μ, standard deviation σ) of that same short-term mean over the
 * last `longWindow` points; the likelihood is 1 − Q((ā − μ)/σ). `update` returns the standardised
 * mean z = (ā − μ)/σ — large means unusual — so callers can compare several likelihoods by z and
 * evaluate the normal tail Q(z) once. It adapts to each
 * series' own noise level: a series whose raw scores are always high is not always anomalous.
 * O(1) per point (running sums over ring buffers), O(longWindow) memory. NaN raw scores are skipped.
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
  /** Short-term mean of the last update (NaN before any raw score). */
  shortMean = NaN;

  constructor(shortWindow: number, longWindow: number) {
    this.shortValues = new Float64Array(shortWindow);
    this.longValues = new Float64Array(longWindow);
  }

  /** Feed one raw score (≥ 0) and return z of the current short-term mean against its history (NaN while unknown). */
  update(raw: number): number {
    if (!Number.isFinite(raw)) {
      return NaN;
    }
    const s = this.shortValues;
    if (this.shortCount === s.length) {
      this.shortSum -= s[this.shortHead];
    } else {
      this.shortCount++;
    }
    s[this.shortHead] = raw;
    this.shortSum += raw;
    this.shortHead = this.shortHead + 1 === s.length ? 0 : this.shortHead + 1;
    const mean = this.shortSum / this.shortCount;
    this.shortMean = mean;

    // Judge the current short mean against the history before it, then add it to the history.
    let z = NaN;
    if (this.longCount >= 2) {
      const mu = this.longSum / this.longCount;
      const variance = Math.max(this.longSumSq / this.longCount - mu * mu, 0);
      // A floor keeps a perfectly quiet history from making every tiny blip "infinitely" unlikely.
      const sigma = Math.max(Math.sqrt(variance), 0.05 * mu, 1e-3);
      z = (mean - mu) / sigma;
    }
    const l = this.longValues;
    if (this.longCount === l.length) {
      const leaving = l[this.longHead];
      this.longSum -= leaving;
      this.longSumSq -= leaving * leaving;
    } else {
      this.longCount++;
    }
    l[this.longHead] = mean;
    this.longSum += mean;
    this.longSumSq += mean * mean;
    this.longHead = this.longHead + 1 === l.length ? 0 : this.longHead + 1;
    if (++this.sinceResum >= l.length) {
      this.resum();
    }
    return z;
  }

  /** Recompute the running sums exactly now and then so floating-point drift cannot build up. */
  private resum(): void {
    this.sinceResum = 0;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < this.longCount; i++) {
      sum += this.longValues[i];
      sumSq += this.longValues[i] * this.longValues[i];
    }
    this.longSum = sum;
    this.longSumSq = sumSq;
  }
}
