import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';

import { readSeries } from './readSeries';

const time = { name: 'time', type: FieldType.time, values: [0, 60_000] };
const num = (name: string, labels?: Record<string, string>, extra: object = {}) => ({
  name,
  type: FieldType.number,
  values: [1, 2],
  labels,
  ...extra,
});

describe('readSeries', () => {
  test.each<{ name: string; frames: DataFrame[]; expected: Array<{ name: string; roles: string[] }> }>([
    {
      name: 'one Foresight frame per series (timeseries-multi): labels that differ name the series',
      frames: [
        createDataFrame({
          refId: 'A',
          fields: [time, num('actual', { service: 'api', job: 'demo' }), num('score', { service: 'api', job: 'demo' })],
        }),
        createDataFrame({
          refId: 'A',
          fields: [
            time,
            num('actual', { service: 'db', job: 'demo' }),
            num('expected', { service: 'db', job: 'demo' }),
          ],
        }),
      ],
      expected: [
        { name: 'api', roles: ['actual', 'score'] },
        { name: 'db', roles: ['actual', 'expected'] },
      ],
    },
    {
      name: 'a wide frame with several labelled series is split by labels',
      frames: [
        createDataFrame({
          fields: [
            time,
            num('actual', { pod: 'a' }),
            num('actual', { pod: 'b' }),
            num('upper', { pod: 'a' }),
            num('lower', { pod: 'a' }),
          ],
        }),
      ],
      expected: [
        { name: 'a', roles: ['actual', 'upper', 'lower'] },
        { name: 'b', roles: ['actual'] },
      ],
    },
    {
      name: 'a single series shows all its labels',
      frames: [createDataFrame({ fields: [time, num('forecast', { device: 'sda', instance: 'db-1' })] })],
      expected: [{ name: 'device="sda", instance="db-1"', roles: ['forecast'] }],
    },
    {
      name: 'a name from the datasource (legendFormat) wins',
      frames: [
        createDataFrame({
          fields: [time, num('actual', { service: 'api' }, { config: { displayNameFromDS: 'api p95' } })],
        }),
      ],
      expected: [{ name: 'api p95', roles: ['actual'] }],
    },
    {
      name: 'frames from other datasources: each numeric field is a plain series',
      frames: [createDataFrame({ refId: 'B', fields: [time, num('cpu'), num('mem')] })],
      expected: [
        { name: 'cpu', roles: ['actual'] },
        { name: 'mem', roles: ['actual'] },
      ],
    },
    {
      name: 'identical labels in two queries are told apart by refId',
      frames: [
        createDataFrame({ refId: 'A', fields: [time, num('actual', { service: 'api' })] }),
        createDataFrame({ refId: 'B', fields: [time, num('actual', { service: 'api' })] }),
      ],
      expected: [
        { name: 'api (A)', roles: ['actual'] },
        { name: 'api (B)', roles: ['actual'] },
      ],
    },
  ])('$name', ({ frames, expected }) => {
    const { series, problems } = readSeries(frames);
    expect(problems).toEqual([]);
    expect(series.map((s) => ({ name: s.name, roles: Object.keys(s.fields) }))).toEqual(expected);
  });

  it('reports frames without a time field instead of drawing them', () => {
    const { series, problems } = readSeries([createDataFrame({ refId: 'C', fields: [num('value')] })]);
    expect(series).toEqual([]);
    expect(problems).toEqual(['Query C: the frame has no time field, so it cannot be drawn over time.']);
  });
});
