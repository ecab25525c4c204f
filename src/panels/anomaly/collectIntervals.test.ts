import { createDataFrame, FieldType } from '@grafana/data';

import { readSeries } from '../shared/readSeries';
import { collectIntervals, zoomRangeFor } from './collectIntervals';

const min = 60_000;

function series(service: string, anomalous: number[], score: number[]) {
  const time = anomalous.map((_, i) => i * min);
  return createDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: time },
      { name: 'actual', type: FieldType.number, values: time.map(() => 1), labels: { service } },
      { name: 'score', type: FieldType.number, values: score, labels: { service } },
      { name: 'anomalous', type: FieldType.number, values: anomalous, labels: { service } },
    ],
  });
}

describe('collectIntervals', () => {
  const { series: all } = readSeries([
    series('api', [0, 1, 0, 0, 0, 1, 0], [0, 0.8, 0, 0, 0, 0.95, 0]),
    series('db', [1, 0, 0, 0, 1, 1, 0], [0.95, 0, 0, 0, 0.6, 0.7, 0]),
  ]);

  it("orders every series' intervals by peak score, then by start", () => {
    const found = collectIntervals(all, 0, 10 * min, 0.5);
    expect(found.map((i) => [i.seriesName, i.startMs / min, i.peakScore])).toEqual([
      ['db', 0, 0.95],
      ['api', 5, 0.95],
      ['api', 1, 0.8],
      ['db', 4, 0.7],
    ]);
  });

  it('keeps only intervals that overlap the time range', () => {
    const found = collectIntervals(all, 3 * min, 4.5 * min, 0.5);
    expect(found.map((i) => [i.seriesName, i.startMs / min])).toEqual([['db', 4]]);
  });
});

describe('zoomRangeFor', () => {
  const interval = { startMs: 100 * min, endMs: 110 * min } as never;
  test.each([
    // Context on each side = the interval's own length…
    [60 * min, { from: 90 * min, to: 120 * min }],
    // …or 1 % of the view when that is more.
    [2000 * min, { from: 80 * min, to: 130 * min }],
  ])('view of %p ms', (view, range) => {
    expect(zoomRangeFor(interval, view)).toEqual(range);
  });
});
