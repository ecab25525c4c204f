import { createDataFrame, createTheme, FieldType } from '@grafana/data';

import { readSeries } from '../shared/readSeries';
import { buildForecastFrames } from './buildForecastFrames';

const h = 3_600_000;

describe('buildForecastFrames', () => {
  it('draws the forecast and its cone from the last observed value, so there is no gap at now', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [0, h, 2 * h, 3 * h] },
        { name: 'actual', type: FieldType.number, values: [10, 11, null, null] },
        { name: 'forecast', type: FieldType.number, values: [null, null, 12, 13] },
        { name: 'lower', type: FieldType.number, values: [null, null, 11, 11.5] },
        { name: 'upper', type: FieldType.number, values: [null, null, 13, 14.5] },
      ],
    });
    const { series } = readSeries([frame]);
    const { frames } = buildForecastFrames(series, createTheme(), { showCone: true, colorIndex: () => 0 });
    // Drawn fields: time, actual, forecast, upper (filled down to lower), lower.
    const [, actual, forecast, upper, lower] = frames[0].fields.map((f) => f.values);
    expect(actual).toEqual([10, 11, null, null]);
    expect(forecast).toEqual([null, 11, 12, 13]);
    expect(upper).toEqual([null, 11, 13, 14.5]);
    expect(lower).toEqual([null, 11, 11, 11.5]);
    // The query's data is not changed (the header's crossing and the tooltip read it).
    expect(frame.fields[2].values).toEqual([null, null, 12, 13]);
  });
});
