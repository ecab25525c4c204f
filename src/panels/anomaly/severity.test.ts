import { createTheme } from '@grafana/data';

import { DEFAULT_SEVERITY, severityColor, severityOf } from './severity';

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
