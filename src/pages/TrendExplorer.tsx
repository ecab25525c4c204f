import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { EmptyState } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { NoDatasourceState } from './NoDatasourceState';
import { useForesightDatasources } from './useForesightDatasources';

/** Pick a metric to explore its trend. */
function TrendExplorer() {
  const datasources = useForesightDatasources();
  return (
    <PluginPage>
      <div data-testid={testIds.trends.container}>
        {datasources.length === 0 ? (
          <NoDatasourceState />
        ) : (
          <EmptyState variant="call-to-action" message="Pick a metric to explore its trend">
            The trend explorer will decompose any Prometheus series into trend, seasonality and residual and mark change points. Until it lands, add a panel with the Foresight datasource and the &quot;decompose&quot; analysis.
          </EmptyState>
        )}
      </div>
    </PluginPage>
  );
}

export default TrendExplorer;
