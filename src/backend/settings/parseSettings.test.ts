/** @jest-environment node */
import type { DataSourceInstanceSettings } from '../protocol/messages';
import { parseSettings, SettingsError } from './parseSettings';

function instance(jsonData: unknown, secure: Record<string, string> = {}): DataSourceInstanceSettings {
  return {
    id: 1,
    name: 'Foresight',
    url: '',
    user: '',
    database: '',
    basicAuthEnabled: false,
    basicAuthUser: '',
    jsonData: Buffer.from(typeof jsonData === 'string' ? jsonData : JSON.stringify(jsonData)),
    decryptedSecureJsonData: secure,
    lastUpdatedMS: 0,
    uid: 'ds1',
    apiVersion: '',
  };
}

describe('parseSettings', () => {
  it('uses the documented defaults when nothing is configured', () => {
    expect(parseSettings(instance(''))).toEqual({
      prometheus: undefined,
      loki: undefined,
      defaultTraining: '7d',
      defaultSensitivity: 0.5,
      maxSeries: 500,
      maxPoints: 2_000_000,
    });
    expect(parseSettings(null).prometheus).toBeUndefined();
  });

  it('builds a Prometheus config with bearer auth, a custom header and a trailing slash removed', () => {
    const settings = parseSettings(
      instance(
        {
          prometheusUrl: 'http://prom:9090/',
          prometheusAuth: 'bearer',
          prometheusTimeoutSeconds: 10,
          customHeaders: [
            { target: 'loki', name: 'X-Scope-OrgID' },
            { target: 'prometheus', name: 'X-Tenant' },
          ],
        },
        { prometheusBearerToken: 's3cret', customHeaderValue0: 'loki-tenant', customHeaderValue1: 'prom-tenant' }
      )
    );
    expect(settings.prometheus).toEqual({
      url: 'http://prom:9090',
      auth: 'bearer',
      bearerToken: 's3cret',
      tlsSkipVerify: false,
      timeoutSeconds: 10,
      headers: { 'X-Tenant': 'prom-tenant' },
    });
    expect(settings.loki).toBeUndefined();
  });

  it('builds a Loki config with basic auth and TLS options', () => {
    const settings = parseSettings(
      instance(
        { lokiUrl: 'https://loki.example', lokiAuth: 'basic', lokiBasicAuthUser: 'grafana', lokiTlsSkipVerify: true },
        { lokiBasicAuthPassword: 'pw', lokiTlsCACert: '-----BEGIN CERTIFICATE-----' }
      )
    );
    expect(settings.loki).toMatchObject({
      url: 'https://loki.example',
      auth: 'basic',
      basicAuthUser: 'grafana',
      basicAuthPassword: 'pw',
      tlsSkipVerify: true,
      tlsCACert: '-----BEGIN CERTIFICATE-----',
      timeoutSeconds: 30,
    });
  });

  it.each([
    [{ prometheusUrl: 'prom:9090' }, 'jsonData.prometheusUrl must start with http:// or https://'],
    [{ prometheusUrl: 'not a url' }, 'jsonData.prometheusUrl is not a URL'],
    [{ prometheusUrl: 'http://u:p@prom' }, 'must not contain credentials'],
    [{ prometheusUrl: 'http://prom', prometheusAuth: 'oauth' }, 'jsonData.prometheusAuth must be one of none, basic, bearer'],
    [{ prometheusUrl: 'http://prom', prometheusAuth: 'basic' }, 'prometheusBasicAuthUser is empty'],
    [{ lokiUrl: 'http://loki', lokiAuth: 'bearer' }, 'no loki bearer token is saved'],
    [{ maxSeries: -3 }, 'jsonData.maxSeries must be a positive number'],
    [{ defaultSensitivity: 2 }, 'jsonData.defaultSensitivity must be a number from 0 to 1'],
    [{ customHeaders: [{ target: 'elastic', name: 'X' }] }, 'jsonData.customHeaders[0].target'],
    ['{not json', 'not valid JSON'],
  ])('rejects %j with a message naming the key', (jsonData, message) => {
    expect(() => parseSettings(instance(jsonData))).toThrow(SettingsError);
    expect(() => parseSettings(instance(jsonData))).toThrow(message);
  });

  it('never puts a secret into an error message', () => {
    const secret = 'TOPSECRET-123';
    let message = '';
    try {
      parseSettings(instance({ prometheusUrl: `http://user:${secret}@prom` }, { prometheusBearerToken: secret }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(secret);
  });
});
