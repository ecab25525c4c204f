import React from 'react';
import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Field, FieldSet, Input, RadioButtonGroup, SecretInput, SecretTextArea, Switch } from '@grafana/ui';

import { parseWholeNumberSetting, urlError } from '../editor/settingsValidation';
import {
  SETTINGS_DEFAULTS,
  type ForesightDataSourceOptions,
  type ForesightSecureJsonData,
  type SourceKind,
  type UpstreamAuth,
} from '../types';
import { NumericSettingField } from './NumericSettingField';

type Props = DataSourcePluginOptionsEditorProps<ForesightDataSourceOptions, ForesightSecureJsonData> & {
  target: SourceKind;
};

/** The `jsonData` and `secureJsonData` keys of one upstream. */
const KEYS = {
  prometheus: {
    url: 'prometheusUrl',
    auth: 'prometheusAuth',
    user: 'prometheusBasicAuthUser',
    skipVerify: 'prometheusTlsSkipVerify',
    timeout: 'prometheusTimeoutSeconds',
    password: 'prometheusBasicAuthPassword',
    token: 'prometheusBearerToken',
    caCert: 'prometheusTlsCACert',
  },
  loki: {
    url: 'lokiUrl',
    auth: 'lokiAuth',
    user: 'lokiBasicAuthUser',
    skipVerify: 'lokiTlsSkipVerify',
    timeout: 'lokiTimeoutSeconds',
    password: 'lokiBasicAuthPassword',
    token: 'lokiBearerToken',
    caCert: 'lokiTlsCACert',
  },
} as const satisfies Record<
  SourceKind,
  Record<string, keyof ForesightDataSourceOptions | keyof ForesightSecureJsonData>
>;

const TEXT = {
  prometheus: {
    title: 'Prometheus',
    urlDescription:
      'Base URL of a Prometheus-compatible API (Prometheus, Mimir, Thanos, VictoriaMetrics). Leave empty if you do not use one.',
    urlPlaceholder: 'http://prometheus:9090',
  },
  loki: {
    title: 'Loki',
    urlDescription: 'Base URL of the Loki API. Leave empty if you do not analyse logs.',
    urlPlaceholder: 'http://loki:3100',
  },
} as const;

const AUTH_OPTIONS: Array<{ value: UpstreamAuth; label: string; description: string }> = [
  { value: 'none', label: 'No authentication', description: 'The upstream is reachable without credentials.' },
  { value: 'basic', label: 'Basic auth', description: 'A user and password.' },
  { value: 'bearer', label: 'Bearer token', description: 'Sent as "Authorization: Bearer <token>".' },
];

/** Connection settings of one upstream: URL, authentication, TLS and timeout. */
export function UpstreamSettings({ options, onOptionsChange, target }: Props) {
  const keys = KEYS[target];
  const text = TEXT[target];
  const { jsonData, secureJsonFields } = options;
  const secureJsonData = options.secureJsonData ?? {};
  const auth: UpstreamAuth = jsonData[keys.auth] ?? 'none';
  const id = (name: string) => `foresight-${target}-${name}`;

  const setJson = <K extends keyof ForesightDataSourceOptions>(key: K, value: ForesightDataSourceOptions[K]) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [key]: value } });

  const setSecret = (key: keyof ForesightSecureJsonData, value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, [key]: value } });

  const resetSecret = (key: keyof ForesightSecureJsonData) =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureJsonFields, [key]: false },
      secureJsonData: { ...secureJsonData, [key]: '' },
    });

  /** A password or token: write-only, shown as "configured" once stored, with Reset. */
  const secretField = (name: 'password' | 'token', label: string, width: number) => (
    <Field label={label} description="Stored encrypted; only the Foresight backend reads it." htmlFor={id(name)}>
      <SecretInput
        id={id(name)}
        width={width}
        isConfigured={!!secureJsonFields[keys[name]]}
        value={secureJsonData[keys[name]] ?? ''}
        placeholder={name}
        autoComplete={name === 'password' ? 'new-password' : 'off'}
        onChange={(event) => setSecret(keys[name], event.currentTarget.value)}
        onReset={() => resetSecret(keys[name])}
      />
    </Field>
  );

  const url = jsonData[keys.url] ?? '';
  const badUrl = urlError(url);

  return (
    <FieldSet label={text.title}>
      <Field label="URL" description={text.urlDescription} invalid={!!badUrl} error={badUrl} htmlFor={id('url')}>
        <Input
          id={id('url')}
          width={60}
          value={url}
          placeholder={text.urlPlaceholder}
          onChange={(event) => setJson(keys.url, event.currentTarget.value.trim())}
        />
      </Field>
      <Field label="Authentication" htmlFor={id('auth')}>
        <RadioButtonGroup
          id={id('auth')}
          aria-label={`${text.title} authentication`}
          options={AUTH_OPTIONS}
          value={auth}
          onChange={(value) => setJson(keys.auth, value)}
        />
      </Field>
      {auth === 'basic' && (
        <>
          <Field label="User" htmlFor={id('user')}>
            <Input
              id={id('user')}
              width={40}
              value={jsonData[keys.user] ?? ''}
              placeholder="user"
              autoComplete="off"
              onChange={(event) => setJson(keys.user, event.currentTarget.value)}
            />
          </Field>
          {secretField('password', 'Password', 40)}
        </>
      )}
      {auth === 'bearer' && secretField('token', 'Token', 60)}
      <Field
        label="CA certificate"
        description="PEM certificate of the authority that signed the upstream's TLS certificate, when it is not publicly trusted. Stored encrypted."
        htmlFor={id('ca-cert')}
      >
        <SecretTextArea
          id={id('ca-cert')}
          cols={60}
          rows={5}
          isConfigured={!!secureJsonFields[keys.caCert]}
          value={secureJsonData[keys.caCert] ?? ''}
          placeholder="-----BEGIN CERTIFICATE-----"
          onChange={(event) => setSecret(keys.caCert, event.currentTarget.value)}
          onReset={() => resetSecret(keys.caCert)}
        />
      </Field>
      <Field
        label="Skip TLS certificate verification"
        description="Accept any certificate. Only for testing: it makes the connection open to interception."
        htmlFor={id('skip-verify')}
      >
        <Switch
          id={id('skip-verify')}
          value={!!jsonData[keys.skipVerify]}
          onChange={(event) => setJson(keys.skipVerify, event.currentTarget.checked)}
        />
      </Field>
      <NumericSettingField
        id={id('timeout')}
        label="Timeout (seconds)"
        description={`How long one upstream request may take. Defaults to ${SETTINGS_DEFAULTS.timeoutSeconds}.`}
        value={jsonData[keys.timeout]}
        placeholder={String(SETTINGS_DEFAULTS.timeoutSeconds)}
        parse={parseTimeout}
        onChange={(value) => setJson(keys.timeout, value)}
      />
    </FieldSet>
  );
}

function parseTimeout(text: string) {
  return parseWholeNumberSetting(text, 1);
}
