import { dbscanOutliers } from './dbscanOutliers';

/** Rows are timestamps, columns members: turns them into one Float64Array per member. */
function members(rows: number[][]): Float64Array[] {
  return rows[0].map((_, member) => Float64Array.from(rows, (row) => row[member]));
}

function flaggedAt(result: ReturnType<typeof dbscanOutliers>, t: number): number[] {
  return result.outlying.flatMap((outlying, member) => (outlying[t] !== 0 ? [member] : []));
}

describe('dbscanOutliers', () => {
  // Hand-checked with ε = 1: a run of neighbours ≤ 1 apart holding more than half the members is the group.
  it.each([
    ['evenly spaced values one apart form one cluster', [1, 2, 3, 4, 5, 6, 7, 8, 9], []],
    ['values far apart form no majority: every member is outlying', [0, 3, 7, 11, 17, 24, 33, 40, 51], [0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ['identical values are one cluster', [2, 2, 2, 2, 2, 2, 2, 2, 2], []],
    ['largest run of 4 of 9 is no majority', [0, 1, 3, 4, 5, 6, 9, 10, 15], [0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ['order and sign do not matter', [-6, -5, -4, -16, -5, 15, -7, -8, -16], [3, 5, 8]],
    ['missing members are left out of the majority count', [-2, NaN, 21, 22, 23, NaN, NaN, 21, 24], [0]],
    ['four present values: three equal ones are the majority', [3, NaN, 3, 1, 3, NaN, NaN, NaN, NaN], [3]],
  ])('%s', (_name, row, expected) => {
    const result = dbscanOutliers(members([row]), { epsilon: 1 });
    expect(flaggedAt(result, 0)).toEqual(expected);
  });

  it('marks the side of the deviation and the band around the cluster', () => {
    const result = dbscanOutliers(members([[10, 10.5, 11, 30, 2]]), { epsilon: 1 });
    expect(result.outlying.map((o) => o[0])).toEqual([0, 0, 0, 1, -1]);
    expect(result.lower[0]).toBeCloseTo(9.5);
    expect(result.upper[0]).toBeCloseTo(11.5);
    // 30 lies 19 above the cluster's top (11): 19 ε.
    expect(result.score[3][0]).toBeCloseTo(19);
    expect(result.isOutlier).toEqual([false, false, false, true, true]);
  });

  it('never flags anything with fewer than three members present', () => {
    const result = dbscanOutliers(members([[1, 100, NaN]]), { epsilon: 1 });
    expect(flaggedAt(result, 0)).toEqual([]);
    expect(result.lower[0]).toBeNaN();
    expect(result.score[2][0]).toBeNaN();
  });

  it('derives ε from the span seen so far, so a later spike does not change earlier verdicts', () => {
    const quiet = [
      [10, 10.2, 10.1, 12],
      [10, 10.1, 10.2, 10.1],
    ];
    const before = dbscanOutliers(members(quiet), { sensitivity: 0.9 });
    const after = dbscanOutliers(members([...quiet, [10, 10, 10, 500]]), { sensitivity: 0.9 });
    expect(flaggedAt(before, 0)).toEqual([3]);
    expect(flaggedAt(after, 0)).toEqual([3]);
    expect(flaggedAt(after, 1)).toEqual([]);
    expect(flaggedAt(after, 2)).toEqual([3]);
  });

  it('flags more members as the sensitivity rises', () => {
    const group = members([[10, 11, 12, 13, 16]]);
    const counts = [0.1, 0.5, 0.9].map((sensitivity) => flaggedAt(dbscanOutliers(group, { sensitivity }), 0).length);
    expect(counts[0]).toBeLessThanOrEqual(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(counts[2]);
    expect(counts[2]).toBeGreaterThan(counts[0]);
  });

  it('rejects series of different lengths and sensitivities outside [0, 1]', () => {
    expect(() => dbscanOutliers([Float64Array.of(1), Float64Array.of(1, 2)])).toThrow(/equal length/);
    expect(() => dbscanOutliers([Float64Array.of(1)], { sensitivity: 2 })).toThrow(/sensitivity/);
  });

  it('handles an empty group', () => {
    expect(dbscanOutliers([]).outlying).toEqual([]);
  });
});
