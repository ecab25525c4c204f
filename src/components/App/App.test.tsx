import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { AppRootProps, DataSourceInstanceSettings, PluginType } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { render, screen } from '@testing-library/react';
import App from './App';

const props = {
  basename: 'a/foresight-insights-app',
  meta: { id: 'foresight-insights-app', name: 'Foresight', type: PluginType.app, enabled: true, jsonData: {} },
  query: {},
  path: '',
  onNavChanged: jest.fn(),
} as unknown as AppRootProps;

/** A data source service that knows the given instances, as Grafana's would. */
function useDatasources(list: Array<Partial<DataSourceInstanceSettings>>) {
  setDataSourceSrv({
    getList: (filters?: { pluginId?: string }) =>
      list.filter((d) => !filters?.pluginId || d.meta?.id === filters.pluginId) as DataSourceInstanceSettings[],
  } as unknown as DataSourceSrv);
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <App {...props} />
    </MemoryRouter>
  );
}

const foresight = { uid: 'fs', name: 'Foresight demo', meta: { id: 'foresight-analytics-datasource' } as any };

// Pages are lazy-loaded; under jsdom on a busy 2-core machine the first import can take several seconds,
// so both the wait for the page and the test itself get generous limits.
jest.setTimeout(60000);

describe('App routes', () => {
  const timeout = { timeout: 30000 };

  test('without a Foresight datasource, every page says how to add one', async () => {
    useDatasources([{ uid: 'p', name: 'Prometheus', meta: { id: 'prometheus' } as any }]);
    for (const path of ['/overview', '/trends', '/investigate', '/builder']) {
      const { unmount } = renderAt(path);
      expect(await screen.findByText(/add a foresight datasource to get started/i, undefined, timeout)).toBeInTheDocument();
      const link = screen.getByRole('link', { name: /add foresight datasource/i });
      expect(link.getAttribute('href')).toContain('pluginId=foresight-analytics-datasource');
      unmount();
    }
  });

  test('with a datasource, the overview names it and links to the trend explorer', async () => {
    useDatasources([foresight]);
    renderAt('/overview');
    expect(await screen.findByText(/using datasource "foresight demo"/i, undefined, timeout)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /explore trends/i }).getAttribute('href')).toBe(
      '/a/foresight-insights-app/trends'
    );
  });

  test('an unknown path lands on the overview', async () => {
    useDatasources([foresight]);
    renderAt('/no-such-page');
    expect(await screen.findByText(/anomaly detection/i, undefined, timeout)).toBeInTheDocument();
  });

  test('the investigate page explains how investigations start', async () => {
    useDatasources([foresight]);
    renderAt('/investigate');
    expect(await screen.findByText(/no investigation yet/i, undefined, timeout)).toBeInTheDocument();
  });
});
