/** @jest-environment node */
import { createLogger, formatHclogTimestamp, formatLogLine, parseLogLevel } from './logger';

/** go-plugin parses @timestamp with layout 2006-01-02T15:04:05.000000Z07:00. */
const HCLOG_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(Z|[+-]\d\d:\d\d)$/;

describe('hclog logging', () => {
  it('formats timestamps with exactly 6 fractional digits and an offset (toISOString has 3, which go-plugin rejects)', () => {
    const micros = Date.UTC(2026, 10, 21, 4, 16, 6, 559) * 1000 + 123;
    expect(formatHclogTimestamp(micros)).toBe('2026-11-21T04:16:06.559123+00:00');
    expect(formatHclogTimestamp(Date.UTC(2026, 0, 1) * 1000)).toBe('2026-01-01T00:00:00.000000+00:00');
    expect(formatHclogTimestamp(Date.now() * 1000)).toMatch(HCLOG_TIMESTAMP);
  });

  it('writes one JSON object per line with string @level, @message and @timestamp', () => {
    const line = formatLogLine('info', 'started', { port: 1234 });
    expect(line).not.toContain('\n');
    const entry = JSON.parse(line);
    expect(entry).toEqual({ '@level': 'info', '@message': 'started', '@timestamp': expect.stringMatching(HCLOG_TIMESTAMP), port: 1234 });
  });

  it('never lets a field overwrite the reserved keys with a non-string (go-plugin would panic)', () => {
    const entry = JSON.parse(formatLogLine('warn', 'x', { '@level': 3, '@message': { a: 1 }, '@timestamp': 0 }));
    expect(entry['@level']).toBe('warn');
    expect(entry['@message']).toBe('x');
    expect(typeof entry['@timestamp']).toBe('string');
  });

  it('redacts values under secret-looking keys, also when nested', () => {
    const line = formatLogLine('debug', 'settings', {
      prometheusBearerToken: 'tok-123',
      headers: { Authorization: 'Bearer abc', 'X-Scope-OrgID': 'tenant' },
      config: { basicAuthPassword: 'pw', url: 'http://prom' },
    });
    expect(line).not.toMatch(/tok-123|Bearer abc|"pw"/);
    const entry = JSON.parse(line);
    expect(entry.headers['X-Scope-OrgID']).toBe('tenant');
    expect(entry.config.url).toBe('http://prom');
  });

  it('keeps lines far below go-plugin\'s 64 KiB line buffer', () => {
    const line = formatLogLine('error', 'x'.repeat(200_000), { detail: 'y'.repeat(200_000) });
    expect(Buffer.byteLength(line)).toBeLessThan(16 * 1024);
  });

  it('writes errors as their message and drops lines below the minimum level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (l) => lines.push(l) }).with({ refId: 'A' });
    logger.debug('hidden');
    logger.error('query failed', { error: new Error('boom') });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ '@level': 'error', refId: 'A', error: 'boom' });
  });

  it.each([
    ['INFO', 'info'],
    ['warn', 'warn'],
    ['', 'debug'],
    [undefined, 'debug'],
    ['verbose', 'debug'],
  ])('parses log level %p as %p', (value, level) => {
    expect(parseLogLevel(value)).toBe(level);
  });
});
