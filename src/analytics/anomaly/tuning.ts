/**
 * Internal constants of the detectors, in one place so the NAB benchmark can run ablations
 * (`npm run bench:nab -- --tune key=value,...`). Not part of the public API: the values here are the
 * one parameter set used for every series; change them only with a benchmark run.
 */
export const TUNING = {
  /** Context novelty: quantisation levels over the warm-up range. */
  contextLevels: 12,
  /** Context novelty: longest context (number of consecutive levels). */
  contextOrder: 4,
  /** Fraction of the warm-up replay skipped before the novelty likelihood starts learning. */
  contextCalibrationSkip: 0.5,
  /** Onset: the refractory period (weaker scores after a report are 0) as a fraction of the warm-up. */
  refractoryOfWarmup: 0.33,
  /** Anomaly likelihood: raw scores averaged before they are compared with their history. */
  shortWindow: 8,
  /** Score = −log10(tail)/logTailFloor, clipped to 1: tails below 10^−logTailFloor all score 1. */
  logTailFloor: 10,
  /** Combination: the smallest tail is multiplied by this (0 = the number of views that judged). */
  bonferroni: 0,
  /**
   * Rolling view: the scale is at least this × 1.2533 · (mean absolute deviation from the median), so
   * quantised data (MAD = 0 when most values sit on one level) keeps a finite scale. 0 = MAD only.
   */
  meanAbsDevFloor: 1,
  /** Experiment switch: 1 = the context novelty alone decides the score. */
  contextOnly: 0,
};

export type TuningKey = keyof typeof TUNING;

/** Apply `key=value,key=value` overrides (benchmark ablations); unknown keys throw. */
export function applyTuning(spec: string): void {
  for (const part of spec.split(',').filter(Boolean)) {
    const [key, value] = part.split('=');
    if (!(key in TUNING) || !Number.isFinite(Number(value))) {
      throw new Error(`unknown tuning "${part}"; keys: ${Object.keys(TUNING).join(', ')}`);
    }
    TUNING[key as TuningKey] = Number(value);
  }
}
