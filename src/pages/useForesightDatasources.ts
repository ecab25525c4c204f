import { DataSourceInstanceSettings } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_PLUGIN_ID } from '../constants';

/** The Foresight datasources configured in this Grafana (empty when the data source service is unavailable). */
export function useForesightDatasources(): DataSourceInstanceSettings[] {
  try {
    return getDataSourceSrv().getList({ pluginId: DATASOURCE_PLUGIN_ID });
  } catch {
    return [];
  }
}
