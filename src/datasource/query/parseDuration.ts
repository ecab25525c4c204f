/**
 * Durations as users write them in queries and settings (`7d`, `1h30m`, `90s`, `1w`, `500ms`),
 * in the Prometheus duration syntax so that what works in a PromQL range selector works here too.
 *
 * Shared by the query editor (live validation) and the backend (planning); no Grafana or Node imports.
 */

/** Milliseconds per duration unit, largest first: the order in which units must appear. */
const UNIT_MS: ReadonlyArray<readonly [unit: string, ms: number]> = [
  ['y', 365 * 24 * 3600 * 1000],
  ['w', 7 * 24 * 3600 * 1000],
  ['d', 24 * 3600 * 1000],
  ['h', 3600 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

const PART = /(\d+)(ms|y|w|d|h|m|s)/y;

/** A duration that could not be read; `field` names the query or settings field it came from. */
export class DurationError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string
  ) {
    super(`${field}: ${reason}`);
    this.name = 'DurationError';
  }
}

/**
 * Parses a duration such as `7d`, `1h30m`, `90s`, `1w` or `500ms` into milliseconds.
 *
 * Units are `y` (365 d), `w`, `d`, `h`, `m`, `s`, `ms`; several may be combined, largest first, each once
 * (as in PromQL). A bare number is rejected because `30` could mean seconds or minutes.
 *
 * @param text what the user wrote
 * @param field the field path used in the error, e.g. `analysis.training`
 * @throws DurationError naming the field, when the text is not a positive duration
 * @example
 * parseDuration('1h30m') // → 5_400_000
 */
export function parseDuration(text: unknown, field = 'duration'): number {
  if (typeof text !== 'string') {
    throw new DurationError(field, `expected a duration such as 7d, 1h30m or 90s, got ${describe(text)}`);
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new DurationError(field, 'expected a duration such as 7d, 1h30m or 90s, got an empty string');
  }
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    throw new DurationError(field, `"${trimmed}" has no unit; write e.g. ${trimmed}s, ${trimmed}m or ${trimmed}d`);
  }
  let total = 0;
  let position = 0;
  let lastUnitIndex = -1;
  PART.lastIndex = 0;
  while (position < trimmed.length) {
    PART.lastIndex = position;
    const match = PART.exec(trimmed);
    if (!match) {
      throw new DurationError(
        field,
        `expected a duration such as 7d, 1h30m, 90s, 1w or 500ms (units y, w, d, h, m, s, ms), got "${trimmed}"`
      );
    }
    const unitIndex = UNIT_MS.findIndex(([unit]) => unit === match[2]);
    if (unitIndex <= lastUnitIndex) {
      throw new DurationError(field, `units in "${trimmed}" must go from largest to smallest, each once (e.g. 1h30m)`);
    }
    lastUnitIndex = unitIndex;
    total += Number(match[1]) * UNIT_MS[unitIndex][1];
    position = PART.lastIndex;
  }
  if (total <= 0) {
    throw new DurationError(field, `"${trimmed}" is zero; expected a positive duration`);
  }
  if (!Number.isSafeInteger(total)) {
    throw new DurationError(field, `"${trimmed}" is too long`);
  }
  return total;
}

/**
 * Formats milliseconds as the shortest duration `parseDuration` reads back, e.g. `5_400_000` → `1h30m`.
 * Years are not used (a year is not a whole number of weeks), so long spans read as weeks and days.
 *
 * @example
 * formatDuration(90_000) // → '1m30s'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) {
    return '0s';
  }
  let rest = Math.round(ms);
  let text = '';
  for (const [unit, unitMs] of UNIT_MS) {
    if (unit === 'y') {
      continue;
    }
    const count = Math.floor(rest / unitMs);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * unitMs;
    }
  }
  return text;
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'number') {
    return `the number ${value} (durations need a unit, e.g. "${value}s")`;
  }
  return `a ${typeof value}`;
}
