import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { EmptyState } from '@grafana/ui';
import { testIds } from '../components/testIds';
import { NoDatasourceState } from './NoDatasourceState';
import { useForesightDatasources } from './useForesightDatasources';

/** Build a dashboard from your services. */
function DashboardBuilder() {
  const datasources = useForesightDatasources();
  return (
    <PluginPage>
      <div data-testid={testIds.builder.container}>
        {datasources.length === 0 ? (
          <NoDatasourceState />
        ) : (
          <EmptyState variant="call-to-action" message="Build a dashboard from your services">
            The dashboard builder will generate anomaly and capacity dashboards for the services it finds in Prometheus, ready to save or export as provisioning JSON.
          </EmptyState>
        )}
      </div>
    </PluginPage>
  );
}

export default DashboardBuilder;
