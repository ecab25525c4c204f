/**
 * The Foresight query editor (src/datasource/components/QueryEditor) rendered as Grafana renders it, with the
 * real DataSource class. There is no Grafana backend here, so the datasource's resource calls (metric names,
 * labels, label values) are answered from the lists below — or fail, in the `no-suggestions` scenario.
 *
 * `window.__queryEditor` records what a panel would receive: every query the editor reported and how often it
 * asked to run.
 */
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CoreApp, createTheme, type DataSourceInstanceSettings, ThemeContext } from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';

import { QueryEditor } from '../../../../src/datasource/components/QueryEditor';
import { DataSource } from '../../../../src/datasource/datasource';
import type { ForesightDataSourceOptions, ForesightQuery } from '../../../../src/datasource/types';

interface QueryEditorState {
  queries: ForesightQuery[];
  runs: number;
  resourceCalls: string[];
}

declare global {
  interface Window {
    __queryEditor: QueryEditorState;
  }
}

const RESOURCES: Record<string, string[]> = {
  'prometheus/metrics': ['http_requests_total', 'http_request_duration_seconds_bucket', 'node_load1', 'up'],
  'prometheus/labels': ['instance', 'job', 'status'],
  'prometheus/label-values': ['api', 'checkout', 'web'],
  'loki/labels': ['app', 'level'],
  'loki/label-values': ['api', 'web'],
};

interface EditorScenario {
  app: CoreApp;
  /** Whether the resource routes answer (false: every call fails, as with no upstream configured). */
  resources: boolean;
  query?: Partial<ForesightQuery>;
}

const SCENARIOS: Record<string, EditorScenario> = {
  panel: { app: CoreApp.PanelEditor, resources: true },
  alerting: { app: CoreApp.UnifiedAlerting, resources: true },
  'no-suggestions': { app: CoreApp.Explore, resources: false },
};

function makeDataSource(scenario: EditorScenario): DataSource {
  const datasource = new DataSource({
    uid: 'foresight',
    type: 'foresight-analytics-datasource',
    name: 'Foresight',
    jsonData: { defaultTraining: '7d', defaultSensitivity: 0.5 },
    meta: {} as DataSourceInstanceSettings['meta'],
    readOnly: false,
    access: 'proxy',
  } as unknown as DataSourceInstanceSettings<ForesightDataSourceOptions>);
  datasource.getResource = async <T,>(path: string): Promise<T> => {
    window.__queryEditor.resourceCalls.push(path);
    if (!scenario.resources) {
      throw new Error('Prometheus is not configured for this datasource');
    }
    return (RESOURCES[path] ?? []) as T;
  };
  return datasource;
}

function Editor({ scenario, datasource }: { scenario: EditorScenario; datasource: DataSource }) {
  const [query, setQuery] = useState<ForesightQuery>({
    refId: 'A',
    ...(datasource.getDefaultQuery(scenario.app) as Omit<ForesightQuery, 'refId'>),
    ...scenario.query,
  });
  useEffect(() => {
    requestAnimationFrame(() => {
      window.__harness.ready = true;
    });
  }, []);
  return (
    <QueryEditor
      datasource={datasource}
      query={query}
      app={scenario.app}
      onChange={(next) => {
        window.__queryEditor.queries.push(next);
        setQuery(next);
      }}
      onRunQuery={() => {
        window.__queryEditor.runs++;
      }}
    />
  );
}

function mount(): void {
  window.__harness = { ready: false, timeRangeChanges: [], optionChanges: [] };
  window.__queryEditor = { queries: [], runs: 0, resourceCalls: [] };
  try {
    const params = new URLSearchParams(window.location.search);
    const name = params.get('scenario') ?? 'panel';
    const scenario = SCENARIOS[name];
    if (!scenario) {
      throw new Error(`Unknown scenario "${name}"; this entry has: ${Object.keys(SCENARIOS).join(', ')}`);
    }
    const theme = createTheme({ colors: { mode: params.get('theme') === 'light' ? 'light' : 'dark' } });
    document.body.style.margin = '0';
    document.body.style.background = theme.colors.background.canvas;
    createRoot(document.getElementById('root')!).render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <div
          id="harness-root"
          style={{
            padding: 16,
            width: Number(params.get('width') ?? 1100),
            background: theme.colors.background.primary,
          }}
        >
          <Editor scenario={scenario} datasource={makeDataSource(scenario)} />
        </div>
      </ThemeContext.Provider>
    );
  } catch (e) {
    window.__harness.error = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  }
}

mount();
