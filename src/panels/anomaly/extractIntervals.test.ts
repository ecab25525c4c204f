import { extractIntervals, medianStep } from './extractIntervals';

const base = { seriesKey: 'k', seriesName: 'api' };
const time = (n: number) => Array.from({ length: n }, (_, i) => i * 60);

describe('extractIntervals', () => {
  test.each([
    {
      name: 'one run of flagged points',
      anomalous: [0, 1, 1, 0, 0],
      score: [0.1, 0.8, 0.95, 0.2, 0],
      expected: [{ startMs: 60, endMs: 180, peakScore: 0.95, peakMs: 120, direction: 'above', points: 2 }],
    },
    {
      name: 'a one-sample dip back into the band is the same incident',
      anomalous: [1, 0, 1, 0, 0, 0],
      score: [0.9, 0.3, 0.7, 0, 0, 0],
      expected: [{ startMs: 0, endMs: 180, peakScore: 0.9, peakMs: 0, direction: 'above', points: 2 }],
    },
    {
      name: 'two normal samples split incidents',
      anomalous: [-1, 0, 0, -1, 0],
      score: [0.6, 0, 0, 0.75, 0],
      expected: [
        { startMs: 0, endMs: 60, peakScore: 0.6, peakMs: 0, direction: 'below', points: 1 },
        { startMs: 180, endMs: 240, peakScore: 0.75, peakMs: 180, direction: 'below', points: 1 },
      ],
    },
    {
      name: 'crossing from above to below is mixed',
      anomalous: [1, -1, 0, 0],
      score: [0.6, 0.8, 0, 0],
      expected: [{ startMs: 0, endMs: 120, peakScore: 0.8, peakMs: 60, direction: 'mixed', points: 2 }],
    },
    {
      name: 'warm-up (NaN score, no flag) yields nothing',
      anomalous: [0, 0, 0],
      score: [NaN, NaN, NaN],
      expected: [],
    },
    {
      name: 'a run that reaches the last sample is closed',
      anomalous: [0, 0, 1],
      score: [0, 0, 0.99],
      expected: [{ startMs: 120, endMs: 180, peakScore: 0.99, peakMs: 120, direction: 'above', points: 1 }],
    },
  ])('$name', ({ anomalous, score, expected }) => {
    const found = extractIntervals({ ...base, time: time(anomalous.length), anomalous, score });
    expect(found).toEqual(expected.map((e) => ({ ...base, ...e })));
  });

  it('falls back to the score threshold and the sign of actual − expected without an anomalous field', () => {
    const found = extractIntervals(
      { ...base, time: time(5), score: [0.2, 0.6, 0.4, 0.7, 0.1], actual: [1, 1, 1, 9, 1], expected: [5, 5, 5, 5, 5] },
      { scoreThreshold: 0.5, maxGapPoints: 0 }
    );
    expect(found.map((i) => [i.startMs, i.direction])).toEqual([
      [60, 'below'],
      [180, 'above'],
    ]);
  });

  it('reports NaN peak when the frames carry flags but no score', () => {
    const [interval] = extractIntervals({ ...base, time: time(3), anomalous: [0, 1, 0] });
    expect(interval.peakScore).toBeNaN();
    expect(interval.points).toBe(1);
  });
});

describe('medianStep', () => {
  test.each([
    [[], 0],
    [[5], 0],
    [[0, 15, 30, 45], 15],
    [[0, 60, 120, 300, 360], 60],
  ])('%p → %p', (t, step) => {
    expect(medianStep(t)).toBe(step);
  });
});
