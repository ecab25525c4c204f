/** @jest-environment node */
/**
 * The demo dashboards that show the Foresight panels (provisioning/dashboards/): every panel exists, every
 * Foresight query is a valid v1 query on the `foresight` datasource, and every metric it reads is one the demo
 * generator exports — so the dashboards have data when the demo stack starts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { METRIC } from '../../demo/generator/metrics';
import { QUERY_SCHEMA_VERSION } from '../datasource/types';

interface Panel {
  type: string;
  title: string;
  targets?: Array<{
    datasource: { type: string; uid: string };
    schemaVersion?: number;
    source?: { kind: string; expr: string };
    analysis?: { kind: string };
    output?: string;
  }>;
  options?: Record<string, unknown>;
}

const DASHBOARDS = ['capacity-forecast.json', 'anomaly-bands.json'];
const OUR_PANELS = ['anomaly', 'forecast', 'rootcause'].map(
  (dir) => JSON.parse(readFileSync(resolve(__dirname, dir, 'plugin.json'), 'utf8')).id as string
);
const DATASOURCE_ID = JSON.parse(readFileSync(resolve(__dirname, '../datasource/plugin.json'), 'utf8')).id as string;
const EXPORTED = new Set<string>(Object.values(METRIC).flatMap((m) => [m, `${m}_bucket`, `${m}_sum`, `${m}_count`]));
const PROMQL_WORDS = new Set(['sum', 'by', 'max', 'rate', 'histogram_quantile', 'service', 'le', 'status']);

function load(name: string): { uid: string; panels: Panel[] } {
  return JSON.parse(readFileSync(resolve(__dirname, '../../provisioning/dashboards', name), 'utf8'));
}

describe.each(DASHBOARDS)('%s', (name) => {
  const dashboard = load(name);
  const panels = dashboard.panels.filter((p) => p.type !== 'row');
  const foresightTargets = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, t })));

  it('uses the Foresight panels and only panel types Grafana or this plugin provides', () => {
    const types = new Set(panels.map((p) => p.type));
    expect([...types].some((t) => OUR_PANELS.includes(t))).toBe(true);
    for (const type of types) {
      expect(['timeseries', 'stat', 'table', ...OUR_PANELS]).toContain(type);
    }
  });

  it('queries the Foresight datasource with valid v1 queries', () => {
    expect(foresightTargets.length).toBeGreaterThan(0);
    for (const { t } of foresightTargets) {
      expect(t.datasource).toEqual({ type: DATASOURCE_ID, uid: 'foresight' });
      expect(t.schemaVersion).toBe(QUERY_SCHEMA_VERSION);
      expect(t.source?.kind).toBe('prometheus');
      expect(['anomaly', 'forecast']).toContain(t.analysis?.kind);
    }
  });

  it('reads only metrics the demo generator exports', () => {
    for (const { panel, t } of foresightTargets) {
      const expr = t.source!.expr.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, '');
      const names = expr.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)!.filter((w) => !PROMQL_WORDS.has(w) && !/^\d/.test(w));
      expect(names.length).toBeGreaterThan(0);
      for (const metric of names) {
        expect({ panel, metric, exported: EXPORTED.has(metric) }).toEqual({ panel, metric, exported: true });
      }
    }
  });
});
