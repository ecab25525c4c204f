import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataSource } from './datasource';
import type { ForesightDataSourceOptions, ForesightQuery, ForesightSecureJsonData } from './types';

export const plugin = new DataSourcePlugin<
  DataSource,
  ForesightQuery,
  ForesightDataSourceOptions,
  ForesightSecureJsonData
>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
