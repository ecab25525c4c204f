/** @jest-environment node */
import { seededNormal } from './__fixtures__/simulate';
import { forecast } from './forecast';
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

describe('thresholdCrossing as a first-passage probability', () => {
  /** A flat forecast at 0 with sd 1 for `steps` steps: each step alone exceeds 2 with probability 0.02275. */
  function flatPath(steps: number, errorCorrelation?: number): ForecastPath {
    const point = new Float64Array(steps);
    return {
      timestamps: Float64Array.from({ length: steps }, (_, h) => (h + 1) * HOUR),
      point,
      standardDeviation: new Float64Array(steps).fill(1),
      lower: point.map(() => -1.96),
      upper: point.map(() => 1.96),
      stepMs: HOUR,
      errorCorrelation,
    };
  }

  it('adds up the chances of independent steps: 1 − (1 − 0.02275)^50 ≈ 0.683', () => {
    const crossing = thresholdCrossing(flatPath(50, 0), 2, 'above');
    expect(crossing.probabilityWithinHorizon).toBeGreaterThan(0.683 - 0.035);
    expect(crossing.probabilityWithinHorizon).toBeLessThan(0.683 + 0.035);
    // More than half of the paths cross, so there is a median first-passage time inside the horizon.
    expect(crossing.medianTimeToCrossMs).not.toBeNull();
    expect(crossing.expectedTimeToCrossMs).toBeNull();
  });

  it('stays at the single-step probability when errors persist across steps', () => {
    expect(thresholdCrossing(flatPath(50, 1), 2, 'above').probabilityWithinHorizon).toBeCloseTo(0.02275, 4);
    // Strongly but not fully correlated errors lie in between.
    const partly = thresholdCrossing(flatPath(50, 0.95), 2, 'above').probabilityWithinHorizon;
    expect(partly).toBeGreaterThan(0.05);
    expect(partly).toBeLessThan(0.6);
  });

  it('gives the same answer for the same forecast', () => {
    expect(thresholdCrossing(flatPath(50, 0.5), 2).probabilityWithinHorizon).toBe(
      thresholdCrossing(flatPath(50, 0.5), 2).probabilityWithinHorizon
    );
  });

  it('is near certain, close to the analytic time, for a noisy trend heading for the threshold', () => {
    // 10 + 0.1 per minute with noise σ = 1: the line is at 69.9 at the last point (minute 599) and
    // reaches 75 at minute 650, 51 minutes later.
    const normal = seededNormal(11);
    const values = Float64Array.from({ length: 600 }, (_, t) => 10 + 0.1 * t + normal());
    const timestamps = Float64Array.from({ length: 600 }, (_, t) => t * 60_000);
    const result = forecast(values, timestamps, { model: 'auto', horizon: 120, level: 0.95 });
    const crossing = thresholdCrossing(result, 75, 'above');
    expect(crossing.probabilityWithinHorizon).toBeGreaterThan(0.99);
    expect(crossing.expectedTimeToCrossMs! / 60_000).toBeGreaterThan(51 - 5);
    expect(crossing.expectedTimeToCrossMs! / 60_000).toBeLessThan(51 + 5);
    // Noise can only bring the first crossing forward.
    expect(crossing.medianTimeToCrossMs!).toBeLessThanOrEqual(crossing.expectedTimeToCrossMs! + 60_000);
  });

  it('is about zero for a flat series far below the threshold', () => {
    const normal = seededNormal(12);
    const values = Float64Array.from({ length: 600 }, () => 10 + normal());
    const timestamps = Float64Array.from({ length: 600 }, (_, t) => t * 60_000);
    const result = forecast(values, timestamps, { model: 'auto', horizon: 120, level: 0.95 });
    const crossing = thresholdCrossing(result, 30, 'above');
    expect(crossing.probabilityWithinHorizon).toBeLessThan(1e-3);
    expect(crossing.expectedTimeToCrossMs).toBeNull();
    expect(crossing.medianTimeToCrossMs).toBeNull();
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
