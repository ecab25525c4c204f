import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';

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

/** WCAG 2.1 contrast minimums: graphics and large text (1.4.11), normal text (1.4.3). */
export const MIN_GRAPHIC_CONTRAST = 3;
export const MIN_TEXT_CONTRAST = 4.5;

function baseColor(severity: Severity, theme: GrafanaTheme2): string {
  switch (severity) {
    case 'critical':
      return theme.colors.error.main;
    case 'major':
      return theme.visualization.getColorByName(theme.isDark ? 'orange' : 'dark-orange');
    default:
      return theme.visualization.getColorByName(theme.isDark ? 'yellow' : 'dark-yellow');
  }
}

/**
 * `color` darkened (light theme) or lightened (dark theme) in small steps until it reaches `ratio` against every
 * one of `backgrounds`; unchanged when it already does.
 *
 * @example withContrast('#CC9D00', ['#FFFFFF'], 3) // a darker amber, ≥ 3:1 on white
 */
export function withContrast(color: string, backgrounds: string[], ratio: number, dark: boolean): string {
  const enough = (c: string) => backgrounds.every((b) => colorManipulator.getContrastRatio(c, b) >= ratio);
  let result = color;
  for (let step = 1; step <= 20 && !enough(result); step++) {
    result = dark ? colorManipulator.lighten(color, step * 0.05) : colorManipulator.darken(color, step * 0.05);
  }
  return result;
}

/**
 * Severity colours from the theme's palette (yellow, orange, the theme's error red) for markers, interval shading,
 * the score lane and list badges, adjusted to at least 3:1 against the panel background in both themes.
 */
export function severityColor(severity: Severity, theme: GrafanaTheme2): string {
  return withContrast(
    baseColor(severity, theme),
    [theme.colors.background.primary],
    MIN_GRAPHIC_CONTRAST,
    theme.isDark
  );
}

/** The severity colour for text (e.g. the score in the tooltip): at least 4.5:1 on panel and tooltip backgrounds. */
export function severityTextColor(severity: Severity, theme: GrafanaTheme2): string {
  return withContrast(
    baseColor(severity, theme),
    [theme.colors.background.primary, theme.colors.background.elevated],
    MIN_TEXT_CONTRAST,
    theme.isDark
  );
}

/** Black or white, whichever reads better on `background` (for text on a severity badge). */
export function textOn(background: string): string {
  return colorManipulator.getContrastRatio('#000000', background) >=
    colorManipulator.getContrastRatio('#ffffff', background)
    ? '#000000'
    : '#ffffff';
}
