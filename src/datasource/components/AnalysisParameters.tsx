import React from 'react';
import { InlineField, InlineFieldRow, Input, RadioButtonGroup, Slider } from '@grafana/ui';

import { formatPeriods, parsePeriods, seasonalityChoice, type SeasonalityChoice } from '../editor/analysisParams';
import type { FieldErrors } from '../editor/queryErrors';
import { QUERY_DEFAULTS } from '../query/validateQuery';
import type {
  Analysis,
  AnomalyAnalysis,
  AnomalyDetector,
  ForecastAnalysis,
  ForecastModel,
  OutliersAnalysis,
  Seasonality,
} from '../types';
import { NumberInput } from './NumberInput';
import { useSyncedText } from './useSyncedText';

interface Props {
  /** Prefix for element ids, unique per query row. */
  idPrefix: string;
  analysis: Analysis;
  /** The datasource's defaults, shown where a query leaves a parameter unset. */
  defaults: { training: string; sensitivity: number };
  errors: FieldErrors;
  /** `run` is true for discrete choices (radio buttons, slider release), false while typing. */
  onChange: (analysis: Analysis, run: boolean) => void;
  /** A text field lost focus: run the query if it is complete. */
  onBlur: () => void;
}

const LABEL_WIDTH = 20;

const DETECTORS: Array<{ value: AnomalyDetector; label: string; description: string }> = [
  { value: 'auto', label: 'Auto', description: 'Combines the detectors below into one calibrated score.' },
  {
    value: 'rolling',
    label: 'Rolling',
    description: 'Robust rolling median and spread: for series without daily or weekly patterns.',
  },
  {
    value: 'seasonal',
    label: 'Seasonal',
    description: 'Compares each point with the same time in earlier days or weeks.',
  },
  {
    value: 'changepoint',
    label: 'Change point',
    description: 'Flags lasting shifts in level rather than single spikes.',
  },
];

const MODELS: Array<{ value: ForecastModel; label: string; description: string }> = [
  {
    value: 'auto',
    label: 'Auto',
    description: 'Picks the model that forecast the training data best (rolling-origin backtest).',
  },
  { value: 'linear', label: 'Linear', description: 'A straight-line trend: disk and capacity growth.' },
  { value: 'holt', label: 'Holt', description: 'Exponential smoothing with a trend.' },
  { value: 'mstl', label: 'MSTL', description: 'Trend plus one or more seasonal patterns (daily, weekly).' },
  {
    value: 'seasonal-naive',
    label: 'Seasonal naive',
    description: 'Repeats the last season: a strong baseline for regular traffic.',
  },
];

const ALGORITHMS: Array<{ value: 'dbscan' | 'mad'; label: string; description: string }> = [
  {
    value: 'dbscan',
    label: 'DBSCAN',
    description: 'Groups similar series; series outside every group are outliers (as in Grafana ML).',
  },
  { value: 'mad', label: 'MAD', description: 'Flags series far from the median of the group, point by point.' },
];

const DIRECTIONS: Array<{ value: 'above' | 'below'; label: string }> = [
  { value: 'above', label: 'Above' },
  { value: 'below', label: 'Below' },
];

const SEASONALITY_CHOICES: Array<{ value: SeasonalityChoice; label: string; description: string }> = [
  { value: 'auto', label: 'Auto', description: 'Detect daily/weekly patterns from the training data.' },
  { value: 'none', label: 'None', description: 'Treat the series as having no repeating pattern.' },
  { value: 'periods', label: 'Periods', description: 'Give the periods yourself, e.g. 1d, 1w.' },
];

/** The parameters of the chosen analysis, each with its default shown when unset. */
export function AnalysisParameters(props: Props) {
  const { analysis } = props;
  switch (analysis.kind) {
    case 'passthrough':
      return null;
    case 'anomaly':
      return <AnomalyParameters {...props} analysis={analysis} />;
    case 'forecast':
      return <ForecastParameters {...props} analysis={analysis} />;
    case 'outliers':
      return <OutliersParameters {...props} analysis={analysis} />;
    case 'decompose':
      return (
        <>
          <SeasonalityField
            {...props}
            value={analysis.seasonality}
            onSeasonality={(seasonality, run) => props.onChange({ ...analysis, seasonality }, run)}
          />
          <TrainingField {...props} />
        </>
      );
    default:
      return null;
  }
}

function AnomalyParameters(props: Props & { analysis: AnomalyAnalysis }) {
  const { analysis, idPrefix, defaults, onChange } = props;
  const detector = analysis.detector ?? QUERY_DEFAULTS.detector;
  return (
    <>
      <InlineField
        label="Detector"
        labelWidth={LABEL_WIDTH}
        tooltip={DETECTORS.find((option) => option.value === detector)?.description}
        htmlFor={`${idPrefix}-detector`}
      >
        <RadioButtonGroup
          id={`${idPrefix}-detector`}
          aria-label="Detector"
          options={DETECTORS}
          value={detector}
          onChange={(value) => onChange({ ...analysis, detector: value }, true)}
        />
      </InlineField>
      <SensitivityField
        {...props}
        value={analysis.sensitivity}
        defaultValue={defaults.sensitivity}
        onSensitivity={(sensitivity, run) => onChange({ ...analysis, sensitivity }, run)}
      />
      <TrainingField {...props} />
      <SeasonalityField
        {...props}
        value={analysis.seasonality}
        onSeasonality={(seasonality, run) => onChange({ ...analysis, seasonality }, run)}
      />
    </>
  );
}

function ForecastParameters(props: Props & { analysis: ForecastAnalysis }) {
  const { analysis, idPrefix, errors, onChange, onBlur } = props;
  const model = analysis.model ?? QUERY_DEFAULTS.model;
  const hasThreshold = typeof analysis.threshold === 'number';
  return (
    <>
      <InlineField
        label="Model"
        labelWidth={LABEL_WIDTH}
        tooltip={MODELS.find((option) => option.value === model)?.description}
        htmlFor={`${idPrefix}-model`}
      >
        <RadioButtonGroup
          id={`${idPrefix}-model`}
          aria-label="Model"
          options={MODELS}
          value={model}
          onChange={(value) => onChange({ ...analysis, model: value }, true)}
        />
      </InlineField>
      <InlineFieldRow>
        <InlineField
          label="Horizon"
          labelWidth={LABEL_WIDTH}
          tooltip="How far past the end of the time range to forecast, e.g. 1d or 12h."
          htmlFor={`${idPrefix}-horizon`}
          invalid={!!errors['analysis.horizon']}
          error={errors['analysis.horizon']}
        >
          <Input
            id={`${idPrefix}-horizon`}
            width={16}
            value={analysis.horizon ?? ''}
            placeholder={QUERY_DEFAULTS.horizon}
            onChange={(event) => onChange({ ...analysis, horizon: emptyToUndefined(event.currentTarget.value) }, false)}
            onBlur={onBlur}
          />
        </InlineField>
        <TrainingField {...props} />
      </InlineFieldRow>
      <InlineField
        label="Interval level"
        labelWidth={LABEL_WIDTH}
        tooltip="Probability that the actual value falls inside the prediction interval, between 0 and 1. 0.95 draws a 95% interval."
        htmlFor={`${idPrefix}-interval`}
        invalid={!!errors['analysis.intervalLevel']}
        error={errors['analysis.intervalLevel']}
      >
        <NumberInput
          id={`${idPrefix}-interval`}
          width={16}
          value={analysis.intervalLevel}
          placeholder={String(QUERY_DEFAULTS.intervalLevel)}
          onChange={(intervalLevel) => onChange({ ...analysis, intervalLevel }, false)}
          onBlur={onBlur}
        />
      </InlineField>
      <InlineFieldRow>
        <InlineField
          label="Threshold"
          labelWidth={LABEL_WIDTH}
          tooltip="Optional. When set, Foresight reports when the forecast crosses this value and how likely that is within the horizon (capacity and SLA alerts)."
          htmlFor={`${idPrefix}-threshold`}
          invalid={!!errors['analysis.threshold']}
          error={errors['analysis.threshold']}
        >
          <NumberInput
            id={`${idPrefix}-threshold`}
            width={16}
            value={analysis.threshold}
            placeholder="none"
            onChange={(threshold) => {
              const next: ForecastAnalysis = { ...analysis, threshold };
              if (threshold === undefined) {
                delete next.threshold;
              }
              onChange(next, false);
            }}
            onBlur={onBlur}
          />
        </InlineField>
        {hasThreshold && (
          <InlineField
            label="Crossing"
            tooltip="Which way counts as crossing the threshold."
            htmlFor={`${idPrefix}-direction`}
          >
            <RadioButtonGroup
              id={`${idPrefix}-direction`}
              aria-label="Crossing direction"
              options={DIRECTIONS}
              value={analysis.thresholdDirection ?? QUERY_DEFAULTS.thresholdDirection}
              onChange={(thresholdDirection) => onChange({ ...analysis, thresholdDirection }, true)}
            />
          </InlineField>
        )}
      </InlineFieldRow>
      <SeasonalityField
        {...props}
        value={analysis.seasonality}
        onSeasonality={(seasonality, run) => onChange({ ...analysis, seasonality }, run)}
      />
    </>
  );
}

function OutliersParameters(props: Props & { analysis: OutliersAnalysis }) {
  const { analysis, idPrefix, onChange } = props;
  const algorithm = analysis.algorithm ?? QUERY_DEFAULTS.outlierAlgorithm;
  return (
    <>
      <InlineField
        label="Algorithm"
        labelWidth={LABEL_WIDTH}
        tooltip={ALGORITHMS.find((option) => option.value === algorithm)?.description}
        htmlFor={`${idPrefix}-algorithm`}
      >
        <RadioButtonGroup
          id={`${idPrefix}-algorithm`}
          aria-label="Algorithm"
          options={ALGORITHMS}
          value={algorithm}
          onChange={(value) => onChange({ ...analysis, algorithm: value }, true)}
        />
      </InlineField>
      <SensitivityField
        {...props}
        value={analysis.sensitivity}
        defaultValue={QUERY_DEFAULTS.outlierSensitivity}
        onSensitivity={(sensitivity, run) => onChange({ ...analysis, sensitivity }, run)}
      />
      <TrainingField {...props} />
    </>
  );
}

function SensitivityField({
  idPrefix,
  errors,
  value,
  defaultValue,
  onSensitivity,
}: Props & { value: number | undefined; defaultValue: number; onSensitivity: (value: number, run: boolean) => void }) {
  return (
    <InlineField
      label="Sensitivity"
      labelWidth={LABEL_WIDTH}
      tooltip={`0 flags only extreme deviations, 1 flags small ones. Unset, the default ${defaultValue} applies.`}
      htmlFor={`${idPrefix}-sensitivity`}
      invalid={!!errors['analysis.sensitivity']}
      error={errors['analysis.sensitivity']}
    >
      <SliderBox>
        <Slider
          inputId={`${idPrefix}-sensitivity`}
          ariaLabelForHandle="Sensitivity"
          min={0}
          max={1}
          step={0.05}
          value={value ?? defaultValue}
          onChange={(next) => onSensitivity(next, false)}
          onAfterChange={(next) => next !== undefined && onSensitivity(next, true)}
        />
      </SliderBox>
    </InlineField>
  );
}

function TrainingField({ idPrefix, analysis, defaults, errors, onChange, onBlur }: Props) {
  if (analysis.kind === 'passthrough') {
    return null;
  }
  return (
    <InlineField
      label="Training window"
      labelWidth={LABEL_WIDTH}
      tooltip="History before the visible range that the model learns from, e.g. 7d. Longer windows learn weekly patterns but cost more."
      htmlFor={`${idPrefix}-training`}
      invalid={!!errors['analysis.training']}
      error={errors['analysis.training']}
    >
      <Input
        id={`${idPrefix}-training`}
        width={16}
        value={analysis.training ?? ''}
        placeholder={`${defaults.training} (default)`}
        onChange={(event) => onChange({ ...analysis, training: emptyToUndefined(event.currentTarget.value) }, false)}
        onBlur={onBlur}
      />
    </InlineField>
  );
}

function SeasonalityField({
  idPrefix,
  errors,
  value,
  onSeasonality,
  onBlur,
}: Props & { value: Seasonality | undefined; onSeasonality: (value: Seasonality, run: boolean) => void }) {
  const choice = seasonalityChoice(value);
  const [periodsText, setPeriodsText] = useSyncedText(
    value,
    formatPeriods,
    (text, stored) => formatPeriods(parsePeriods(text)) === formatPeriods(stored)
  );
  const error = errors['analysis.seasonality'];
  return (
    <InlineFieldRow>
      <InlineField
        label="Seasonality"
        labelWidth={LABEL_WIDTH}
        tooltip={SEASONALITY_CHOICES.find((option) => option.value === choice)?.description}
        htmlFor={`${idPrefix}-seasonality`}
      >
        <RadioButtonGroup
          id={`${idPrefix}-seasonality`}
          aria-label="Seasonality"
          options={SEASONALITY_CHOICES}
          value={choice}
          onChange={(next) => {
            if (next === 'periods') {
              const periods = parsePeriods(periodsText);
              onSeasonality(periods.length > 0 ? periods : ['1d'], true);
            } else {
              onSeasonality(next, true);
            }
          }}
        />
      </InlineField>
      {choice === 'periods' && (
        <InlineField
          label="Seasonal periods"
          tooltip="Comma-separated durations, e.g. 1d, 1w."
          htmlFor={`${idPrefix}-periods`}
          invalid={!!error}
          error={error}
        >
          <Input
            id={`${idPrefix}-periods`}
            width={24}
            value={periodsText}
            placeholder="1d, 1w"
            onChange={(event) => {
              const text = event.currentTarget.value;
              setPeriodsText(text);
              onSeasonality(parsePeriods(text), false);
            }}
            onBlur={onBlur}
          />
        </InlineField>
      )}
    </InlineFieldRow>
  );
}

/** Gives the slider a width; takes (and drops) the `invalid`/`disabled` props InlineField passes to its child. */
function SliderBox({ children }: { children: React.ReactNode; invalid?: boolean; disabled?: boolean }) {
  return <div style={{ width: 320 }}>{children}</div>;
}

function emptyToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}
