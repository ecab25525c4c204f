/** @jest-environment node */
import { probit } from 'simple-statistics';
import { horizonCalibration } from './horizonCalibration';
import { stepErrorCorrelation } from './stepErrorCorrelation';

describe('horizonCalibration', () => {
  it('widens later steps when the backtest errors grow with the horizon faster than the model says', () => {
    // 20 origins, 10 steps, model σ = 1 everywhere, actual errors ±(5 + h) alternating in sign.
    const errorPaths = Array.from({ length: 20 }, (_, o) =>
      Float64Array.from({ length: 10 }, (_, h) => (o % 2 === 0 ? 1 : -1) * (5 + h))
    );
    const sdPaths = errorPaths.map(() => new Float64Array(10).fill(1));
    const factors = horizonCalibration(errorPaths, sdPaths, 10, 0.95)!;
    // The shape is exactly the line 5 + h, so every normalized error is 1 and the factor at step h is
    // (5 + h) / z times the small-sample widening, the same for every step.
    const widening = factors[0] / (5 / probit(0.975));
    factors.forEach((factor, h) => expect(factor).toBeCloseTo(((5 + h) / probit(0.975)) * widening, 9));
    expect(widening).toBeGreaterThanOrEqual(1);
    expect(widening).toBeLessThan(1.5);
  });

  it('needs at least 30 errors', () => {
    expect(horizonCalibration([Float64Array.from([1, 2, 3])], [Float64Array.from([1, 1, 1])], 3, 0.9)).toBeNull();
  });

  it('skips points that were not scored', () => {
    const errorPaths = Array.from({ length: 10 }, () => Float64Array.from([1, NaN, -1, 1]));
    const sdPaths = errorPaths.map(() => new Float64Array(4).fill(1));
    const factors = horizonCalibration(errorPaths, sdPaths, 4, 0.9)!;
    factors.forEach((factor) => expect(Number.isFinite(factor)).toBe(true));
  });
});

describe('stepErrorCorrelation', () => {
  it('measures how much consecutive standardized errors move together', () => {
    const path = Float64Array.from({ length: 12 }, (_, h) => (h < 6 ? 1 : -1));
    // 11 pairs, one with a sign change: (10 − 1) / 11.
    expect(stepErrorCorrelation([path], [new Float64Array(12).fill(1)])).toBeCloseTo(9 / 11, 12);
    const alternating = Float64Array.from({ length: 12 }, (_, h) => (h % 2 === 0 ? 2 : -2));
    expect(stepErrorCorrelation([alternating], [new Float64Array(12).fill(2)])).toBeCloseTo(-1, 12);
    expect(stepErrorCorrelation([Float64Array.from([1, 2])], [Float64Array.from([1, 1])])).toBeNaN();
  });
});
