import React from 'react';
import { render, screen } from '@testing-library/react';
import { PluginType } from '@grafana/data';
import AppConfig, { AppConfigProps } from './AppConfig';

function renderConfig(enabled: boolean) {
  const props = {
    plugin: { meta: { id: 'foresight-insights-app', name: 'Foresight', type: PluginType.app, enabled, jsonData: {} } },
    query: {},
  } as unknown as AppConfigProps;
  return render(<AppConfig {...props} />);
}

describe('AppConfig', () => {
  test('offers to enable a disabled app', () => {
    renderConfig(false);
    expect(screen.getByRole('button', { name: /enable app/i })).toBeInTheDocument();
    expect(screen.getByText(/enable the app to add its pages/i)).toBeInTheDocument();
  });

  test('offers to disable an enabled app and points to the datasource for connections', () => {
    renderConfig(true);
    expect(screen.getByRole('button', { name: /disable app/i })).toBeInTheDocument();
    expect(screen.getByText(/no foresight datasource yet/i)).toBeInTheDocument();
  });
});
