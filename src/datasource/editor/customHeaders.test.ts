import type { DataSourceSettings } from '@grafana/data';

import type { ForesightDataSourceOptions, ForesightSecureJsonData } from '../types';
import { addCustomHeader, removeCustomHeader, visibleCustomHeaders } from './customHeaders';

type Settings = DataSourceSettings<ForesightDataSourceOptions, ForesightSecureJsonData>;

function settings(names: string[], configured: number[]): Settings {
  return {
    jsonData: { customHeaders: names.map((name) => ({ target: 'prometheus' as const, name })) },
    secureJsonFields: Object.fromEntries(configured.map((index) => [`customHeaderValue${index}`, true])),
    secureJsonData: {},
  } as unknown as Settings;
}

describe('removeCustomHeader', () => {
  it('keeps later headers at their index so their stored values still match', () => {
    const next = removeCustomHeader(settings(['X-A', 'X-B', 'X-C'], [0, 1, 2]), 1);
    expect(next.jsonData.customHeaders?.map((header) => header.name)).toEqual(['X-A', '', 'X-C']);
    expect(next.secureJsonFields).toEqual({
      customHeaderValue0: true,
      customHeaderValue1: false,
      customHeaderValue2: true,
    });
    expect(next.secureJsonData).toEqual({ customHeaderValue1: '' });
  });

  it('drops empty slots at the end', () => {
    const first = removeCustomHeader(settings(['X-A', 'X-B', 'X-C'], [0, 1, 2]), 1);
    const next = removeCustomHeader(first, 2);
    expect(next.jsonData.customHeaders?.map((header) => header.name)).toEqual(['X-A']);
  });
});

describe('addCustomHeader', () => {
  test.each<[string[], number]>([
    [[], 0],
    [['X-A'], 1],
    [['X-A', '', 'X-C'], 1],
  ])('%j → new header at %d', (names, index) => {
    const next = addCustomHeader(settings(names, [0, 1, 2]), 'loki');
    expect(next.jsonData.customHeaders?.[index]).toEqual({ target: 'loki', name: '' });
    expect(next.secureJsonFields[`customHeaderValue${index}`]).toBe(false);
  });
});

test('visibleCustomHeaders hides removed slots but shows a header just added', () => {
  const options = settings(['X-A', '', 'X-C', ''], []);
  expect(visibleCustomHeaders(options, new Set()).map((header) => header.index)).toEqual([0, 2]);
  expect(visibleCustomHeaders(options, new Set([3])).map((header) => header.index)).toEqual([0, 2, 3]);
});
