/** @jest-environment node */
import { formatDuration } from './formatDuration';
import { thresholdCrossing, type ForecastPath } from './thresholdCrossing';

const HOUR = 3_600_000;

/** A rising forecast 80, 81, … with a constant error sd of 1 (intervals ±2). */
function risingPath(): ForecastPath {
  const point = Float64Array.from({ length: 24 }, (_, h) => 81 + h);
  const standardDeviation = new Float64Array(24).fill(1);
  return {
    timestamps: Float64Array.from({ length: 24 }, (_, h) => (h + 1) * HOUR),
    point,
    standardDeviation,
    lower: point.map((v) => v - 2),
    upper: point.map((v) => v + 2),
    stepMs: HOUR,
  };
}

describe('thresholdCrossing', () => {
  it('finds when a rising forecast reaches a threshold and how likely it is', () => {
    const crossing = thresholdCrossing(risingPath(), 90.5, 'above');
    // Point forecast 90 at 10 h and 91 at 11 h: crossing half-way, at 10.5 h.
    expect(crossing.expectedTimeToCrossMs).toBeCloseTo(10.5 * HOUR, -3);
    // The upper bound (point + 2) gets there two hours earlier.
    expect(crossing.earliestTimeToCrossMs).toBeCloseTo(8.5 * HOUR, -3);
    expect(crossing.probabilityWithinHorizon).toBeGreaterThan(0.999);
  });

  it('gives no crossing time and a small probability for a far threshold', () => {
    const crossing = thresholdCrossing(risingPath(), 106, 'above');
    expect(crossing.expectedTimeToCrossMs).toBeNull();
    // Last step 104 with sd 1: two sd away.
    expect(crossing.probabilityWithinHorizon).toBeCloseTo(0.0228, 3);
  });

  it('handles the below direction', () => {
    const crossing = thresholdCrossing(risingPath(), 80, 'below');
    expect(crossing.expectedTimeToCrossMs).toBeNull();
    expect(crossing.earliestTimeToCrossMs).toBe(HOUR);
    expect(crossing.probabilityWithinHorizon).toBeCloseTo(0.1587, 3);
  });
});

describe('formatDuration', () => {
  it.each([
    [274_000_000, '3 d 4 h'],
    [2 * 86_400_000, '2 d'],
    [45 * 60_000, '45 min'],
    [90_500, '1 min 31 s'],
    [0, '0 s'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
