/** Streaming anomaly detection: see docs/anomaly.md. */
export { detectAnomalies } from './detectAnomalies';
export { createDetector } from './createDetector';
export { bandWidthForSensitivity } from './sensitivity';
export type { AnomalyParams, AnomalyPoint, AnomalyResult, DetectorName, StreamingDetector } from './types';
