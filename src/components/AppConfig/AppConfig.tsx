import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { AppPluginMeta, PluginConfigPageProps, PluginMeta } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { Alert, Button, FieldSet, Stack, Text } from '@grafana/ui';
import { testIds } from '../testIds';
import { useForesightDatasources } from '../../pages/useForesightDatasources';
import { DATASOURCE_PLUGIN_ID } from '../../constants';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<{}>> {}

/**
 * The app's configuration page. The app has no settings of its own: connections live in the Foresight
 * datasource (so several Prometheus/Loki pairs can be used side by side), so this page enables the app
 * and says where to configure the rest.
 */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const { enabled, pinned, id } = plugin.meta;
  const datasources = useForesightDatasources();
  const [error, setError] = useState<string>();

  const setEnabled = async (value: boolean) => {
    try {
      await updatePlugin(id, { enabled: value, pinned: value ? pinned : false, jsonData: plugin.meta.jsonData });
      // Grafana reads plugin state at page load, so a reload is the supported way to apply it.
      window.location.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not update the plugin settings');
    }
  };

  return (
    <FieldSet label="Foresight">
      <Stack direction="column" gap={2}>
        {error && <Alert title="Saving failed">{error}</Alert>}
        <Text element="p">
          {enabled
            ? 'The app is enabled: its pages are in the navigation menu and its panels can be added to dashboards.'
            : 'Enable the app to add its pages to the navigation menu.'}
        </Text>
        <Text element="p" color="secondary">
          {datasources.length === 0
            ? 'No Foresight datasource yet. Connections to Prometheus and Loki are configured on the datasource.'
            : `Foresight datasources: ${datasources.map((d) => d.name).join(', ')}.`}
        </Text>
        <Stack gap={1}>
          <Button
            data-testid={testIds.appConfig.submit}
            variant={enabled ? 'destructive' : 'primary'}
            onClick={() => setEnabled(!enabled)}
          >
            {enabled ? 'Disable app' : 'Enable app'}
          </Button>
          <Button
            variant="secondary"
            icon="plus"
            onClick={() => (window.location.href = `/connections/datasources/new?pluginId=${DATASOURCE_PLUGIN_ID}`)}
          >
            Add Foresight datasource
          </Button>
        </Stack>
      </Stack>
    </FieldSet>
  );
};

export default AppConfig;

const updatePlugin = async (pluginId: string, data: Partial<PluginMeta>) => {
  const response = getBackendSrv().fetch({ url: `/api/plugins/${pluginId}/settings`, method: 'POST', data });
  return lastValueFrom(response);
};
