import type { SourceKind } from '../types';
import { applyCompletion, type CompletionContext, filterSuggestions, getCompletionContext } from './completionContext';

/** `|` marks the cursor. */
function at(textWithCursor: string, kind: SourceKind = 'prometheus') {
  const cursor = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return { text, cursor, context: getCompletionContext(text, cursor, kind) };
}

describe('getCompletionContext', () => {
  test.each<[string, SourceKind, Partial<CompletionContext> | undefined]>([
    ['|', 'prometheus', { type: 'metric', prefix: '' }],
    ['http_req|', 'prometheus', { type: 'metric', prefix: 'http_req' }],
    ['rate(http_req|', 'prometheus', { type: 'metric', prefix: 'http_req' }],
    ['node:cpu|', 'prometheus', { type: 'metric', prefix: 'node:cpu' }],
    ['up{|', 'prometheus', { type: 'label-name', prefix: '', metric: 'up' }],
    ['up{jo|', 'prometheus', { type: 'label-name', prefix: 'jo', metric: 'up' }],
    ['up{job="api", ins|', 'prometheus', { type: 'label-name', prefix: 'ins', metric: 'up' }],
    ['up{job="ap|', 'prometheus', { type: 'label-value', prefix: 'ap', label: 'job', metric: 'up' }],
    ['up{job=~"ap|"}', 'prometheus', { type: 'label-value', prefix: 'ap', label: 'job', metric: 'up' }],
    ['{job!="|', 'prometheus', { type: 'label-value', prefix: '', label: 'job', metric: undefined }],
    ['sum by (jo|', 'prometheus', { type: 'label-name', prefix: 'jo' }],
    ['sum by (job, ins|', 'prometheus', { type: 'label-name', prefix: 'ins' }],
    ['rate(up[5|', 'prometheus', undefined],
    ['up > 5|', 'prometheus', undefined],
    ['up{job="api"} / 1|', 'prometheus', undefined],
    ['up{job="a", |', 'prometheus', { type: 'label-name', prefix: '' }],
    ['up{job="a" |', 'prometheus', undefined],
    ['{app=|', 'loki', undefined],
    ['{ap|', 'loki', { type: 'label-name', prefix: 'ap', metric: undefined }],
    ['{app="ap|', 'loki', { type: 'label-value', prefix: 'ap', label: 'app' }],
    ['sum(rate({app="api"} |= "err|', 'loki', undefined],
    ['rate({app="api"}[5m]) |', 'loki', undefined],
  ])('%s (%s)', (input, kind, expected) => {
    const { context } = at(input, kind);
    if (expected === undefined) {
      expect(context).toBeUndefined();
    } else {
      expect(context).toMatchObject(expected);
    }
  });
});

describe('applyCompletion', () => {
  test.each<[string, string, string]>([
    ['http_req|', 'http_requests_total', 'http_requests_total|'],
    ['rate(http_req|[5m])', 'http_requests_total', 'rate(http_requests_total|[5m])'],
    ['up{jo|', 'job', 'up{job="|"'],
    ['up{jo|="api"}', 'job', 'up{job|="api"}'],
    ['up{job="a|"}', 'api', 'up{job="api"|}'],
    ['up{job="a|', 'api', 'up{job="api|'],
    ['up{path="|"}', 'say "hi"', 'up{path="say \\"hi\\""|}'],
    ['sum by (jo|)', 'job', 'sum by (job|)'],
  ])('%s + %s → %s', (input, value, expected) => {
    const { text, context } = at(input);
    expect(context).toBeDefined();
    const result = applyCompletion(text, context!, value);
    expect(result.text.slice(0, result.cursor) + '|' + result.text.slice(result.cursor)).toBe(expected);
  });
});

describe('filterSuggestions', () => {
  const names = ['up', 'http_requests_total', 'node_cpu_seconds_total', 'process_cpu_seconds_total', 'HTTP_errors'];
  test.each<[string, string[]]>([
    ['', ['HTTP_errors', 'http_requests_total', 'node_cpu_seconds_total', 'process_cpu_seconds_total', 'up']],
    ['http', ['HTTP_errors', 'http_requests_total']],
    ['cpu', ['node_cpu_seconds_total', 'process_cpu_seconds_total']],
    ['up', []],
    ['zzz', []],
  ])('%s', (prefix, expected) => {
    expect(filterSuggestions(names, prefix)).toEqual(expected);
  });

  it('stops at the limit', () => {
    expect(filterSuggestions(names, '', 2)).toHaveLength(2);
  });
});
