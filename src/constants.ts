import pluginJson from './plugin.json';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** The id of the nested Foresight datasource, used to find its instances. */
export const DATASOURCE_PLUGIN_ID = 'foresight-analytics-datasource';

/** Routes of the app's pages, relative to PLUGIN_BASE_URL (they match the `includes` in plugin.json). */
export enum ROUTES {
  Overview = 'overview',
  Trends = 'trends',
  Investigate = 'investigate',
  Builder = 'builder',
}
