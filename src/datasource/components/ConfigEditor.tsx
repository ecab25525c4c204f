import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, Stack, Text } from '@grafana/ui';

import { durationSettingError, parseUnitIntervalSetting, parseWholeNumberSetting } from '../editor/settingsValidation';
import { SETTINGS_DEFAULTS, type ForesightDataSourceOptions, type ForesightSecureJsonData } from '../types';
import { CustomHeadersSettings } from './CustomHeadersSettings';
import { NumericSettingField } from './NumericSettingField';
import { UpstreamSettings } from './UpstreamSettings';

type Props = DataSourcePluginOptionsEditorProps<ForesightDataSourceOptions, ForesightSecureJsonData>;

/**
 * Datasource settings: where Prometheus and Loki are and how to reach them, and the defaults and limits
 * every query gets. Secrets go to `secureJsonData` only (encrypted, readable by the backend alone).
 */
export function ConfigEditor(props: Props) {
  const { options, onOptionsChange } = props;
  const { jsonData } = options;
  const setJson = <K extends keyof ForesightDataSourceOptions>(key: K, value: ForesightDataSourceOptions[K]) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [key]: value } });
  const trainingError = durationSettingError(jsonData.defaultTraining, 'Default training window');

  return (
    <Stack direction="column" gap={2}>
      <Text color="secondary" element="p">
        Foresight reads series from Prometheus and Loki, analyses them in its backend and returns anomaly scores,
        forecasts, outliers and decompositions to panels and alert rules. Configure at least one upstream.
      </Text>
      <UpstreamSettings {...props} target="prometheus" />
      <UpstreamSettings {...props} target="loki" />
      <CustomHeadersSettings {...props} />
      <FieldSet label="Analysis defaults">
        <Field
          label="Default training window"
          description={`History a model learns from when a query sets none, e.g. 7d or 4w. Defaults to ${SETTINGS_DEFAULTS.defaultTraining}.`}
          invalid={!!trainingError}
          error={trainingError}
          htmlFor="foresight-default-training"
        >
          <Input
            id="foresight-default-training"
            width={20}
            value={jsonData.defaultTraining ?? ''}
            placeholder={SETTINGS_DEFAULTS.defaultTraining}
            onChange={(event) => setJson('defaultTraining', event.currentTarget.value.trim() || undefined)}
          />
        </Field>
        <NumericSettingField
          id="foresight-default-sensitivity"
          label="Default sensitivity"
          description={`From 0 (flag only extreme deviations) to 1 (flag small ones), when a query sets none. Defaults to ${SETTINGS_DEFAULTS.defaultSensitivity}.`}
          value={jsonData.defaultSensitivity}
          placeholder={String(SETTINGS_DEFAULTS.defaultSensitivity)}
          parse={parseUnitIntervalSetting}
          onChange={(value) => setJson('defaultSensitivity', value)}
        />
      </FieldSet>
      <FieldSet label="Limits">
        <NumericSettingField
          id="foresight-max-series"
          label="Max series per query"
          description={`A query whose upstream returns more series fails with a message instead of slowing Grafana down. Defaults to ${SETTINGS_DEFAULTS.maxSeries}.`}
          value={jsonData.maxSeries}
          placeholder={String(SETTINGS_DEFAULTS.maxSeries)}
          parse={parsePositiveWholeNumber}
          onChange={(value) => setJson('maxSeries', value)}
        />
        <NumericSettingField
          id="foresight-max-points"
          label="Max points per query"
          description={`Series × samples one query may process, training window included. Defaults to ${SETTINGS_DEFAULTS.maxPoints.toLocaleString('en-US')}.`}
          value={jsonData.maxPoints}
          placeholder={String(SETTINGS_DEFAULTS.maxPoints)}
          parse={parsePositiveWholeNumber}
          onChange={(value) => setJson('maxPoints', value)}
        />
      </FieldSet>
    </Stack>
  );
}

function parsePositiveWholeNumber(text: string) {
  return parseWholeNumberSetting(text, 1);
}
