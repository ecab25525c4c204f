import type { SourceKind } from '../types';

/** What kind of name the cursor is on, and the text the chosen suggestion replaces. */
export type CompletionContext =
  | { type: 'metric'; prefix: string; from: number; to: number }
  | { type: 'label-name'; prefix: string; from: number; to: number; metric?: string }
  | { type: 'label-value'; prefix: string; from: number; to: number; metric?: string; label: string };

const METRIC_CHAR = /[A-Za-z0-9_:]/;
const LABEL_CHAR = /[A-Za-z0-9_]/;
const GROUPING = /\b(by|without|on|ignoring|group_left|group_right)\s*\(\s*([A-Za-z0-9_]+\s*,\s*)*$/;

interface Scan {
  /** Offset of the `{` of the selector the cursor is in, or -1. */
  braceStart: number;
  /** Offset of the opening quote when the cursor is inside a string, or -1. */
  quoteStart: number;
  /** Whether the cursor is inside a `[...]` range or subquery. */
  inBrackets: boolean;
}

function scan(text: string, cursor: number): Scan {
  let braceStart = -1;
  let quoteStart = -1;
  let quoteChar = '';
  let bracketDepth = 0;
  for (let i = 0; i < cursor; i++) {
    const char = text[i];
    if (quoteStart >= 0) {
      if (char === '\\' && quoteChar !== '`') {
        i++;
      } else if (char === quoteChar) {
        quoteStart = -1;
      }
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      quoteStart = i;
      quoteChar = char;
    } else if (char === '{') {
      braceStart = i;
    } else if (char === '}') {
      braceStart = -1;
    } else if (char === '[') {
      bracketDepth++;
    } else if (char === ']') {
      bracketDepth = Math.max(0, bracketDepth - 1);
    }
  }
  return { braceStart, quoteStart, inBrackets: bracketDepth > 0 };
}

function wordStart(text: string, cursor: number, wordChar: RegExp): number {
  let start = cursor;
  while (start > 0 && wordChar.test(text[start - 1])) {
    start--;
  }
  return start;
}

function metricBefore(text: string, braceStart: number): string | undefined {
  const start = wordStart(text, braceStart, METRIC_CHAR);
  const name = text.slice(start, braceStart);
  return name !== '' && !/^\d/.test(name) ? name : undefined;
}

/**
 * Works out what the cursor in a PromQL or LogQL expression is on: a metric name (PromQL, outside
 * selectors), a label name (inside `{…}` or a PromQL `by (…)`), or a label value (inside the quotes after
 * `label=`, `!=`, `=~` or `!~`). Returns `undefined` where no suggestion makes sense (ranges, numbers,
 * line filters).
 *
 * @example getCompletionContext('up{jo', 5, 'prometheus') // → { type: 'label-name', prefix: 'jo', from: 3, to: 5, metric: 'up' }
 */
export function getCompletionContext(text: string, cursor: number, kind: SourceKind): CompletionContext | undefined {
  const { braceStart, quoteStart, inBrackets } = scan(text, cursor);
  if (braceStart >= 0) {
    const metric = kind === 'prometheus' ? metricBefore(text, braceStart) : undefined;
    if (quoteStart >= 0) {
      const matcher = /([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*$/.exec(text.slice(braceStart + 1, quoteStart));
      if (!matcher) {
        return undefined;
      }
      return {
        type: 'label-value',
        prefix: text.slice(quoteStart + 1, cursor),
        from: quoteStart + 1,
        to: cursor,
        metric,
        label: matcher[1],
      };
    }
    const from = wordStart(text, cursor, LABEL_CHAR);
    const before = text.slice(braceStart + 1, from).trimEnd();
    // A label name starts a matcher: right after `{` or after a comma.
    if (before !== '' && !before.endsWith(',')) {
      return undefined;
    }
    return { type: 'label-name', prefix: text.slice(from, cursor), from, to: cursor, metric };
  }
  if (quoteStart >= 0 || inBrackets || kind !== 'prometheus') {
    return undefined;
  }
  const from = wordStart(text, cursor, METRIC_CHAR);
  const prefix = text.slice(from, cursor);
  if (/^\d/.test(prefix)) {
    return undefined;
  }
  if (GROUPING.test(text.slice(0, from))) {
    return { type: 'label-name', prefix, from, to: cursor };
  }
  return { type: 'metric', prefix, from, to: cursor };
}

/** The expression after inserting `value` for the context, and where the cursor goes. */
export function applyCompletion(
  text: string,
  context: CompletionContext,
  value: string
): { text: string; cursor: number } {
  let insert = value;
  let cursorOffset = value.length;
  if (
    context.type === 'label-name' &&
    text[context.to] !== '=' &&
    text[context.to] !== '!' &&
    isInSelector(text, context.from)
  ) {
    // Continue straight into the value: `job="|"`, so label-value suggestions follow.
    insert = `${value}=""`;
    cursorOffset = value.length + 2;
  } else if (context.type === 'label-value') {
    insert = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    cursorOffset = insert.length;
    // Replace the rest of the value too, up to the closing quote.
    const closing = text.indexOf('"', context.to);
    if (closing >= 0 && !text.slice(context.to, closing).includes('\n')) {
      const next = text.slice(0, context.from) + insert + text.slice(closing);
      return { text: next, cursor: context.from + cursorOffset + 1 };
    }
  }
  return { text: text.slice(0, context.from) + insert + text.slice(context.to), cursor: context.from + cursorOffset };
}

function isInSelector(text: string, offset: number): boolean {
  return scan(text, offset).braceStart >= 0;
}

/**
 * Suggestions for a prefix: names starting with it first, then names containing it (both
 * case-insensitive, alphabetical), without the name already typed in full; at most `limit`.
 */
export function filterSuggestions(names: readonly string[], prefix: string, limit = 50): string[] {
  const needle = prefix.toLowerCase();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (name === prefix) {
      continue;
    }
    if (lower.startsWith(needle)) {
      starts.push(name);
    } else if (needle !== '' && lower.includes(needle)) {
      contains.push(name);
    }
  }
  starts.sort();
  contains.sort();
  return [...starts, ...contains].slice(0, limit);
}
