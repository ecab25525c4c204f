/** @jest-environment node */
import { MetricsRegistry } from './registry';

describe('MetricsRegistry', () => {
  it('counts requests and errors per method and keeps duration histograms cumulative', () => {
    const metrics = new MetricsRegistry();
    metrics.recordRequest('QueryData', 20, false);
    metrics.recordRequest('QueryData', 700, true);
    const text = metrics.render();
    expect(text).toContain('foresight_plugin_requests_total{method="QueryData"} 2');
    expect(text).toContain('foresight_plugin_request_errors_total{method="QueryData"} 1');
    expect(text).toContain('foresight_plugin_request_duration_seconds_bucket{method="QueryData",le="0.025"} 1');
    expect(text).toContain('foresight_plugin_request_duration_seconds_bucket{method="QueryData",le="1"} 2');
    expect(text).toContain('foresight_plugin_request_duration_seconds_bucket{method="QueryData",le="+Inf"} 2');
    expect(text).toContain('foresight_plugin_request_duration_seconds_sum{method="QueryData"} 0.72');
  });

  it('records upstream requests through the observer given to the clients', () => {
    const metrics = new MetricsRegistry();
    metrics.upstreamObserver({ upstream: 'prometheus', endpoint: 'query_range', status: 200, durationMs: 40 });
    metrics.upstreamObserver({ upstream: 'loki', endpoint: 'ready', status: 'error', durationMs: 3 });
    const text = metrics.render();
    expect(text).toContain(
      'foresight_upstream_request_duration_seconds_count{upstream="prometheus",endpoint="query_range",status="200"} 1'
    );
    expect(text).toContain('foresight_upstream_request_duration_seconds_count{upstream="loki",endpoint="ready",status="error"} 1');
  });

  it('reports process metrics with HELP and TYPE lines', () => {
    const started = Date.now() - 5000;
    const text = new MetricsRegistry(started).render();
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [0-9.e-]+$/m);
    expect(text).toContain(`process_start_time_seconds ${started / 1000}`);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [1-9]\d+$/m);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('escapes label values', () => {
    const metrics = new MetricsRegistry();
    metrics.recordRequest('a"b\\c', 1, false);
    expect(metrics.render()).toContain('foresight_plugin_requests_total{method="a\\"b\\\\c"} 1');
  });
});
