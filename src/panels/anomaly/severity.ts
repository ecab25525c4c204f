import { type GrafanaTheme2 } from '@grafana/data';

/** How bad an anomaly is, from its peak score. */
export type Severity = 'minor' | 'major' | 'critical';

export interface SeverityThresholds {
  /** Peak score from which an anomaly is `major`. Defaults to 0.7. */
  major: number;
  /** Peak score from which an anomaly is `critical`. Defaults to 0.9. */
  critical: number;
}

export const DEFAULT_SEVERITY: SeverityThresholds = { major: 0.7, critical: 0.9 };

/** `critical` from `critical`, `major` from `major`, else `minor` (NaN counts as minor). */
export function severityOf(score: number, thresholds: SeverityThresholds): Severity {
  if (score >= thresholds.critical) {
    return 'critical';
  }
  if (score >= thresholds.major) {
    return 'major';
  }
  return 'minor';
}

/** Severity colours from the theme's status palette, so they keep their contrast in light and dark themes. */
export function severityColor(severity: Severity, theme: GrafanaTheme2): string {
  switch (severity) {
    case 'critical':
      return theme.colors.error.main;
    case 'major':
      return theme.visualization.getColorByName('orange');
    default:
      return theme.visualization.getColorByName(theme.isDark ? 'yellow' : 'dark-yellow');
  }
}
