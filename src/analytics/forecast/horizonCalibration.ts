import { probit } from 'simple-statistics';

/** Fewest backtest errors before they are trusted to set the interval width. */
export const MINIMUM_CALIBRATION_ERRORS = 30;

/** The horizon-dependent factor never drops below this fraction of its largest value. */
const SHAPE_FLOOR = 0.2;

/**
 * Per-step factors for a model's error standard deviation so that its prediction intervals cover
 * backtest errors at `level`: a normalized split-conformal calibration (Lei et al. 2018, JASA 113,
 * "Distribution-free predictive inference for regression", §5.2 locally weighted conformal; Vovk et
 * al. 2005) on rolling-origin backtests.
 *
 * 1. Standardize every backtest error by the model's own standard deviation: r = e / σ̂.
 * 2. Models rarely get the growth of the error with the horizon right (they assume their own
 *    structure is true), so fit the mean |r| as a straight line in the relative step x = (h−1)/(H−1)
 *    by least squares: c(h) = a + b·x (two numbers from all errors, so it stays stable with few
 *    origins; floored at 1/5 of its maximum).
 * 3. The |r| / c(h) quantile at rank ⌈(m + 1)·level⌉ (the finite-sample conformal rank) over all m
 *    errors sets the overall width q.
 * 4. Errors of one origin share that origin's situation (a holiday, a level change), so the m errors
 *    are worth fewer independent ones and a few days of backtest rarely contain the rare bad day:
 *    q is widened by the Student-t predictive factor t(m_eff − 1)/z · √(1 + 1/m_eff), with m_eff the
 *    Kish effective sample size m / (1 + (L − 1)·ρ) (L errors per origin, ρ their one-way ANOVA
 *    intra-class correlation). Many origins or independent errors make this factor ≈ 1.
 *
 * The factor at step h is c(h)·q / z, with z the normal quantile of `level`, so that
 * point ± z·σ̂·factor is the calibrated interval. Data-independent: nothing is tuned per series.
 * Without step 4, 95% intervals covered 92.5% (PJM load, 269 daily origins) and 93.6% (NYC taxi,
 * 93 origins); with it 94.8% and 94.4% (measured before the profiles used centred moving averages).
 * Returns null with fewer than 30 usable errors (the caller keeps the model's own interval).
 * Complexity O(m log m).
 *
 * @param errorPaths per backtest origin, actual − point for steps 1..horizon (NaN: not scored)
 * @param standardDeviationPaths per origin, the model's standard deviation for those steps
 * @example
 * horizonCalibration(backtest.errorPaths, backtest.standardDeviationPaths, 24, 0.95) // → Float64Array(24) of factors
 */
export function horizonCalibration(
  errorPaths: Float64Array[],
  standardDeviationPaths: Float64Array[],
  horizon: number,
  level: number
): Float64Array | null {
  const steps: number[] = [];
  const magnitudes: number[] = [];
  for (let o = 0; o < errorPaths.length; o++) {
    const errors = errorPaths[o];
    const sds = standardDeviationPaths[o];
    for (let h = 0; h < Math.min(horizon, errors.length); h++) {
      const sd = sds[h];
      if (Number.isFinite(errors[h]) && sd > 0 && Number.isFinite(sd)) {
        steps.push(horizon > 1 ? h / (horizon - 1) : 0);
        magnitudes.push(Math.abs(errors[h] / sd));
      }
    }
  }
  const m = magnitudes.length;
  if (m < MINIMUM_CALIBRATION_ERRORS) {
    return null;
  }
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < m; i++) {
    meanX += steps[i];
    meanY += magnitudes[i];
  }
  meanX /= m;
  meanY /= m;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < m; i++) {
    sxy += (steps[i] - meanX) * (magnitudes[i] - meanY);
    sxx += (steps[i] - meanX) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const shape = new Float64Array(horizon);
  let largest = 0;
  for (let h = 0; h < horizon; h++) {
    const x = horizon > 1 ? h / (horizon - 1) : 0;
    shape[h] = meanY + slope * (x - meanX);
    largest = Math.max(largest, shape[h]);
  }
  if (!(largest > 0)) {
    shape.fill(1);
    largest = 1;
  }
  for (let h = 0; h < horizon; h++) {
    shape[h] = Math.max(shape[h], SHAPE_FLOOR * largest);
  }
  const normalized = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const h = horizon > 1 ? Math.round(steps[i] * (horizon - 1)) : 0;
    normalized[i] = magnitudes[i] / shape[h];
  }
  const origin = signedByOrigin(errorPaths, standardDeviationPaths, horizon, shape);
  normalized.sort();
  const rank = Math.min(m - 1, Math.ceil(level * (m + 1)) - 1);
  const z = probit((1 + level) / 2);
  const effective = effectiveSampleSize(origin);
  const inflation = (studentQuantile(z, Math.max(2, effective - 1)) / z) * Math.sqrt(1 + 1 / effective);
  const width = (normalized[rank] / z) * inflation;
  for (let h = 0; h < horizon; h++) {
    shape[h] *= width;
  }
  return shape;
}

/** Per origin, the errors divided by the model's standard deviation and the horizon shape (signed). */
function signedByOrigin(
  errorPaths: Float64Array[],
  sdPaths: Float64Array[],
  horizon: number,
  shape: Float64Array
): number[][] {
  return errorPaths
    .map((errors, o) => {
      const values: number[] = [];
      for (let h = 0; h < Math.min(horizon, errors.length); h++) {
        const sd = sdPaths[o][h];
        if (Number.isFinite(errors[h]) && sd > 0 && Number.isFinite(sd)) {
          values.push(errors[h] / sd / shape[h]);
        }
      }
      return values;
    })
    .filter((values) => values.length > 0);
}

/** Kish effective sample size of errors clustered by origin: m / (1 + (L − 1)·ρ), ρ the one-way ANOVA intra-class correlation. */
function effectiveSampleSize(groups: number[][]): number {
  const k = groups.length;
  const m = groups.reduce((sum, g) => sum + g.length, 0);
  if (k < 2) {
    return Math.max(2, k);
  }
  const means = groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
  const grand = groups.reduce((sum, g) => sum + g.reduce((a, b) => a + b, 0), 0) / m;
  let within = 0;
  groups.forEach((g, i) => g.forEach((v) => (within += (v - means[i]) ** 2)));
  const withinVariance = within / Math.max(1, m - k);
  const length = m / k;
  let between = 0;
  groups.forEach((g, i) => (between += g.length * (means[i] - grand) ** 2));
  const betweenMeanSquare = between / (k - 1);
  const originVariance = Math.max(0, (betweenMeanSquare - withinVariance) / length);
  const rho = originVariance + withinVariance > 0 ? originVariance / (originVariance + withinVariance) : 0;
  return m / (1 + (length - 1) * rho);
}

/** Student t quantile from the normal one (Abramowitz & Stegun 26.7.5). */
function studentQuantile(z: number, nu: number): number {
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * nu) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3)
  );
}
