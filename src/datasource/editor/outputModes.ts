import type { Analysis, AnalysisKind, OutputMode } from '../types';

/** What the output-mode picker shows for one mode. */
export interface OutputModeOption {
  value: OutputMode;
  label: string;
  description: string;
}

const OPTIONS: Record<OutputMode, OutputModeOption> = {
  full: {
    value: 'full',
    label: 'Full',
    description: 'Every field (actual, expected, band, score, …): for panels and Explore.',
  },
  score: {
    value: 'score',
    label: 'Score',
    description: 'Anomaly score in [0, 1] per series. Alert with a threshold such as "> 0.8".',
  },
  anomalous: {
    value: 'anomalous',
    label: 'Anomalous',
    description: '-1 below the band, 0 inside, 1 above, per series. Alert when the value is not 0.',
  },
  expected: {
    value: 'expected',
    label: 'Expected',
    description: 'The expected (model) value per series.',
  },
  forecast: {
    value: 'forecast',
    label: 'Forecast',
    description: 'The forecast value per series, extended past the end of the range by the horizon.',
  },
  'time-to-threshold': {
    value: 'time-to-threshold',
    label: 'Time to threshold',
    description: 'Seconds until the forecast crosses the threshold per series. Alert with "< 86400" for one day.',
  },
  'threshold-probability': {
    value: 'threshold-probability',
    label: 'Threshold probability',
    description: 'Probability in [0, 1] that the series crosses the threshold within the horizon.',
  },
};

/**
 * Output modes each analysis can produce. `full` always comes first; `time-to-threshold` and
 * `threshold-probability` need a forecast threshold, see {@link outputModesFor}.
 */
const MODES_BY_ANALYSIS: Record<AnalysisKind, OutputMode[]> = {
  passthrough: ['full'],
  anomaly: ['full', 'score', 'anomalous', 'expected'],
  forecast: ['full', 'forecast', 'time-to-threshold', 'threshold-probability'],
  outliers: ['full', 'score', 'anomalous'],
  decompose: ['full', 'expected'],
};

const THRESHOLD_MODES: OutputMode[] = ['time-to-threshold', 'threshold-probability'];

/** The output modes valid for this analysis (threshold modes only when a forecast threshold is set). */
export function outputModesFor(analysis: Analysis): OutputModeOption[] {
  const hasThreshold = analysis.kind === 'forecast' && typeof analysis.threshold === 'number';
  return MODES_BY_ANALYSIS[analysis.kind]
    .filter((mode) => hasThreshold || !THRESHOLD_MODES.includes(mode))
    .map((mode) => OPTIONS[mode]);
}

/** Whether `mode` is one of {@link outputModesFor} for this analysis. */
export function isOutputModeValid(mode: OutputMode, analysis: Analysis): boolean {
  return outputModesFor(analysis).some((option) => option.value === mode);
}

/**
 * Whether the mode returns exactly one numeric series per input series, which is what an alert rule needs.
 * Passthrough returns the upstream series unchanged, so `full` already qualifies there.
 */
export function isAlertFriendly(mode: OutputMode, analysis: Analysis): boolean {
  return mode !== 'full' || analysis.kind === 'passthrough';
}

/**
 * The mode an alert rule should start with: the signal a user would most often alert on.
 * Anomaly and outliers: `anomalous` (the same meaning as Grafana ML's `:anomalous` series);
 * forecast: the crossing probability when a threshold is set, else the forecast itself;
 * decompose: the expected (trend + seasonal) value.
 */
export function alertDefaultOutput(analysis: Analysis): OutputMode {
  switch (analysis.kind) {
    case 'passthrough':
      return 'full';
    case 'anomaly':
    case 'outliers':
      return 'anomalous';
    case 'forecast':
      return typeof analysis.threshold === 'number' ? 'threshold-probability' : 'forecast';
    case 'decompose':
      return 'expected';
  }
}

/**
 * The output mode to keep after the analysis changed: the current one when it is still valid,
 * else `full`, or the alert default inside the alert rule editor.
 */
export function reconcileOutputMode(current: OutputMode | undefined, analysis: Analysis, forAlerting: boolean): OutputMode {
  const mode = current ?? 'full';
  if (isOutputModeValid(mode, analysis) && (!forAlerting || isAlertFriendly(mode, analysis))) {
    return mode;
  }
  return forAlerting ? alertDefaultOutput(analysis) : 'full';
}
