import { madOutliers } from './madOutliers';

describe('madOutliers', () => {
  const group = [Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 1), Float64Array.of(1, 30, 2)];

  it('flags the value far above the group median, on the upper side', () => {
    // Values 1,1,1,2,2,2,3,3,30: median 2; below: 1,1,1,0,0,0 → MAD 0.5; above: 0,0,0,1,1,28 → MAD 0.5.
    const result = madOutliers(group, { threshold: 3 });
    expect(Array.from(result.outlying[2])).toEqual([0, 1, 0]);
    expect(result.score[2][1]).toBeCloseTo(28 / (1.4826 * 0.5));
    expect(result.upper[0]).toBeCloseTo(2 + 1.4826 * 0.5 * 3);
    expect(result.isOutlier).toEqual([false, false, true]);
  });

  it('maps sensitivity 0.5 to augurs\' 2.92σ threshold', () => {
    const loose = madOutliers(group, { sensitivity: 0.5 });
    expect((loose.upper[0] - 2) / (1.4826 * 0.5)).toBeCloseTo(2.921, 2);
  });

  it('learns the median and spreads from the reference window only', () => {
    const series = [Float64Array.of(1, 2, 50), Float64Array.of(2, 3, 50), Float64Array.of(3, 1, 50)];
    const result = madOutliers(series, { threshold: 3, referenceEnd: 2 });
    expect(result.outlying.map((o) => o[2])).toEqual([1, 1, 1]);
  });

  it('leaves missing values unscored and says when no spread can be estimated', () => {
    const result = madOutliers([Float64Array.of(1, NaN), Float64Array.of(2, 3), Float64Array.of(4, 8)], { threshold: 3 });
    expect(result.score[0][1]).toBeNaN();
    expect(() => madOutliers([Float64Array.of(5, 5, 5), Float64Array.of(5, 5, 9)])).toThrow(/no spread/);
  });
});
