/**
 * One datasource instance as the backend sees it: parsed settings plus the upstream clients built
 * from them. Instances are cached per datasource uid and `lastUpdatedMS`, so HTTP connections are
 * reused between requests and a saved change in Grafana takes effect on the next request.
 */
import type { PluginContext } from '../protocol/messages';
import type { PrometheusClient } from '../upstream/prometheus';
import type { LokiClient } from '../upstream/loki';
import { parseSettings, type ForesightSettings } from './parseSettings';

/** What the backend uses of PrometheusClient (src/backend/upstream/prometheus.ts). */
export type PrometheusApi = Pick<
  PrometheusClient,
  'queryRangeWithWarnings' | 'buildInfo' | 'labels' | 'labelValues' | 'metricNames' | 'close'
>;

/** What the backend uses of LokiClient (src/backend/upstream/loki.ts). */
export type LokiApi = Pick<LokiClient, 'queryRange' | 'ready' | 'buildInfo' | 'labels' | 'labelValues' | 'close'>;

export interface UpstreamClients {
  prometheus?: PrometheusApi;
  loki?: LokiApi;
}

export interface DatasourceInstance {
  settings: ForesightSettings;
  clients: UpstreamClients;
}

export type ClientFactory = (settings: ForesightSettings) => UpstreamClients;

/** Most instances kept; a Grafana rarely has more Foresight datasources than this. */
const MAX_INSTANCES = 32;

export class InstanceCache {
  private readonly instances = new Map<string, DatasourceInstance>();

  constructor(private readonly createClients: ClientFactory) {}

  /** Returns the instance for the request's datasource; throws SettingsError for a bad configuration. */
  get(context: PluginContext | null | undefined): DatasourceInstance {
    const ds = context?.dataSourceInstanceSettings;
    const key = `${context?.orgId ?? 0}/${ds?.uid ?? ''}/${ds?.lastUpdatedMS ?? 0}`;
    const cached = this.instances.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const settings = parseSettings(ds);
    const instance = { settings, clients: this.createClients(settings) };
    // Drop older versions of the same datasource, then the oldest entry when full.
    const prefix = key.slice(0, key.lastIndexOf('/') + 1);
    for (const existing of [...this.instances.keys()]) {
      if (existing.startsWith(prefix)) {
        this.evict(existing);
      }
    }
    if (this.instances.size >= MAX_INSTANCES) {
      this.evict(this.instances.keys().next().value as string);
    }
    this.instances.set(key, instance);
    return instance;
  }

  private evict(key: string): void {
    const instance = this.instances.get(key);
    this.instances.delete(key);
    instance?.clients.prometheus?.close();
    instance?.clients.loki?.close();
  }
}
