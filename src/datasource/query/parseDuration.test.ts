/** @jest-environment node */
import { DurationError, formatDuration, parseDuration } from './parseDuration';

describe('parseDuration', () => {
  test.each([
    ['7d', 7 * 86_400_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1w', 604_800_000],
    ['500ms', 500],
    ['1y', 365 * 86_400_000],
    ['1d12h', 129_600_000],
    ['2m30s500ms', 150_500],
    [' 5m ', 300_000],
  ])('%s → %d ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  test.each([
    [
      'abc',
      'analysis.training: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "abc"',
    ],
    ['', 'analysis.training: expected a duration such as 7d, 1h30m or 90s, got an empty string'],
    ['30', 'analysis.training: "30" has no unit; write e.g. 30s, 30m or 30d'],
    ['0s', 'analysis.training: "0s" is zero; expected a positive duration'],
    ['30m1h', 'analysis.training: units in "30m1h" must go from largest to smallest, each once (e.g. 1h30m)'],
    ['1h1h', 'analysis.training: units in "1h1h" must go from largest to smallest, each once (e.g. 1h30m)'],
    [
      '-5m',
      'analysis.training: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "-5m"',
    ],
    [
      '1.5h',
      'analysis.training: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "1.5h"',
    ],
    [
      '5M',
      'analysis.training: expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "5M"',
    ],
  ])('rejects %j naming the field', (text, message) => {
    expect(() => parseDuration(text, 'analysis.training')).toThrow(message);
  });

  test.each([
    [
      300,
      'analysis.training: expected a duration such as 7d, 1h30m or 90s, got the number 300 (durations need a unit, e.g. "300s")',
    ],
    [undefined, 'analysis.training: expected a duration such as 7d, 1h30m or 90s, got nothing'],
    [null, 'analysis.training: expected a duration such as 7d, 1h30m or 90s, got null'],
  ])('rejects non-strings (%p)', (value, message) => {
    expect(() => parseDuration(value, 'analysis.training')).toThrow(message);
  });

  test('the error carries the field separately for editors', () => {
    try {
      parseDuration('x', 'analysis.horizon');
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toBeInstanceOf(DurationError);
      expect((error as DurationError).field).toBe('analysis.horizon');
    }
  });
});

describe('formatDuration', () => {
  test.each([
    [5_400_000, '1h30m'],
    [90_000, '1m30s'],
    [500, '500ms'],
    [604_800_000, '1w'],
    [8 * 86_400_000, '1w1d'],
    [0, '0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test.each(['7d', '1h30m', '90s', '1w', '500ms', '3w2d5h4m3s2ms', '1y'])('reads back what %s means', (text) => {
    expect(parseDuration(formatDuration(parseDuration(text)))).toBe(parseDuration(text));
  });
});
