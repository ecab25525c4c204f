import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';
import type { DataSourceSettings } from '@grafana/data';

import type { ForesightDataSourceOptions, ForesightSecureJsonData } from '../types';
import { ConfigEditor } from './ConfigEditor';

type Settings = DataSourceSettings<ForesightDataSourceOptions, ForesightSecureJsonData>;

function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    id: 1,
    uid: 'foresight',
    orgId: 1,
    name: 'Foresight',
    type: 'foresight-analytics-datasource',
    typeName: 'Foresight analytics',
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    withCredentials: false,
    readOnly: false,
    jsonData: {},
    secureJsonFields: {},
    ...overrides,
  } as Settings;
}

/** Renders the editor the way Grafana does: the settings it shows are the last ones it reported. */
function renderConfig(initial: Settings) {
  const changes: Settings[] = [];
  function Harness() {
    const [options, setOptions] = useState(initial);
    return (
      <ConfigEditor
        options={options}
        onOptionsChange={(next) => {
          changes.push(next);
          setOptions(next);
        }}
      />
    );
  }
  render(<Harness />);
  return { latest: () => changes[changes.length - 1] };
}

function section(name: string) {
  return within(screen.getByRole('group', { name }));
}

// Many fields per test; the machine running the suite may be busy.
jest.setTimeout(30_000);

const SECRET = 's3cr3t-value';

/** Types a value the way admins enter URLs, tokens and certificates: pasted. */
async function fill(element: HTMLElement, text: string) {
  await userEvent.click(element);
  await userEvent.paste(text);
}

/** A field's label: its name, followed by its description. */
function label(name: string) {
  return new RegExp(`^${name.replace(/[()]/g, '\\$&')}`);
}

describe('ConfigEditor', () => {
  it('writes connection settings to jsonData and every secret to secureJsonData only', async () => {
    const { latest } = renderConfig(settings());
    const prometheus = section('Prometheus');
    await fill(prometheus.getByLabelText(label('URL')), 'http://prometheus:9090');
    await userEvent.click(prometheus.getByRole('radio', { name: 'Basic auth' }));
    await fill(prometheus.getByLabelText(label('User')), 'grafana');
    await userEvent.type(prometheus.getByLabelText(label('Password')), SECRET);
    await fill(prometheus.getByLabelText(label('CA certificate')), `-----BEGIN CERTIFICATE-----${SECRET}`);
    await userEvent.click(prometheus.getByLabelText(label('Skip TLS certificate verification')));
    await userEvent.type(prometheus.getByLabelText(label('Timeout (seconds)')), '45');

    const loki = section('Loki');
    await fill(loki.getByLabelText(label('URL')), 'http://loki:3100');
    await userEvent.click(loki.getByRole('radio', { name: 'Bearer token' }));
    await userEvent.type(loki.getByLabelText(label('Token')), SECRET);

    await userEvent.click(screen.getByRole('button', { name: 'Add header' }));
    const headers = section('Custom headers');
    await userEvent.click(headers.getByRole('radio', { name: 'Loki' }));
    await userEvent.type(headers.getByLabelText('Name'), 'X-Scope-OrgID');
    await userEvent.type(headers.getByLabelText('Value'), SECRET);

    await userEvent.type(screen.getByLabelText(label('Default training window')), '14d');
    await userEvent.type(screen.getByLabelText(label('Default sensitivity')), '0.7');
    await userEvent.type(screen.getByLabelText(label('Max series per query')), '1000');
    await fill(screen.getByLabelText(label('Max points per query')), '5,000,000');

    const { jsonData, secureJsonData } = latest();
    expect(jsonData).toEqual({
      prometheusUrl: 'http://prometheus:9090',
      prometheusAuth: 'basic',
      prometheusBasicAuthUser: 'grafana',
      prometheusTlsSkipVerify: true,
      prometheusTimeoutSeconds: 45,
      lokiUrl: 'http://loki:3100',
      lokiAuth: 'bearer',
      customHeaders: [{ target: 'loki', name: 'X-Scope-OrgID' }],
      defaultTraining: '14d',
      defaultSensitivity: 0.7,
      maxSeries: 1000,
      maxPoints: 5_000_000,
    });
    expect(secureJsonData).toEqual({
      prometheusBasicAuthPassword: SECRET,
      prometheusTlsCACert: `-----BEGIN CERTIFICATE-----${SECRET}`,
      lokiBearerToken: SECRET,
      customHeaderValue0: SECRET,
    });
    expect(JSON.stringify(jsonData)).not.toContain(SECRET);
  });

  it('shows configured secrets without their values and resets one on request', async () => {
    const { latest } = renderConfig(
      settings({
        jsonData: { prometheusUrl: 'http://prometheus:9090', prometheusAuth: 'bearer' },
        secureJsonFields: { prometheusBearerToken: true, prometheusTlsCACert: true },
      })
    );
    const prometheus = section('Prometheus');
    const token = prometheus.getByLabelText(label('Token'));
    expect(token).toBeDisabled();
    expect(token).toHaveValue('configured');
    const resets = prometheus.getAllByRole('button', { name: 'Reset' });
    expect(resets).toHaveLength(2);
    await userEvent.click(resets[0]);
    expect(latest().secureJsonFields).toEqual({ prometheusBearerToken: false, prometheusTlsCACert: true });
    expect(latest().secureJsonData).toEqual({ prometheusBearerToken: '' });
    expect(prometheus.getByLabelText(label('Token'))).toBeEnabled();
    await fill(prometheus.getByLabelText(label('Token')), 'new-token');
    expect(latest().secureJsonData).toEqual({ prometheusBearerToken: 'new-token' });
  });

  it('reports a URL without scheme and numbers out of range, keeping the last valid number', async () => {
    const { latest } = renderConfig(settings({ jsonData: { maxSeries: 500 } }));
    await userEvent.type(section('Prometheus').getByLabelText(label('URL')), 'prometheus:9090');
    expect(screen.getByText(/is not a URL; write it with the scheme/)).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(label('Default sensitivity')), '1.5');
    expect(screen.getByText(/expected a number between 0 and 1, got "1.5"/)).toBeInTheDocument();
    expect(latest().jsonData.defaultSensitivity).toBe(1);

    const maxSeries = screen.getByLabelText(label('Max series per query'));
    await userEvent.clear(maxSeries);
    expect(latest().jsonData.maxSeries).toBeUndefined();
    await userEvent.type(maxSeries, '0');
    expect(screen.getByText(/expected a whole number of at least 1, got "0"/)).toBeInTheDocument();
    expect(latest().jsonData.maxSeries).toBeUndefined();

    await userEvent.type(screen.getByLabelText(label('Default training window')), '7');
    expect(screen.getByText(/"7" has no unit/)).toBeInTheDocument();
  });

  it('removes a header without disturbing the stored values of the others', async () => {
    const { latest } = renderConfig(
      settings({
        jsonData: {
          customHeaders: [
            { target: 'prometheus', name: 'X-Scope-OrgID' },
            { target: 'loki', name: 'X-Tenant' },
          ],
        },
        secureJsonFields: { customHeaderValue0: true, customHeaderValue1: true },
      })
    );
    await userEvent.click(screen.getByRole('button', { name: 'Remove header X-Scope-OrgID' }));
    expect(latest().jsonData.customHeaders).toEqual([
      { target: 'prometheus', name: '' },
      { target: 'loki', name: 'X-Tenant' },
    ]);
    expect(latest().secureJsonFields).toEqual({ customHeaderValue0: false, customHeaderValue1: true });
    const headers = section('Custom headers');
    expect(headers.getAllByLabelText('Name').map((input) => (input as HTMLInputElement).value)).toEqual(['X-Tenant']);
    expect(headers.getByLabelText('Value')).toHaveValue('configured');
  });
});
