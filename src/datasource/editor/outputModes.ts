import { OUTPUT_NEEDS } from '../query/validateQuery';
import type { Analysis, OutputMode } from '../types';

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
 * The output modes valid for this analysis, in picker order: `full`, then the single-series modes that
 * the shared validation (`OUTPUT_NEEDS`) allows for it; the threshold modes only when a forecast
 * threshold is set. Deriving the list from the validation keeps the editor from offering a mode the
 * backend rejects.
 */
export function outputModesFor(analysis: Analysis): OutputModeOption[] {
  const hasThreshold = analysis.kind === 'forecast' && typeof analysis.threshold === 'number';
  const single = (Object.keys(OUTPUT_NEEDS) as Array<keyof typeof OUTPUT_NEEDS>).filter((mode) => {
    const needs = OUTPUT_NEEDS[mode];
    return needs.analysis === analysis.kind && (!needs.threshold || hasThreshold);
  });
  return [OPTIONS.full, ...single.map((mode) => OPTIONS[mode])];
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

/** Whether some output mode of this analysis gives an alert rule one number per series. */
export function canAlertOn(analysis: Analysis): boolean {
  return outputModesFor(analysis).some((option) => isAlertFriendly(option.value, analysis));
}

/**
 * The mode an alert rule should start with: the signal a user would most often alert on.
 * Anomaly: `anomalous` (the same meaning as Grafana ML's `:anomalous` series); forecast: the crossing
 * probability when a threshold is set, else the forecast itself. The other analyses only have `full`.
 */
export function alertDefaultOutput(analysis: Analysis): OutputMode {
  switch (analysis.kind) {
    case 'passthrough':
      return 'full';
    case 'anomaly':
      return 'anomalous';
    case 'forecast':
      return typeof analysis.threshold === 'number' ? 'threshold-probability' : 'forecast';
    default:
      return 'full';
  }
}

/**
 * The output mode to keep after the analysis changed: the current one when it is still valid,
 * else `full`, or the alert default inside the alert rule editor.
 */
export function reconcileOutputMode(
  current: OutputMode | undefined,
  analysis: Analysis,
  forAlerting: boolean
): OutputMode {
  const mode = current ?? 'full';
  if (isOutputModeValid(mode, analysis) && (!forAlerting || isAlertFriendly(mode, analysis))) {
    return mode;
  }
  return forAlerting ? alertDefaultOutput(analysis) : 'full';
}
