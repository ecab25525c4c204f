import type { DataSourceSettings } from '@grafana/data';

import type { CustomHeader, ForesightDataSourceOptions, ForesightSecureJsonData, SourceKind } from '../types';

type Settings = DataSourceSettings<ForesightDataSourceOptions, ForesightSecureJsonData>;

/** `secureJsonData` key holding the value of the header at `index` of `jsonData.customHeaders`. */
export function headerValueKey(index: number): `customHeaderValue${number}` {
  return `customHeaderValue${index}`;
}

/** Where {@link addCustomHeader} puts the next header: the first empty slot, else the end. */
export function nextCustomHeaderIndex(options: Settings): number {
  const headers = options.jsonData.customHeaders ?? [];
  const free = headers.findIndex((header) => header.name === '');
  return free >= 0 ? free : headers.length;
}

/**
 * Adds a header. A removed header leaves an empty-named slot (see {@link removeCustomHeader}); a new
 * header reuses the first such slot, else goes at the end.
 */
export function addCustomHeader(options: Settings, target: SourceKind): Settings {
  const headers = [...(options.jsonData.customHeaders ?? [])];
  const index = nextCustomHeaderIndex(options);
  headers[index] = { target, name: '' };
  // A reused slot may still hold the removed header's (emptied) secret; start it unconfigured.
  const key = headerValueKey(index);
  return {
    ...options,
    jsonData: { ...options.jsonData, customHeaders: headers },
    secureJsonFields: { ...options.secureJsonFields, [key]: false },
    secureJsonData: { ...options.secureJsonData, [key]: '' },
  };
}

/**
 * Removes a header without moving the others: their values are secrets the browser cannot read back, so
 * shifting them to new `customHeaderValue<N>` keys would mean asking for every later value again. The
 * removed header's slot keeps an empty name (the backend skips headers without a name) and its value is
 * cleared; empty slots at the end are dropped.
 */
export function removeCustomHeader(options: Settings, index: number): Settings {
  const headers = [...(options.jsonData.customHeaders ?? [])];
  if (index < 0 || index >= headers.length) {
    return options;
  }
  headers[index] = { ...headers[index], name: '' };
  while (headers.length > 0 && headers[headers.length - 1].name === '') {
    headers.pop();
  }
  const key = headerValueKey(index);
  return {
    ...options,
    jsonData: { ...options.jsonData, customHeaders: headers },
    secureJsonFields: { ...options.secureJsonFields, [key]: false },
    secureJsonData: { ...options.secureJsonData, [key]: '' },
  };
}

/** Changes the name or target of the header at `index`. */
export function updateCustomHeader(options: Settings, index: number, change: Partial<CustomHeader>): Settings {
  const headers = [...(options.jsonData.customHeaders ?? [])];
  headers[index] = { ...headers[index], ...change };
  return { ...options, jsonData: { ...options.jsonData, customHeaders: headers } };
}

/** The headers to show, with their storage index; empty-named slots left by removals are hidden unless new. */
export function visibleCustomHeaders(
  options: Settings,
  newIndexes: ReadonlySet<number>
): Array<CustomHeader & { index: number }> {
  return (options.jsonData.customHeaders ?? [])
    .map((header, index) => ({ ...header, index }))
    .filter((header) => header.name !== '' || newIndexes.has(header.index));
}
