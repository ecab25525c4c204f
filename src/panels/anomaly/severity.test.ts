import { colorManipulator, createTheme } from '@grafana/data';

import {
  DEFAULT_SEVERITY,
  MIN_GRAPHIC_CONTRAST,
  MIN_TEXT_CONTRAST,
  severityColor,
  severityOf,
  severityTextColor,
  textOn,
  withContrast,
} from './severity';

describe('severityOf', () => {
  test.each([
    [0.95, 'critical'],
    [0.9, 'critical'],
    [0.89, 'major'],
    [0.7, 'major'],
    [0.69, 'minor'],
    [0, 'minor'],
    [NaN, 'minor'],
  ])('%p → %p', (score, severity) => {
    expect(severityOf(score, DEFAULT_SEVERITY)).toBe(severity);
  });

  it('follows the panel thresholds', () => {
    expect(severityOf(0.6, { major: 0.5, critical: 0.6 })).toBe('critical');
  });
});

describe('severityColor', () => {
  it('gives three different colours in each theme', () => {
    for (const mode of ['light', 'dark'] as const) {
      const theme = createTheme({ colors: { mode } });
      const colours = new Set((['minor', 'major', 'critical'] as const).map((s) => severityColor(s, theme)));
      expect(colours.size).toBe(3);
    }
  });
});

describe('severity colours are readable in both themes (WCAG 2.1)', () => {
  const severities = ['minor', 'major', 'critical'] as const;
  for (const mode of ['light', 'dark'] as const) {
    const theme = createTheme({ colors: { mode } });
    const panel = theme.colors.background.primary;
    test.each(severities)(`${mode}: %s markers and badges ≥ 3:1 on the panel, badge text ≥ 4.5:1`, (severity) => {
      const color = severityColor(severity, theme);
      expect(colorManipulator.getContrastRatio(color, panel)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
      expect(colorManipulator.getContrastRatio(textOn(color), color)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    });
    test.each(severities)(`${mode}: %s score text ≥ 4.5:1 on panel and tooltip`, (severity) => {
      const color = severityTextColor(severity, theme);
      for (const background of [panel, theme.colors.background.elevated]) {
        expect(colorManipulator.getContrastRatio(color, background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      }
    });
  }
});

describe('withContrast', () => {
  it('darkens a light colour on white until it reaches the ratio, and leaves colours that do alone', () => {
    const amber = '#CC9D00'; // 2.5:1 on white
    const adjusted = withContrast(amber, ['#ffffff'], 3, false);
    expect(colorManipulator.getContrastRatio(adjusted, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(colorManipulator.getContrastRatio(adjusted, '#ffffff')).toBeLessThan(4);
    expect(withContrast('#000000', ['#ffffff'], 3, false)).toBe('#000000');
  });
});
