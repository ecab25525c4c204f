import { LokiClient } from '../upstream/loki';
import { PrometheusClient } from '../upstream/prometheus';
import type { UpstreamObserver } from '../upstream/types';
import type { ClientFactory } from './datasourceInstance';

/** The production client factory: the real Prometheus and Loki HTTP clients, observed for metrics. */
export function httpClientFactory(observer: UpstreamObserver): ClientFactory {
  return (settings) => ({
    prometheus: settings.prometheus ? new PrometheusClient(settings.prometheus, observer) : undefined,
    loki: settings.loki ? new LokiClient(settings.loki, observer) : undefined,
  });
}
