const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A duration in the two largest units a person reads at a glance: `3 d 4 h`, `2 h 5 min`, `12 min`, `45 s`.
 * The smaller unit is rounded (3 d 4 h 40 min → `3 d 5 h`) and dropped when it is zero (`2 d`).
 *
 * @example formatDuration(3 * 86_400_000 + 4 * 3_600_000) === '3 d 4 h'
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '–';
  }
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  // Decide the units after rounding, so 23 h 59 min 40 s reads `1 d`, not `24 h`.
  const hours = Math.round(abs / HOUR);
  if (hours >= 24) {
    return sign + twoUnits(hours, 24, 'd', 'h');
  }
  const minutes = Math.round(abs / MINUTE);
  if (minutes >= 60) {
    return sign + twoUnits(minutes, 60, 'h', 'min');
  }
  if (Math.round(abs / SECOND) >= 60) {
    return `${sign}${minutes} min`;
  }
  return `${sign}${Math.round(abs / SECOND)} s`;
}

function twoUnits(total: number, perLarge: number, large: string, small: string): string {
  const big = Math.floor(total / perLarge);
  const rest = total % perLarge;
  return rest === 0 ? `${big} ${large}` : `${big} ${large} ${rest} ${small}`;
}
