import { css } from '@emotion/css';
import React, { useEffect, useRef } from 'react';
import { CoreApp, type GrafanaTheme2, type QueryEditorProps } from '@grafana/data';
import { Alert, Button, InlineField, Input, RadioButtonGroup, Stack, Text, useStyles2 } from '@grafana/ui';

import type { DataSource } from '../datasource';
import { ANALYSIS_OPTIONS, changeAnalysisKind } from '../editor/analysisParams';
import { isCurrentQuery, migrateQuery } from '../editor/migrateQuery';
import {
  alertDefaultOutput,
  canAlertOn,
  isAlertFriendly,
  outputModesFor,
  reconcileOutputMode,
} from '../editor/outputModes';
import { queryErrors } from '../editor/queryErrors';
import { formatQueryErrors, validateQuery } from '../query/validateQuery';
import type {
  Analysis,
  AnalysisKind,
  ForesightDataSourceOptions,
  ForesightQuery,
  OutputMode,
  SourceKind,
} from '../types';
import { AnalysisParameters } from './AnalysisParameters';
import { ExpressionField } from './ExpressionField';

type Props = QueryEditorProps<DataSource, ForesightQuery, ForesightDataSourceOptions>;

const LABEL_WIDTH = 20;

const SOURCE_OPTIONS: Array<{ value: SourceKind; label: string; description: string }> = [
  { value: 'prometheus', label: 'Prometheus', description: 'A PromQL expression.' },
  { value: 'loki', label: 'Loki', description: 'A LogQL metric query such as rate({app="api"}[5m]).' },
];

/** Whether the editor is inside Grafana's alert rule editor, where a rule needs one number per series. */
export function isAlertingApp(app: CoreApp | undefined): boolean {
  return app === CoreApp.UnifiedAlerting || app === CoreApp.CloudAlerting;
}

/**
 * The Foresight query editor: the source query, the analysis and its parameters, and the output. It only
 * uses its props, so it works the same in panels, Explore and the alert rule editor.
 */
export function QueryEditor(props: Props) {
  const query = migrateQuery(props.query);
  if (!isCurrentQuery(query)) {
    return <UnreadableQuery {...props} />;
  }
  return <ForesightQueryEditor {...props} />;
}

/**
 * A query this version cannot read (saved by a newer Foresight, or hand-written in another shape): say why,
 * leave it untouched, and offer to start a new query instead.
 */
function UnreadableQuery({ query, datasource, app, onChange }: Props) {
  const validation = validateQuery(query);
  return (
    <Alert severity="error" title="This query cannot be edited here">
      <Stack direction="column" gap={1}>
        <span>{validation.ok ? 'The query has an unknown shape.' : formatQueryErrors(validation.errors)}</span>
        <div>
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              onChange({
                ...(datasource.getDefaultQuery(app ?? CoreApp.Unknown) as ForesightQuery),
                refId: query.refId,
              })
            }
          >
            Replace with a new query
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function ForesightQueryEditor({ query: storedQuery, datasource, app, onChange, onRunQuery }: Props) {
  const styles = useStyles2(getStyles);
  const forAlerting = isAlertingApp(app);
  const query = migrateQuery(storedQuery);
  const idPrefix = `foresight-${query.refId}`;
  const errors = queryErrors(query);
  const { source, analysis } = query;
  const output: OutputMode = query.output ?? 'full';

  useEffect(() => {
    // Store the migrated shape once, and give a fresh alert query an output an alert rule can use.
    let next = isCurrentQuery(storedQuery) ? undefined : query;
    const current = next ?? storedQuery;
    if (
      forAlerting &&
      current.source.expr.trim() === '' &&
      !isAlertFriendly(current.output ?? 'full', current.analysis)
    ) {
      next = { ...current, output: alertDefaultOutput(current.analysis) };
    }
    if (next) {
      onChange(next);
    }
    // Only when the editor opens or another query is loaded into it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedQuery.refId]);

  /** Stores the query and, for discrete choices, runs it when it is complete and valid. */
  const update = (next: ForesightQuery, run: boolean) => {
    onChange(next);
    if (run) {
      runIfValid(next);
    }
  };

  // What ran last, so leaving a field that did not change does not run the query again.
  const lastRun = useRef(JSON.stringify(query));

  /** Runs the query when it is complete and valid and differs from what ran last (or `force`: Shift+Enter). */
  const runIfValid = (candidate: ForesightQuery = query, force = false) => {
    const serialised = JSON.stringify(candidate);
    if (
      (force || serialised !== lastRun.current) &&
      candidate.source.expr.trim() !== '' &&
      validateQuery(candidate).ok
    ) {
      lastRun.current = serialised;
      onRunQuery();
    }
  };

  const onSourceKind = (kind: SourceKind) => update({ ...query, source: { ...source, kind } }, true);

  const onAnalysisKind = (kind: AnalysisKind) => {
    const nextAnalysis = changeAnalysisKind(analysis, kind);
    update({ ...query, analysis: nextAnalysis, output: reconcileOutputMode(output, nextAnalysis, forAlerting) }, true);
  };

  const onAnalysis = (nextAnalysis: Analysis, run: boolean) => update({ ...query, analysis: nextAnalysis }, run);

  const outputOptions = outputModesFor(analysis);
  const selectedOutput = outputOptions.find((option) => option.value === output);
  const analysisOption = ANALYSIS_OPTIONS.find((option) => option.value === analysis.kind);

  return (
    <Stack direction="column" gap={1}>
      <InlineField label="Source" labelWidth={LABEL_WIDTH} htmlFor={`${idPrefix}-source`}>
        <RadioButtonGroup
          id={`${idPrefix}-source`}
          aria-label="Source"
          options={SOURCE_OPTIONS}
          value={source.kind}
          onChange={onSourceKind}
        />
      </InlineField>
      <InlineField
        label={source.kind === 'prometheus' ? 'PromQL' : 'LogQL'}
        labelWidth={LABEL_WIDTH}
        grow
        htmlFor={`${idPrefix}-expr`}
        tooltip="The query whose series Foresight analyses. Suggestions come from the configured upstream; Shift+Enter runs the query."
        invalid={!!errors['source.expr']}
        error={errors['source.expr']}
      >
        <ExpressionField
          id={`${idPrefix}-expr`}
          datasource={datasource}
          kind={source.kind}
          value={source.expr}
          invalid={!!errors['source.expr']}
          onChange={(expr) => update({ ...query, source: { ...source, expr } }, false)}
          onBlur={() => runIfValid()}
          onRunQuery={() => runIfValid(query, true)}
        />
      </InlineField>
      <InlineField
        label="Legend"
        labelWidth={LABEL_WIDTH}
        htmlFor={`${idPrefix}-legend`}
        tooltip="Series name template using labels, e.g. {{service}} {{instance}}. Empty: the series labels."
      >
        <Input
          id={`${idPrefix}-legend`}
          width={40}
          value={source.legendFormat ?? ''}
          placeholder="{{service}}"
          onChange={(event) => {
            const legendFormat = event.currentTarget.value;
            const { legendFormat: _previous, ...rest } = source;
            update({ ...query, source: legendFormat === '' ? rest : { ...rest, legendFormat } }, false);
          }}
          onBlur={() => runIfValid()}
        />
      </InlineField>
      <InlineField
        label="Analysis"
        labelWidth={LABEL_WIDTH}
        htmlFor={`${idPrefix}-analysis`}
        tooltip={analysisOption?.description}
        invalid={!!errors['analysis.kind'] || !!errors.analysis}
        error={errors['analysis.kind'] ?? errors.analysis}
      >
        <RadioButtonGroup
          id={`${idPrefix}-analysis`}
          aria-label="Analysis"
          options={ANALYSIS_OPTIONS}
          value={analysisOption ? analysis.kind : undefined}
          onChange={onAnalysisKind}
        />
      </InlineField>
      {analysisOption && (
        <div className={styles.description}>
          <Text variant="bodySmall" color="secondary">
            {analysisOption.description}
          </Text>
        </div>
      )}
      <AnalysisParameters
        idPrefix={idPrefix}
        analysis={analysis}
        defaults={datasource.defaults}
        errors={errors}
        onChange={onAnalysis}
        onBlur={() => runIfValid()}
      />
      <InlineField
        label="Output"
        labelWidth={LABEL_WIDTH}
        htmlFor={`${idPrefix}-output`}
        tooltip="Full returns every field for panels. The other modes return one number per series, which is what alert rules need."
        invalid={!!errors.output}
        error={errors.output}
      >
        <RadioButtonGroup
          id={`${idPrefix}-output`}
          aria-label="Output"
          options={outputOptions}
          value={selectedOutput ? output : undefined}
          onChange={(mode) => update({ ...query, output: mode }, true)}
        />
      </InlineField>
      {selectedOutput && (
        <div className={styles.description}>
          <Text variant="bodySmall" color="secondary">
            {selectedOutput.description}
          </Text>
        </div>
      )}
      {forAlerting && (
        <AlertingOutputNotice query={query} onUseMode={(mode) => update({ ...query, output: mode }, true)} />
      )}
    </Stack>
  );
}

/** Explains in the alert rule editor why the output matters, and offers the fix when it does not suit a rule. */
function AlertingOutputNotice({ query, onUseMode }: { query: ForesightQuery; onUseMode: (mode: OutputMode) => void }) {
  const output = query.output ?? 'full';
  if (isAlertFriendly(output, query.analysis)) {
    return (
      <Text variant="bodySmall" color="secondary">
        Alert rules compare one number per series, so in the alert rule editor Foresight starts with a single-series
        output instead of Full.
      </Text>
    );
  }
  if (!canAlertOn(query.analysis)) {
    return (
      <Alert severity="warning" title="This analysis returns several fields per series">
        An alert rule needs one number per series. Choose the Anomaly analysis (score or anomalous) or Forecast
        (forecast or threshold crossing) for alerting, or reduce this query with an expression.
      </Alert>
    );
  }
  const suggested = alertDefaultOutput(query.analysis);
  const label = outputModesFor(query.analysis).find((option) => option.value === suggested)?.label ?? suggested;
  return (
    <Alert severity="warning" title="Full output is not suited to alert rules">
      <Stack direction="column" gap={1}>
        <span>
          An alert rule compares one number per series, but Full returns several fields per series (actual, expected,
          band, score), so the rule cannot tell which one to use. Pick a single-series output.
        </span>
        <div>
          <Button size="sm" variant="secondary" onClick={() => onUseMode(suggested)}>
            Use {label}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  description: css({
    marginTop: theme.spacing(-1),
    paddingLeft: theme.spacing(LABEL_WIDTH + 0.5),
  }),
});
