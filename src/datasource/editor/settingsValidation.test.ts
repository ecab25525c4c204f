import {
  durationSettingError,
  parseUnitIntervalSetting,
  parseWholeNumberSetting,
  urlError,
} from './settingsValidation';

test.each<[string | undefined, boolean]>([
  [undefined, false],
  ['', false],
  ['http://prometheus:9090', false],
  ['https://mimir.example.com/prometheus', false],
  ['prometheus:9090', true],
  ['localhost:3100', true],
  ['ftp://example.com', true],
  ['http://prometheus:9090/?foo=bar', true],
  ['not a url', true],
])('urlError(%j) → error: %s', (text, hasError) => {
  expect(urlError(text) !== undefined).toBe(hasError);
});

test.each<[string, number, number | undefined, boolean]>([
  ['', 1, undefined, false],
  ['500', 1, 500, false],
  ['2,000,000', 1, 2_000_000, false],
  ['2_000_000', 1, 2_000_000, false],
  ['0', 1, undefined, true],
  ['1.5', 1, undefined, true],
  ['-3', 1, undefined, true],
  ['lots', 1, undefined, true],
])('parseWholeNumberSetting(%j, %d)', (text, min, value, hasError) => {
  const result = parseWholeNumberSetting(text, min);
  expect(result.value).toBe(value);
  expect(result.error !== undefined).toBe(hasError);
});

test.each<[string, number | undefined, boolean]>([
  ['', undefined, false],
  ['0.5', 0.5, false],
  ['1', 1, false],
  ['0', 0, false],
  ['1.2', undefined, true],
  ['half', undefined, true],
])('parseUnitIntervalSetting(%j)', (text, value, hasError) => {
  const result = parseUnitIntervalSetting(text);
  expect(result.value).toBe(value);
  expect(result.error !== undefined).toBe(hasError);
});

test.each<[string, boolean]>([
  ['', false],
  ['7d', false],
  ['7', true],
  ['a week', true],
])('durationSettingError(%j) → error: %s', (text, hasError) => {
  expect(durationSettingError(text, 'Default training window') !== undefined).toBe(hasError);
});
