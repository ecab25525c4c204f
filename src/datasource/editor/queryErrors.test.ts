import { DEFAULT_QUERY, type ForesightQuery } from '../types';
import { queryErrors } from './queryErrors';

function query(overrides: Partial<ForesightQuery>): ForesightQuery {
  return { refId: 'A', ...DEFAULT_QUERY, source: { kind: 'prometheus', expr: 'up' }, ...overrides };
}

test.each<[string, ForesightQuery, string[]]>([
  ['a valid query', query({}), []],
  ['an empty expression is not an error yet', query({ source: { kind: 'prometheus', expr: '' } }), []],
  ['a duration without unit', query({ analysis: { kind: 'anomaly', training: '7' } }), ['analysis.training']],
  [
    'a bad seasonal period',
    query({ analysis: { kind: 'decompose', seasonality: ['1d', 'weekly'] } }),
    ['analysis.seasonality'],
  ],
  [
    'a threshold mode without threshold',
    query({ analysis: { kind: 'forecast' }, output: 'time-to-threshold' }),
    ['output'],
  ],
  ['a bad horizon', query({ analysis: { kind: 'forecast', horizon: 'soon' } }), ['analysis.horizon']],
  ['a sensitivity out of range', query({ analysis: { kind: 'anomaly', sensitivity: 2 } }), ['analysis.sensitivity']],
])('%s', (_name, input, fields) => {
  const errors = queryErrors(input);
  expect(Object.keys(errors).sort()).toEqual([...fields].sort());
  for (const field of fields) {
    expect(errors[field]).toEqual(expect.any(String));
  }
});
