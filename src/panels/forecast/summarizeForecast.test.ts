import { createDataFrame, FieldType } from '@grafana/data';

import { readSeries } from '../shared/readSeries';
import { bySoonestCrossing, summarizeForecast } from './summarizeForecast';

const h = 3_600_000;

function forecastSeries(custom?: Record<string, unknown>) {
  const frame = createDataFrame({
    refId: 'A',
    meta: custom ? { custom } : undefined,
    fields: [
      { name: 'time', type: FieldType.time, values: [0, h, 2 * h, 3 * h, 4 * h] },
      { name: 'actual', type: FieldType.number, values: [50, 60, 70, null, null], labels: { disk: 'a' } },
      { name: 'forecast', type: FieldType.number, values: [null, null, 70, 80, 100], labels: { disk: 'a' } },
    ],
  });
  return readSeries([frame]).series[0];
}

describe('summarizeForecast', () => {
  it('takes model, horizon, threshold, crossing and probability from meta.custom', () => {
    const s = summarizeForecast(
      forecastSeries({
        model: 'holt',
        horizonMs: 2 * h,
        threshold: 90,
        timeToThresholdMs: 1.5 * h,
        thresholdProbability: 0.9,
        nowMs: 2 * h,
      })
    );
    expect(s).toMatchObject({ model: 'holt', horizonMs: 2 * h, nowMs: 2 * h, threshold: 90, crossingMs: 3.5 * h });
    expect(s.crossingText).toBe('90 % in 1 h 30 min');
  });

  it('falls back to the last observed sample as now, the forecast span as horizon, and the panel threshold', () => {
    const s = summarizeForecast(forecastSeries(), 90);
    expect(s.nowMs).toBe(2 * h);
    expect(s.horizonMs).toBe(2 * h);
    // 80 at 3 h, 100 at 4 h: 90 is crossed half way.
    expect(s.crossingMs).toBe(3.5 * h);
    expect(s.crossingText).toBe('in 1 h 30 min');
  });

  it('says when the forecast stays below the threshold', () => {
    const s = summarizeForecast(
      forecastSeries({ threshold: 120, timeToThresholdMs: null, thresholdProbability: 0.02, horizonMs: 2 * h })
    );
    expect(s.crossingMs).toBeNull();
    expect(s.crossingText).toBe('not within 2 h (2 %)');
  });

  it('has no crossing text without any threshold', () => {
    expect(summarizeForecast(forecastSeries()).crossingText).toBeUndefined();
  });

  it('orders series by the soonest crossing', () => {
    const soon = { timeToThresholdMs: h } as never;
    const late = { timeToThresholdMs: 5 * h } as never;
    const never = { timeToThresholdMs: null } as never;
    expect([never, late, soon].sort(bySoonestCrossing)).toEqual([soon, late, never]);
  });
});
