/**
 * hclog-style JSON logging on stderr, the format go-plugin parses and re-logs at the right level in
 * Grafana's `plugin.<id>` logger. Rules (protocol notes, sections 1.6 and 8):
 * - one JSON object per line; `@level`, `@message` and `@timestamp` are always strings (a non-string
 *   makes go-plugin's parser panic);
 * - `@level` is one of trace, debug, info, warn, error;
 * - `@timestamp` has exactly 6 fractional digits and an offset (`2006-01-02T15:04:05.000000Z07:00`);
 *   `toISOString()` (3 digits) fails the parse and the line ends up raw at DEBUG, invisible by default;
 * - lines stay well under go-plugin's 64 KiB read buffer;
 * - nothing goes to stdout, which carries only the handshake line.
 * Values under keys that look like secrets are replaced before they are written.
 */

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

/** Keys whose values are never written (secureJsonData names, auth headers, tokens). */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|credential|private|cacert|headervalue/i;

/** Longest `@message` written; longer messages are cut so a line never reaches 64 KiB. */
const MAX_MESSAGE_CHARS = 8000;
/** Longest string value of another key. */
const MAX_VALUE_CHARS = 2000;

export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds these fields to every line. */
  with(fields: Record<string, unknown>): Logger;
}

/** Formats a time as hclog's `2006-01-02T15:04:05.000000Z07:00` in UTC (`+00:00`). */
export function formatHclogTimestamp(epochMicros: number): string {
  const millis = Math.floor(epochMicros / 1000);
  const micros = Math.floor(epochMicros - millis * 1000);
  const iso = new Date(millis).toISOString(); // 2026-11-21T04:16:06.559Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}+00:00`;
}

function nowMicros(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}

/** Makes a value safe and small for a log line: secrets redacted, errors flattened, long strings cut. */
export function sanitizeLogValue(key: string, value: unknown, depth = 0): unknown {
  if (SECRET_KEY.test(key)) {
    return '[redacted]';
  }
  if (value instanceof Error) {
    return truncate(value.message, MAX_VALUE_CHARS);
  }
  if (typeof value === 'string') {
    return truncate(value, MAX_VALUE_CHARS);
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  }
  if (depth >= 3) {
    return '[object]';
  }
  if (Array.isArray(value)) {
    return value.slice(0, 50).map((v) => sanitizeLogValue('', v, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>).slice(0, 50)) {
    out[k] = sanitizeLogValue(k, v, depth + 1);
  }
  return out;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** Builds one hclog JSON line (without the newline). */
export function formatLogLine(
  level: LogLevel,
  message: string,
  fields: Record<string, unknown> = {},
  epochMicros = nowMicros()
): string {
  const line: Record<string, unknown> = {
    '@level': level,
    '@message': truncate(String(message), MAX_MESSAGE_CHARS),
    '@timestamp': formatHclogTimestamp(epochMicros),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith('@') || value === undefined) {
      continue; // the three reserved keys must stay strings we control
    }
    line[key] = sanitizeLogValue(key, value);
  }
  return JSON.stringify(line);
}

export interface LoggerOptions {
  /** Lowest level written. Defaults to `debug` (Grafana filters by its own level). */
  level?: LogLevel;
  /** Where lines go. Defaults to stderr. */
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const minimum = LEVEL_ORDER[options.level ?? 'debug'];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < minimum) {
      return;
    }
    write(formatLogLine(level, message, { ...bound, ...fields }));
  };
  return {
    trace: log('trace'),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    with: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** Parses a level name from the environment (GF_PLUGIN_LOG_LEVEL), falling back to `debug`. */
export function parseLogLevel(value: string | undefined): LogLevel {
  const level = (value ?? '').toLowerCase();
  return level in LEVEL_ORDER ? (level as LogLevel) : 'debug';
}
