/** @jest-environment node */
import { UpstreamError } from '../upstream/types';
import { QueryError, toQueryError } from './QueryError';

describe('toQueryError', () => {
  it.each([
    ['bad-request', 400, 'downstream'],
    ['unreachable', 502, 'downstream'],
    ['unauthorized', 502, 'downstream'],
    ['timeout', 504, 'downstream'],
    ['too-many-series', 422, 'plugin'],
    ['not-configured', 400, 'plugin'],
  ] as const)('maps an upstream %s failure to status %i from the %s', (kind, status, source) => {
    const error = toQueryError(new UpstreamError(kind, 'Prometheus said no'));
    expect(error.status).toBe(status);
    expect(error.errorSource).toBe(source);
    expect(error.message).toBe('Prometheus said no');
  });

  it('adds the upstream\'s own text when the message does not already carry it', () => {
    expect(toQueryError(new UpstreamError('bad-request', 'rejected', 400, 'parse error at char 5')).message).toBe(
      'rejected: parse error at char 5'
    );
    expect(toQueryError(new UpstreamError('bad-request', 'rejected: parse error', 400, 'parse error')).message).toBe(
      'rejected: parse error'
    );
  });

  it('keeps a QueryError and turns anything else into a 500 from the plugin', () => {
    const own = new QueryError(501, 'plugin', 'later');
    expect(toQueryError(own)).toBe(own);
    const unexpected = toQueryError(new TypeError('x is undefined'));
    expect(unexpected.status).toBe(500);
    expect(unexpected.errorSource).toBe('plugin');
    expect(unexpected.message).toContain('x is undefined');
  });
});
