/** @jest-environment node */
import type { Series } from './types';
import { stitchSeries } from './stitchSeries';

const series = (labels: Record<string, string>, points: Array<[number, number]>): Series => ({
  labels,
  timestamps: Float64Array.from(points.map(([t]) => t)),
  values: Float64Array.from(points.map(([, v]) => v)),
});

const plain = (items: Series[]) =>
  items.map((s) => ({ labels: s.labels, points: [...s.timestamps].map((t, i) => [t, s.values[i]]) }));

describe('stitchSeries', () => {
  test('joins calls per label set, whatever the label order', () => {
    const stitched = stitchSeries([
      [
        series({ job: 'api', instance: 'a' }, [
          [0, 1],
          [10, 2],
        ]),
        series({ job: 'db' }, [[0, 5]]),
      ],
      [series({ instance: 'a', job: 'api' }, [[20, 3]])],
      [series({ job: 'db' }, [[40, 6]]), series({ job: 'new' }, [[40, 7]])],
    ]);
    expect(plain(stitched)).toEqual([
      {
        labels: { job: 'api', instance: 'a' },
        points: [
          [0, 1],
          [10, 2],
          [20, 3],
        ],
      },
      {
        labels: { job: 'db' },
        points: [
          [0, 5],
          [40, 6],
        ],
      },
      { labels: { job: 'new' }, points: [[40, 7]] },
    ]);
  });

  test('a timestamp at the seam is kept once', () => {
    const stitched = stitchSeries([
      [
        series({}, [
          [0, 1],
          [10, 2],
        ]),
      ],
      [
        series({}, [
          [10, 2],
          [20, 3],
        ]),
      ],
    ]);
    expect(plain(stitched)).toEqual([
      {
        labels: {},
        points: [
          [0, 1],
          [10, 2],
          [20, 3],
        ],
      },
    ]);
  });

  test('NaN values survive', () => {
    const stitched = stitchSeries([[series({}, [[0, NaN]])], [series({}, [[10, Infinity]])]]);
    expect([...stitched[0].values]).toEqual([NaN, Infinity]);
  });
});
