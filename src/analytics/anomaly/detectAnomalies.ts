import { createDetector } from './createDetector';
import type { AnomalyParams, AnomalyResult } from './types';

/**
 * Batch anomaly detection: runs the streaming detector over the whole series, so the result at point
 * i depends only on points 0..i and equals what `createDetector(params).update` returns for it.
 *
 * @param values - observed values (NaN for missing ones)
 * @param timestamps - epoch milliseconds, same length as `values`; gaps longer than the usual step
 *   are treated as missing points so seasonal phases stay aligned
 * @param params - detector, sensitivity, seasonality, warm-up; see {@link AnomalyParams}
 * @example
 * const { score, anomalous, warmup, notices } = detectAnomalies(values, timestamps, { detector: 'auto' });
 */
export function detectAnomalies(
  values: Float64Array,
  timestamps: Float64Array,
  params: AnomalyParams = {}
): AnomalyResult {
  if (values.length !== timestamps.length) {
    throw new Error(
      `detectAnomalies needs one timestamp per value, got ${values.length} values and ${timestamps.length} timestamps`
    );
  }
  const n = values.length;
  const detector = createDetector(params);
  const result: AnomalyResult = {
    expected: new Float64Array(n),
    lower: new Float64Array(n),
    upper: new Float64Array(n),
    score: new Float64Array(n),
    onset: new Float64Array(n),
    anomalous: new Int8Array(n),
    warmup: Math.min(detector.warmup, n),
    notices: [],
  };
  for (let i = 0; i < n; i++) {
    const point = detector.update(timestamps[i], values[i]);
    result.expected[i] = point.expected;
    result.lower[i] = point.lower;
    result.upper[i] = point.upper;
    result.score[i] = point.score;
    result.onset[i] = point.onset;
    result.anomalous[i] = point.anomalous;
  }
  result.notices = detector.notices();
  return result;
}
