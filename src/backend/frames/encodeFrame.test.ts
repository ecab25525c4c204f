/** @jest-environment node */
import { DataType, tableFromIPC, TimeUnit, type Table } from 'apache-arrow';
import { encodeFrame, millisToNanos } from './encodeFrame';
import type { Frame } from './types';

const ASCII_MAGIC = 'ARROW1';

function decode(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

function timeFrame(millis: number[], values: Array<number | null>, extra: Partial<Frame> = {}): Frame {
  return {
    name: 'cpu',
    meta: { type: 'timeseries-multi', executedQueryString: 'Expr: up' },
    fields: [
      { name: 'time', type: 'time', values: millisToNanos(millis) },
      { name: 'value', type: 'number', values, labels: { job: 'api', instance: 'a:9090' } },
    ],
    ...extra,
  };
}

describe('encodeFrame: the rules of Grafana\'s Arrow decoder', () => {
  it('writes an Arrow IPC file (ARROW1 at both ends), not the stream format Grafana rejects', () => {
    const bytes = encodeFrame(timeFrame([1000, 2000], [1, 2]), 'A');
    expect(Buffer.from(bytes.subarray(0, 6)).toString('latin1')).toBe(ASCII_MAGIC);
    expect(Buffer.from(bytes.subarray(bytes.length - 6)).toString('latin1')).toBe(ASCII_MAGIC);
    // The stream format starts with the continuation marker 0xFFFFFFFF instead.
    expect(bytes[0]).not.toBe(0xff);
  });

  it('stores times as Timestamp(NANOSECOND) without timezone, exact to the nanosecond', () => {
    const nanos = new BigInt64Array([BigInt('1700000000123456789'), BigInt('1700000060000000001')]);
    const table = decode(
      encodeFrame({ fields: [{ name: 'time', type: 'time', values: nanos }] }, 'A')
    );
    const field = table.schema.fields[0];
    expect(DataType.isTimestamp(field.type)).toBe(true);
    expect(field.type.unit).toBe(TimeUnit.NANOSECOND);
    expect(field.type.timezone).toBeNull();
    expect(Array.from(table.getChild('time')!.data[0].values as BigInt64Array)).toEqual(Array.from(nanos));
  });

  it('converts Prometheus millisecond times to nanoseconds without float error', () => {
    // The apache-arrow builder would store 1700000000123 ms as …123000064 ns.
    expect(Array.from(millisToNanos([1700000000123, 1700000000123.5]))).toEqual([
      BigInt('1700000000123000000'),
      BigInt('1700000000123500000'),
    ]);
  });

  it('writes strings as Utf8, never Dictionary', () => {
    const table = decode(
      encodeFrame({ fields: [{ name: 'host', type: 'string', values: ['a', 'a', 'b', 'ünïcode ✓'] }] }, 'A')
    );
    const field = table.schema.fields[0];
    expect(DataType.isUtf8(field.type)).toBe(true);
    expect(DataType.isDictionary(field.type)).toBe(false);
    expect(table.getChild('host')!.toArray()).toEqual(['a', 'a', 'b', 'ünïcode ✓']);
  });

  it('puts name, refId and meta in the schema metadata; refId falls back to the response key', () => {
    const table = decode(encodeFrame(timeFrame([1000], [1]), 'B'));
    expect(table.schema.metadata.get('name')).toBe('cpu');
    expect(table.schema.metadata.get('refId')).toBe('B');
    expect(JSON.parse(table.schema.metadata.get('meta')!)).toEqual({
      type: 'timeseries-multi',
      executedQueryString: 'Expr: up',
    });
    const own = decode(encodeFrame({ ...timeFrame([1000], [1]), refId: 'C' }, 'B'));
    expect(own.schema.metadata.get('refId')).toBe('C');
  });

  it('always writes name and refId, even empty, and leaves meta out when the frame has none', () => {
    const table = decode(encodeFrame({ fields: [] }, ''));
    expect(table.schema.metadata.get('name')).toBe('');
    expect(table.schema.metadata.get('refId')).toBe('');
    expect(table.schema.metadata.has('meta')).toBe(false);
  });

  it('writes field metadata tstype always, labels and config as JSON when present, and no name key', () => {
    const frame = timeFrame([1000], [1]);
    frame.fields[1].config = { displayNameFromDS: 'api a:9090', interval: 60000 };
    const table = decode(encodeFrame(frame, 'A'));
    const [time, value] = table.schema.fields;
    expect(time.metadata.get('tstype')).toBe('time');
    expect(time.metadata.has('labels')).toBe(false);
    expect(time.metadata.has('config')).toBe(false);
    expect(value.metadata.get('tstype')).toBe('number');
    expect(JSON.parse(value.metadata.get('labels')!)).toEqual({ job: 'api', instance: 'a:9090' });
    expect(JSON.parse(value.metadata.get('config')!)).toEqual({ displayNameFromDS: 'api a:9090', interval: 60000 });
    expect(value.metadata.has('name')).toBe(false);
    expect(value.name).toBe('value');
  });

  it('round-trips labels with quotes, unicode and empty values', () => {
    const labels = { path: '/api/"v1"', emoji: '⚡', empty: '', 'with space': 'x y' };
    const table = decode(
      encodeFrame({ fields: [{ name: 'value', type: 'number', values: [1], labels }] }, 'A')
    );
    expect(JSON.parse(table.schema.fields[0].metadata.get('labels')!)).toEqual(labels);
  });

  it('marks a field nullable only when values may be missing, and keeps nulls as nulls', () => {
    const table = decode(encodeFrame(timeFrame([1000, 2000, 3000], [1, null, 3]), 'A'));
    const [time, value] = table.schema.fields;
    expect(time.nullable).toBe(false);
    expect(value.nullable).toBe(true);
    const column = table.getChild('value')!;
    expect([column.get(0), column.get(1), column.get(2)]).toEqual([1, null, 3]);
    expect(column.nullCount).toBe(1);
  });

  it('honours an explicit nullable flag on a field without nulls', () => {
    const frame = timeFrame([1000], [1]);
    frame.fields[1].nullable = true;
    expect(decode(encodeFrame(frame, 'A')).schema.fields[1].nullable).toBe(true);
  });

  it('refuses nulls in a field declared non-nullable instead of dropping them silently', () => {
    const frame = timeFrame([1000, 2000], [1, null]);
    frame.fields[1].nullable = false;
    expect(() => encodeFrame(frame, 'A')).toThrow(/missing values but is declared non-nullable/);
  });

  it('keeps NaN and infinities as numbers (they are values, not nulls)', () => {
    const table = decode(
      encodeFrame(
        { fields: [{ name: 'v', type: 'number', values: new Float64Array([NaN, Infinity, -Infinity, -0]) }] },
        'A'
      )
    );
    const column = table.getChild('v')!;
    expect(table.schema.fields[0].nullable).toBe(false);
    expect(column.nullCount).toBe(0);
    expect(Number.isNaN(column.get(0))).toBe(true);
    expect(column.get(1)).toBe(Infinity);
    expect(column.get(2)).toBe(-Infinity);
  });

  it('round-trips booleans with nulls', () => {
    const table = decode(
      encodeFrame({ fields: [{ name: 'ok', type: 'boolean', values: [true, null, false, true] }] }, 'A')
    );
    const column = table.getChild('ok')!;
    expect(DataType.isBool(table.schema.fields[0].type)).toBe(true);
    expect([0, 1, 2, 3].map((i) => column.get(i))).toEqual([true, null, false, true]);
  });

  it('encodes an empty frame (schema, zero rows) that decodes with all its fields', () => {
    const table = decode(encodeFrame(timeFrame([], []), 'A'));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['time', 'value']);
    expect(table.schema.metadata.get('refId')).toBe('A');
  });

  it('round-trips a large frame (200,000 rows) value for value', () => {
    const n = 200_000;
    const millis = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      millis[i] = 1_700_000_000_000 + i * 15_000;
      values[i] = Math.sin(i / 100) * 1e6 + i;
    }
    const frame: Frame = {
      fields: [
        { name: 'time', type: 'time', values: millisToNanos(millis) },
        { name: 'value', type: 'number', values },
      ],
    };
    const table = decode(encodeFrame(frame, 'A'));
    expect(table.numRows).toBe(n);
    const decodedTimes = table.getChild('time')!.data.flatMap((d) => Array.from(d.values as BigInt64Array));
    expect(decodedTimes[n - 1]).toBe(BigInt(millis[n - 1]) * BigInt('1000000'));
    const decodedValues = table.getChild('value')!.toArray() as Float64Array;
    expect(decodedValues).toEqual(values);
  });

  it('rejects fields of different lengths with a message naming them', () => {
    expect(() =>
      encodeFrame(
        {
          fields: [
            { name: 'time', type: 'time', values: new BigInt64Array(2) },
            { name: 'value', type: 'number', values: [1] },
          ],
        },
        'A'
      )
    ).toThrow('time=2, value=1');
  });

  it('rejects a millisecond number in a time field instead of writing a 1970 date', () => {
    expect(() =>
      encodeFrame({ fields: [{ name: 'time', type: 'time', values: [1700000000000] as unknown as bigint[] }] }, 'A')
    ).toThrow(/needs bigint nanoseconds/);
  });
});
