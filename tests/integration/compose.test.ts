/**
 * The demo stack's files, checked as far as this machine allows (no Docker engine here): the compose
 * file's structure and cross-references, Prometheus's config via promtool, Loki's settings for old
 * data, and the provisioning that Grafana will read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

import { PROMTOOL_MAX_BLOCK_DURATION } from '../../demo/generator/backfill';
import { MIN_HISTORY_DAYS_FOR_ALL_INCIDENTS } from '../../demo/generator/incidents';

const ROOT = resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[] | string;
  entrypoint?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}

const readYaml = <T>(path: string): T => parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const compose = readYaml<{ services: Record<string, ComposeService>; volumes: Record<string, unknown> }>(
  'docker-compose.yaml'
);
const services = compose.services;

/** Plugin ids: the app's and those of the plugins nested in it. */
function pluginIds(): string[] {
  const ids = [JSON.parse(readFileSync(join(ROOT, 'src/plugin.json'), 'utf8')).id as string];
  const nested = ['src/datasource', ...readdirSync(join(ROOT, 'src/panels')).map((panel) => `src/panels/${panel}`)];
  for (const dir of nested) {
    const file = join(ROOT, dir, 'plugin.json');
    if (existsSync(file)) {
      ids.push(JSON.parse(readFileSync(file, 'utf8')).id as string);
    }
  }
  return ids;
}

describe('docker-compose.yaml', () => {
  test('has Grafana, Prometheus with its backfill, Loki and the generator', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['demo-backfill', 'generator', 'grafana', 'loki', 'prometheus', 'prometheus-backfill'].sort()
    );
  });

  test('runs Grafana 13.2 on the glibc (ubuntu) image with the plugin and provisioning mounted', () => {
    const grafana = services.grafana;
    expect(grafana.image).toMatch(/^grafana\/grafana:\$\{GRAFANA_VERSION:-13\.2\.\d+\}-ubuntu$/);
    expect(grafana.volumes).toEqual(
      expect.arrayContaining([
        './dist:/var/lib/grafana/plugins/foresight-insights-app',
        './provisioning:/etc/grafana/provisioning',
      ])
    );
    const allowed = grafana.environment!.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',');
    expect(allowed.sort()).toEqual(pluginIds().sort());
    const home = grafana.environment!.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH;
    expect(existsSync(join(ROOT, home.replace('/etc/grafana/provisioning', 'provisioning')))).toBe(true);
  });

  test('every bind mount and build context exists in the repository (dist/ is the build output)', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('.')) {
          if (source !== './dist') {
            expect({ service: name, source, exists: existsSync(join(ROOT, source)) }).toEqual({
              service: name,
              source,
              exists: true,
            });
          }
        } else {
          expect(Object.keys(compose.volumes)).toContain(source);
        }
      }
      if (service.build) {
        expect(existsSync(join(ROOT, service.build.context, service.build.dockerfile ?? 'Dockerfile'))).toBe(true);
      }
    }
  });

  test('start order: history → TSDB blocks → Prometheus (healthy) → Grafana; dependencies exist and form no cycle', () => {
    const conditions = ['service_started', 'service_healthy', 'service_completed_successfully'];
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(Object.keys(services)).toContain(dependency);
        expect(conditions).toContain(condition);
        if (condition === 'service_healthy') {
          expect({ name, dependency, healthcheck: Boolean(services[dependency].healthcheck) }).toEqual({
            name,
            dependency,
            healthcheck: true,
          });
        }
      }
    }
    const visiting = new Set<string>();
    const visit = (name: string, path: string[]) => {
      expect(path).not.toContain(name);
      if (!visiting.has(name)) {
        visiting.add(name);
        Object.keys(services[name].depends_on ?? {}).forEach((dependency) => visit(dependency, [...path, name]));
      }
    };
    Object.keys(services).forEach((name) => visit(name, []));

    expect(services['prometheus-backfill'].depends_on).toEqual({
      'demo-backfill': { condition: 'service_completed_successfully' },
    });
    expect(services.prometheus.depends_on).toEqual({
      'prometheus-backfill': { condition: 'service_completed_successfully' },
    });
    expect(services.grafana.depends_on?.prometheus).toEqual({ condition: 'service_healthy' });
  });

  test('the backfill covers every incident and promtool writes long blocks; retention keeps them', () => {
    const backfill = services['demo-backfill'].command as string[];
    const days = Number(backfill[backfill.indexOf('--days') + 1]);
    expect(days).toBeGreaterThanOrEqual(MIN_HISTORY_DAYS_FOR_ALL_INCIDENTS);
    const promtoolScript = (services['prometheus-backfill'].command as string[]).join('\n');
    expect(promtoolScript).toContain(`--max-block-duration=${PROMTOOL_MAX_BLOCK_DURATION}`);
    expect(promtoolScript).toContain('/demo/history.om /prometheus');
    const retention = (services.prometheus.command as string[]).find((arg) =>
      arg.startsWith('--storage.tsdb.retention.time=')
    );
    expect(Number(/=(\d+)d$/.exec(retention ?? '')?.[1])).toBeGreaterThan(days);
    // Both Prometheus containers share the data volume.
    expect(services.prometheus.volumes).toContain('prometheus-data:/prometheus');
    expect(services['prometheus-backfill'].volumes).toContain('prometheus-data:/prometheus');
  });

  test('the generator serves on the port Prometheus scrapes and pushes to the Loki service', () => {
    const serve = services.generator.command as string[];
    const port = serve[serve.indexOf('--port') + 1];
    const prometheusConfig = readYaml<{ scrape_configs: Array<{ static_configs: Array<{ targets: string[] }> }> }>(
      'demo/prometheus/prometheus.yml'
    );
    expect(prometheusConfig.scrape_configs[0].static_configs[0].targets).toEqual([`generator:${port}`]);
    expect(serve[serve.indexOf('--loki-url') + 1]).toBe('http://loki:3100');
    expect(serve[serve.indexOf('--anchor-file') + 1]).toBe('/demo/anchor.json');
  });
});

test('promtool accepts the demo Prometheus config', () => {
  const check = spawnSync('promtool', ['check', 'config', join(ROOT, 'demo/prometheus/prometheus.yml')], {
    encoding: 'utf8',
  });
  expect(check.stdout + check.stderr).toContain('SUCCESS');
  expect(check.status).toBe(0);
});

test('Loki accepts two-week-old pushes and answers from the store at once', () => {
  const loki = readYaml<Record<string, Record<string, unknown>>>('demo/loki/loki.yaml');
  expect(loki.limits_config.reject_old_samples).toBe(false);
  expect(loki.querier.query_ingesters_within).toBe(0);
  expect(loki.ingester.query_store_max_look_back_period).toBe(-1);
  expect(loki.auth_enabled).toBe(false);
});

describe('provisioning', () => {
  interface Datasource {
    uid: string;
    type: string;
    url?: string;
    jsonData?: Record<string, unknown>;
  }
  const datasources = readYaml<{ datasources: Datasource[] }>('provisioning/datasources/datasources.yaml').datasources;

  test('enables the app', () => {
    const apps = readYaml<{ apps: Array<{ type: string; disabled: boolean }> }>('provisioning/plugins/apps.yaml').apps;
    expect(apps).toEqual([expect.objectContaining({ type: pluginIds()[0], disabled: false })]);
  });

  test('provides Prometheus, Loki and Foresight, the last with setting names from the shared types', () => {
    expect(datasources.map(({ uid, type }) => [uid, type])).toEqual([
      ['prometheus', 'prometheus'],
      ['loki', 'loki'],
      ['foresight', 'foresight-analytics-datasource'],
    ]);
    const foresight = datasources[2];
    expect(foresight.jsonData).toMatchObject({ prometheusUrl: 'http://prometheus:9090', lokiUrl: 'http://loki:3100' });
    // Every key must be a field of ForesightDataSourceOptions (names are a provisioning contract).
    const types = readFileSync(join(ROOT, 'src/datasource/types.ts'), 'utf8');
    const optionsBody = /interface ForesightDataSourceOptions[^{]*\{([\s\S]*?)\n\}/.exec(types)![1];
    const knownKeys = [...optionsBody.matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1]);
    expect(knownKeys).toContain('prometheusUrl');
    for (const key of Object.keys(foresight.jsonData ?? {})) {
      expect(knownKeys).toContain(key);
    }
    // The upstream URLs point at compose services on their ports.
    expect(datasources[0].url).toBe(foresight.jsonData!.prometheusUrl);
    expect(datasources[1].url).toBe(foresight.jsonData!.lokiUrl);
  });

  test('the dashboard provider reads the folder where the dashboards are, and panels use provisioned datasources', () => {
    const providers = readYaml<{ providers: Array<{ options: { path: string } }> }>(
      'provisioning/dashboards/dashboards.yaml'
    ).providers;
    expect(providers[0].options.path).toBe('/etc/grafana/provisioning/dashboards');
    const uids = datasources.map((datasource) => datasource.uid);
    for (const file of readdirSync(join(ROOT, 'provisioning/dashboards')).filter((name) => name.endsWith('.json'))) {
      const dashboard = JSON.parse(readFileSync(join(ROOT, 'provisioning/dashboards', file), 'utf8'));
      expect(typeof dashboard.uid).toBe('string');
      for (const panel of dashboard.panels) {
        for (const target of panel.targets ?? []) {
          const uid = (target.datasource ?? panel.datasource).uid;
          expect({ file, panel: panel.title, uid, known: uids.includes(uid) }).toEqual({
            file,
            panel: panel.title,
            uid,
            known: true,
          });
        }
      }
    }
  });
});
