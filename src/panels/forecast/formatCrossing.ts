import { formatDuration } from '../shared/formatDuration';

/**
 * A probability as people read it: whole percent, `<1 %` and `>99 %` at the ends.
 *
 * @example formatProbability(0.904) === '90 %'
 */
export function formatProbability(p: number): string {
  if (p < 0.01) {
    return '<1 %';
  }
  if (p > 0.99) {
    return '>99 %';
  }
  return `${Math.round(p * 100)} %`;
}

export interface CrossingFacts {
  /** Time from now until the forecast crosses; null if it does not within the horizon; undefined if unknown. */
  timeToThresholdMs?: number | null;
  /** Probability of crossing within the horizon, if known. */
  probability?: number;
  horizonMs?: number;
}

/**
 * The crossing call-out: `90 % in 3 d 4 h` (probability, then time to crossing), `in 3 d 4 h` without a probability,
 * `already crossed`, or `not within 5 d (3 %)` when the forecast stays on the safe side.
 */
export function formatCrossing({ timeToThresholdMs, probability, horizonMs }: CrossingFacts): string {
  const p = probability !== undefined ? formatProbability(probability) : undefined;
  if (timeToThresholdMs === undefined) {
    return p ? `${p} within the horizon` : 'no crossing information';
  }
  if (timeToThresholdMs === null) {
    const within = horizonMs !== undefined ? `not within ${formatDuration(horizonMs)}` : 'not within the horizon';
    return p ? `${within} (${p})` : within;
  }
  if (timeToThresholdMs <= 0) {
    return 'already crossed';
  }
  const when = `in ${formatDuration(timeToThresholdMs)}`;
  return p ? `${p} ${when}` : when;
}
