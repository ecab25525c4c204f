import type { Analysis, AnalysisKind, Seasonality } from '../types';

/** Labels and one-line explanations for the analysis picker. */
export const ANALYSIS_OPTIONS: Array<{ value: AnalysisKind; label: string; description: string }> = [
  { value: 'passthrough', label: 'Passthrough', description: 'The upstream series unchanged.' },
  {
    value: 'anomaly',
    label: 'Anomaly',
    description: 'Expected value, band and anomaly score; flags points outside the band.',
  },
  {
    value: 'forecast',
    label: 'Forecast',
    description: 'Predicts the series past the end of the range, with a prediction interval.',
  },
  {
    value: 'outliers',
    label: 'Outliers',
    description: 'Finds the series that behave differently from the rest of the group.',
  },
  {
    value: 'decompose',
    label: 'Decompose',
    description: 'Splits each series into trend, seasonal and residual parts.',
  },
];

/**
 * The analysis after the user picked another kind. Parameters both kinds share (training window,
 * sensitivity, seasonality) carry over so switching back and forth loses nothing the user typed;
 * the rest start from their defaults.
 */
export function changeAnalysisKind(current: Analysis, kind: AnalysisKind): Analysis {
  if (current.kind === kind) {
    return current;
  }
  const shared = current as Partial<{ training: string; sensitivity: number; seasonality: Seasonality }>;
  const training = shared.training !== undefined ? { training: shared.training } : {};
  const sensitivity = shared.sensitivity !== undefined ? { sensitivity: shared.sensitivity } : {};
  const seasonality = shared.seasonality !== undefined ? { seasonality: shared.seasonality } : {};
  switch (kind) {
    case 'passthrough':
      return { kind };
    case 'anomaly':
      return { kind, detector: 'auto', ...sensitivity, ...training, ...seasonality };
    case 'forecast':
      return { kind, model: 'auto', ...training, ...seasonality };
    case 'outliers':
      return { kind, algorithm: 'dbscan', ...sensitivity, ...training };
    case 'decompose':
      return { kind, ...training, ...seasonality };
  }
}

/** Which of the three seasonality choices a value is. */
export type SeasonalityChoice = 'auto' | 'none' | 'periods';

export function seasonalityChoice(value: Seasonality | undefined): SeasonalityChoice {
  if (value === undefined || value === 'auto') {
    return 'auto';
  }
  return value === 'none' ? 'none' : 'periods';
}

/** `['1d', '1w']` → `'1d, 1w'` for the periods input. */
export function formatPeriods(value: Seasonality | undefined): string {
  return Array.isArray(value) ? value.join(', ') : '';
}

/** `'1d, 1w'` → `['1d', '1w']`. */
export function parsePeriods(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
