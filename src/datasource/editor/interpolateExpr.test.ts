import { formatSelectorValue } from './interpolateExpr';

describe('formatSelectorValue', () => {
  test.each<[string | string[], { multi?: boolean; includeAll?: boolean } | undefined, string]>([
    ['api', undefined, 'api'],
    ['a.b', undefined, 'a.b'],
    ['a.b', { multi: true }, 'a\\\\.b'],
    [['api'], { multi: true }, 'api'],
    [['api', 'web'], { multi: true }, '(api|web)'],
    [['a+b', 'c'], { includeAll: true }, '(a\\\\+b|c)'],
  ])('%j (%j) → %s', (value, variable, expected) => {
    expect(formatSelectorValue(value, variable)).toBe(expected);
  });
});
