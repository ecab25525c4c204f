const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/**
 * Formats a duration with its two largest units, as threshold notices read: "3 d 4 h", "45 min".
 *
 * @example
 * formatDuration(274_000_000) // → "3 d 4 h"
 */
export function formatDuration(milliseconds: number): string {
  if (!(milliseconds >= 0) || !Number.isFinite(milliseconds)) {
    throw new Error(`duration must be a finite number of milliseconds ≥ 0, got ${milliseconds}`);
  }
  const rounded = Math.round(milliseconds / 1000) * 1000;
  const largest = UNITS.findIndex(([, size]) => rounded >= size);
  if (largest < 0) {
    return '0 s';
  }
  const [unit, size] = UNITS[largest];
  const parts = [`${Math.floor(rounded / size)} ${unit}`];
  // The next smaller unit only, so "3 d 4 h" never grows into "3 d 4 h 12 min".
  const next = UNITS[largest + 1];
  if (next) {
    const count = Math.floor((rounded % size) / next[1]);
    if (count > 0) {
      parts.push(`${count} ${next[0]}`);
    }
  }
  return parts.join(' ');
}
