import { parseDuration } from '../query/parseDuration';

/**
 * The message for an upstream URL, or `undefined` when it is fine. Empty is fine: that upstream is
 * simply not used.
 */
export function urlError(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') {
    return undefined;
  }
  const missingScheme = `"${trimmed}" is not a URL; write it with the scheme, e.g. http://prometheus:9090`;
  if (!trimmed.includes('://')) {
    // `prometheus:9090` parses as a URL with the scheme `prometheus:`, which is never what was meant.
    return missingScheme;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return missingScheme;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `use http:// or https://, not ${url.protocol}//`;
  }
  if (url.search !== '' || url.hash !== '') {
    return 'remove the query string or fragment; give the base URL only';
  }
  return undefined;
}

/** A whole number at least `min`, or the message saying what is expected. Empty means "use the default". */
export function parseWholeNumberSetting(
  text: string,
  min: number
): { value: number | undefined; error?: undefined } | { value?: undefined; error: string } {
  const trimmed = text.trim().replace(/[_,](?=\d{3}(?:[_,]|$))/g, '');
  if (trimmed === '') {
    return { value: undefined };
  }
  const value = Number(trimmed);
  if (!Number.isInteger(value) || value < min) {
    return { error: `expected a whole number of at least ${min}, got "${text.trim()}"` };
  }
  return { value };
}

/** A number in [0, 1], or the message. Empty means "use the default". */
export function parseUnitIntervalSetting(
  text: string
): { value: number | undefined; error?: undefined } | { value?: undefined; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { value: undefined };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    return { error: `expected a number between 0 and 1, got "${trimmed}"` };
  }
  return { value };
}

/** The message for a duration setting such as the default training window, or `undefined`. */
export function durationSettingError(text: string | undefined, field: string): string | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  try {
    parseDuration(text, field);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
