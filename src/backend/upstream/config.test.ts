/** @jest-environment node */
import type { ForesightDataSourceOptions } from '../../datasource/types';
import { describeConfigProblems, upstreamConfigFromSettings } from './config';

describe('upstreamConfigFromSettings', () => {
  test.each([
    ['no URL', 'prometheus', {}, {}, undefined],
    ['blank URL', 'loki', { lokiUrl: '  ' }, {}, undefined],
    [
      'URL only: defaults',
      'prometheus',
      { prometheusUrl: 'http://prometheus:9090/' },
      {},
      { url: 'http://prometheus:9090', auth: 'none', tlsSkipVerify: false, timeoutSeconds: 30, headers: {} },
    ],
    [
      'basic auth reads its own upstream secrets only',
      'loki',
      {
        lokiUrl: 'https://loki:3100',
        lokiAuth: 'basic',
        lokiBasicAuthUser: 'grafana',
        prometheusBasicAuthUser: 'other',
      },
      { lokiBasicAuthPassword: 's3cret', prometheusBasicAuthPassword: 'nope' },
      {
        url: 'https://loki:3100',
        auth: 'basic',
        basicAuthUser: 'grafana',
        basicAuthPassword: 's3cret',
        tlsSkipVerify: false,
        timeoutSeconds: 30,
        headers: {},
      },
    ],
    [
      'bearer, TLS and timeout',
      'prometheus',
      {
        prometheusUrl: 'https://mimir/prometheus',
        prometheusAuth: 'bearer',
        prometheusTlsSkipVerify: true,
        prometheusTimeoutSeconds: 5,
      },
      {
        prometheusBearerToken: 'tok',
        prometheusTlsCACert: ' -----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n',
      },
      {
        url: 'https://mimir/prometheus',
        auth: 'bearer',
        bearerToken: 'tok',
        tlsSkipVerify: true,
        tlsCACert: '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----',
        timeoutSeconds: 5,
        headers: {},
      },
    ],
    [
      'custom headers are filtered by target and need a value',
      'prometheus',
      {
        prometheusUrl: 'http://p',
        customHeaders: [
          { target: 'loki', name: 'X-Scope-OrgID' },
          { target: 'prometheus', name: 'X-Scope-OrgID' },
          { target: 'prometheus', name: ' X-Empty ' },
          { target: 'prometheus', name: '' },
        ],
      },
      {
        customHeaderValue0: 'loki-tenant',
        customHeaderValue1: 'prom-tenant',
        customHeaderValue2: '',
        customHeaderValue3: 'x',
      },
      {
        url: 'http://p',
        auth: 'none',
        tlsSkipVerify: false,
        timeoutSeconds: 30,
        headers: { 'X-Scope-OrgID': 'prom-tenant' },
      },
    ],
    [
      'unknown auth and a bad timeout fall back to defaults',
      'loki',
      { lokiUrl: 'http://l', lokiAuth: 'oauth' as never, lokiTimeoutSeconds: -1 },
      {},
      { url: 'http://l', auth: 'none', tlsSkipVerify: false, timeoutSeconds: 30, headers: {} },
    ],
  ] as const)('%s', (_name, kind, jsonData, secure, expected) => {
    expect(
      upstreamConfigFromSettings(kind, jsonData as ForesightDataSourceOptions, secure as Record<string, string>)
    ).toEqual(expected);
  });
});

describe('describeConfigProblems', () => {
  const base = { auth: 'none' as const, tlsSkipVerify: false, timeoutSeconds: 30, headers: {} };
  test.each([
    ['a good config', { ...base, url: 'http://prometheus:9090' }, []],
    [
      'not a URL, credentials hidden',
      { ...base, url: 'http://user:pw@prom etheus' },
      ['Prometheus URL "http://prom etheus" is not a valid URL; expected e.g. http://prometheus:9090'],
    ],
    ['no scheme', { ...base, url: 'prometheus:9090' }, ['Prometheus URL must start with http:// or https://']],
    ['wrong scheme', { ...base, url: 'ftp://prometheus' }, ['Prometheus URL must start with http:// or https://']],
    [
      'basic without a user',
      { ...base, url: 'http://p', auth: 'basic' as const },
      ['Prometheus basic auth is selected but the user is empty'],
    ],
    [
      'bearer without a token',
      { ...base, url: 'http://p', auth: 'bearer' as const },
      ['Prometheus bearer auth is selected but no token is saved'],
    ],
    [
      'CA that is not PEM',
      { ...base, url: 'https://p', tlsCACert: 'abc' },
      ['Prometheus CA certificate is not PEM (it should start with -----BEGIN CERTIFICATE-----)'],
    ],
  ])('%s', (_name, config, expected) => {
    expect(describeConfigProblems('prometheus', config)).toEqual(expected);
  });
});
