import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { EmptyState } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { NoDatasourceState } from './NoDatasourceState';
import { useForesightDatasources } from './useForesightDatasources';

/** No investigation yet. */
function Investigate() {
  const datasources = useForesightDatasources();
  return (
    <PluginPage>
      <div data-testid={testIds.investigate.container}>
        {datasources.length === 0 ? (
          <NoDatasourceState />
        ) : (
          <EmptyState variant="call-to-action" message="No investigation yet">
            Investigations start from a symptom, such as an anomalous latency series, and rank the services and metrics that explain it. Open one from an anomaly in the Foresight anomaly panel.
          </EmptyState>
        )}
      </div>
    </PluginPage>
  );
}

export default Investigate;
