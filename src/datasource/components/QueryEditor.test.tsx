import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';
import { CoreApp, type DataSourceInstanceSettings } from '@grafana/data';

import { DataSource } from '../datasource';
import { DEFAULT_QUERY, type ForesightDataSourceOptions, type ForesightQuery } from '../types';
import { QueryEditor } from './QueryEditor';

function makeDataSource() {
  return new DataSource({
    uid: 'foresight',
    type: 'foresight-analytics-datasource',
    name: 'Foresight',
    jsonData: { defaultTraining: '14d' },
    meta: {} as DataSourceInstanceSettings['meta'],
    readOnly: false,
    access: 'proxy',
  } as DataSourceInstanceSettings<ForesightDataSourceOptions>);
}

/** Renders the editor the way Grafana does: the query it shows is the last one it reported. */
function renderEditor(initial: Record<string, unknown>, options: { app?: CoreApp; datasource?: DataSource } = {}) {
  const datasource = options.datasource ?? makeDataSource();
  const onRunQuery = jest.fn();
  const changes: ForesightQuery[] = [];
  function Harness() {
    const [query, setQuery] = useState(initial as unknown as ForesightQuery);
    return (
      <QueryEditor
        datasource={datasource}
        query={query}
        app={options.app}
        onRunQuery={onRunQuery}
        onChange={(next) => {
          changes.push(next);
          setQuery(next);
        }}
      />
    );
  }
  render(<Harness />);
  return { datasource, onRunQuery, changes, latest: () => changes[changes.length - 1] };
}

// Editors with many fields render slowly in jsdom, and the machine running the suite may be busy.
jest.setTimeout(30_000);

const newQuery = { refId: 'A', ...DEFAULT_QUERY };

describe('QueryEditor', () => {
  it('writes the expression and legend into the source and runs the query when the field is left', async () => {
    const datasource = makeDataSource();
    jest.spyOn(datasource, 'getResource').mockResolvedValue([]);
    const { latest, onRunQuery } = renderEditor(newQuery, { datasource });
    await userEvent.type(screen.getByLabelText('PromQL'), 'up');
    expect(onRunQuery).not.toHaveBeenCalled();
    await userEvent.click(screen.getByLabelText('Legend'));
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    await userEvent.type(screen.getByLabelText('Legend'), '{{{{job}}');
    expect(latest()).toEqual({
      ...newQuery,
      source: { kind: 'prometheus', expr: 'up', legendFormat: '{{job}}' },
    });
  });

  it('switches the source to Loki', async () => {
    const { latest } = renderEditor({ ...newQuery, source: { kind: 'prometheus', expr: 'rate({app="api"}[5m])' } });
    await userEvent.click(screen.getByRole('radio', { name: 'Loki' }));
    expect(latest().source.kind).toBe('loki');
    expect(screen.getByLabelText('LogQL')).toHaveValue('rate({app="api"}[5m])');
  });

  it('switches the analysis, keeps the shared parameters and shows the new ones', async () => {
    const { latest, onRunQuery } = renderEditor({
      ...newQuery,
      source: { kind: 'prometheus', expr: 'up' },
      analysis: { kind: 'anomaly', training: '28d', sensitivity: 0.7 },
      output: 'score',
    });
    await userEvent.click(screen.getByRole('radio', { name: 'Forecast' }));
    expect(latest().analysis).toEqual({ kind: 'forecast', model: 'auto', training: '28d' });
    // `score` belongs to the anomaly analysis; the forecast starts with every field.
    expect(latest().output).toBe('full');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Horizon')).toHaveAttribute('placeholder', '1d');
    expect(screen.queryByRole('radio', { name: 'Time to threshold' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Threshold'), '90');
    await userEvent.click(screen.getByRole('radio', { name: 'Time to threshold' }));
    expect(latest()).toMatchObject({ analysis: { kind: 'forecast', threshold: 90 }, output: 'time-to-threshold' });
    expect(screen.getByRole('radio', { name: 'Above' })).toBeChecked();
  });

  it('shows the datasource default training window and reports a duration without a unit', async () => {
    const { latest, onRunQuery } = renderEditor({ ...newQuery, source: { kind: 'prometheus', expr: 'up' } });
    const training = screen.getByLabelText('Training window');
    expect(training).toHaveAttribute('placeholder', '14d (default)');
    await userEvent.type(training, '7');
    await userEvent.tab();
    expect(await screen.findByText(/"7" has no unit/)).toBeInTheDocument();
    expect(onRunQuery).not.toHaveBeenCalled();
    expect(latest().analysis).toMatchObject({ training: '7' });

    await userEvent.type(training, 'd');
    await userEvent.tab();
    expect(screen.queryByText(/has no unit/)).not.toBeInTheDocument();
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    // Passing through fields without changing anything does not run the same query again.
    await userEvent.click(training);
    await userEvent.click(screen.getByLabelText('PromQL'));
    await userEvent.tab();
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    // Shift+Enter in the expression runs it on request.
    await userEvent.click(screen.getByLabelText('PromQL'));
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(onRunQuery).toHaveBeenCalledTimes(2);
  });

  it('stores seasonal periods as a list and reports a bad one', async () => {
    const { latest } = renderEditor({
      ...newQuery,
      source: { kind: 'prometheus', expr: 'up' },
      analysis: { kind: 'decompose' },
    });
    await userEvent.click(screen.getByRole('radio', { name: 'Periods' }));
    const periods = screen.getByLabelText('Seasonal periods');
    await userEvent.clear(periods);
    await userEvent.type(periods, '1d, weekly');
    expect(latest().analysis).toEqual({ kind: 'decompose', seasonality: ['1d', 'weekly'] });
    expect(screen.getByText(/expected a duration such as 7d/)).toBeInTheDocument();
  });

  it('upgrades a legacy query when it opens', () => {
    const { changes } = renderEditor({ refId: 'A', queryText: 'node_load1', analysis: 'forecast' });
    expect(changes[0]).toEqual({
      refId: 'A',
      schemaVersion: 1,
      source: { kind: 'prometheus', expr: 'node_load1' },
      analysis: { kind: 'forecast' },
      output: 'full',
    });
    expect(screen.getByLabelText('PromQL')).toHaveValue('node_load1');
  });

  it('leaves a query from a newer Foresight untouched and offers a new one', async () => {
    const { changes, latest } = renderEditor({ refId: 'B', schemaVersion: 2, input: { promql: 'up' } });
    expect(screen.getByText(/saved by a newer Foresight \(query schema 2\)/)).toBeInTheDocument();
    expect(changes).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Replace with a new query' }));
    expect(latest()).toEqual({ refId: 'B', ...DEFAULT_QUERY });
    expect(screen.getByLabelText('PromQL')).toHaveValue('');
  });

  describe('in the alert rule editor', () => {
    it('gives a new query a single-series output and says why', async () => {
      const { latest } = renderEditor(newQuery, { app: CoreApp.UnifiedAlerting });
      expect(latest().output).toBe('anomalous');
      expect(screen.getByRole('radio', { name: 'Anomalous' })).toBeChecked();
      expect(screen.queryByText(/Full output is not suited/)).not.toBeInTheDocument();
      expect(screen.getByText(/Alert rules compare one number per series/)).toBeInTheDocument();

      await userEvent.click(screen.getByRole('radio', { name: 'Forecast' }));
      expect(latest().output).toBe('forecast');
    });

    it('warns about a full output on an existing rule and offers the fix', async () => {
      const { latest } = renderEditor(
        { ...newQuery, source: { kind: 'prometheus', expr: 'up' }, output: 'full' },
        { app: CoreApp.UnifiedAlerting }
      );
      expect(screen.getByText(/one number per series, but Full returns several fields/)).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Use Anomalous' }));
      expect(latest().output).toBe('anomalous');
      expect(screen.queryByText(/Full output is not suited/)).not.toBeInTheDocument();
    });
  });

  describe('suggestions', () => {
    it('offers metric names from the backend and inserts the chosen one', async () => {
      const datasource = makeDataSource();
      const getResource = jest
        .spyOn(datasource, 'getResource')
        .mockResolvedValue(['http_requests_total', 'http_request_duration_seconds_bucket', 'up']);
      const { latest } = renderEditor(newQuery, { datasource });
      await userEvent.type(screen.getByLabelText('PromQL'), 'rate(http_req');
      const options = await screen.findAllByRole('option');
      expect(options.map((option) => option.textContent)).toEqual([
        'http_request_duration_seconds_bucket',
        'http_requests_total',
      ]);
      expect(getResource).toHaveBeenCalledWith('prometheus/metrics', undefined);

      await userEvent.click(screen.getByRole('option', { name: 'http_requests_total' }));
      expect(latest().source.expr).toBe('rate(http_requests_total');
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    });

    it('offers label names for the metric and label values, chosen with the keyboard', async () => {
      const datasource = makeDataSource();
      jest.spyOn(datasource, 'getResource').mockImplementation(async (path: string) => {
        if (path === 'prometheus/labels') {
          return ['instance', 'job'];
        }
        if (path === 'prometheus/label-values') {
          return ['api', 'web'];
        }
        return ['up'];
      });
      const { latest } = renderEditor(newQuery, { datasource });
      const field = screen.getByLabelText('PromQL');
      await userEvent.type(field, 'up{{j');
      expect(await screen.findByRole('option', { name: 'job' })).toBeInTheDocument();
      await userEvent.keyboard('{Enter}');
      expect(latest().source.expr).toBe('up{job=""');
      await screen.findByRole('option', { name: 'api' });
      await userEvent.keyboard('{ArrowDown}{Enter}');
      expect(latest().source.expr).toBe('up{job="web"');
      expect(datasource.getResource).toHaveBeenCalledWith('prometheus/label-values', { label: 'job', 'match[]': 'up' });
    });

    it('still edits and runs queries when the suggestion routes fail', async () => {
      const datasource = makeDataSource();
      const getResource = jest
        .spyOn(datasource, 'getResource')
        .mockRejectedValue(new Error('Prometheus is not configured'));
      const { latest, onRunQuery } = renderEditor(newQuery, { datasource });
      const field = screen.getByLabelText('PromQL');
      await userEvent.type(field, 'node_lo');
      await waitFor(() => expect(getResource).toHaveBeenCalled());
      await act(async () => {});
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
      await userEvent.type(field, 'ad1{Shift>}{Enter}{/Shift}');
      expect(latest().source.expr).toBe('node_load1');
      expect(onRunQuery).toHaveBeenCalled();
    });
  });
});
