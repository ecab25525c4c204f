/**
 * The built plugin is what Grafana loads: check dist/ as Grafana would, and check that the validator
 * really rejects the mistakes it is there to catch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validatePluginDir } from '../../scripts/validate-plugin';

const dist = path.resolve(__dirname, '../../dist');

describe('built plugin (dist/)', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(dist, 'plugin.json'))) {
      throw new Error('dist/ is missing: run `npm run build` before the integration tests');
    }
  });

  test('has the app, the datasource and the three panels, each valid with module and logo', () => {
    expect(validatePluginDir(dist)).toEqual([]);
    const expected: Record<string, string> = {
      'plugin.json': 'foresight-insights-app',
      'datasource/plugin.json': 'foresight-analytics-datasource',
      'panels/anomaly/plugin.json': 'foresight-anomaly-panel',
      'panels/forecast/plugin.json': 'foresight-forecast-panel',
      'panels/rootcause/plugin.json': 'foresight-rootcause-panel',
    };
    for (const [file, id] of Object.entries(expected)) {
      const json = JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'));
      expect(json.id).toBe(id);
      expect(json.info.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(fs.existsSync(path.join(dist, path.dirname(file), json.info.logos.small))).toBe(true);
    }
  });

  test('the datasource is an alerting backend datasource with an executable binary', () => {
    const ds = JSON.parse(fs.readFileSync(path.join(dist, 'datasource/plugin.json'), 'utf8'));
    expect(ds).toMatchObject({ backend: true, alerting: true, executable: 'gpx_foresight' });
    const exe = path.join(dist, 'datasource', 'gpx_foresight_linux_amd64');
    expect(fs.statSync(exe).mode & 0o111).not.toBe(0);
  });
});

describe('validatePluginDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-validate-'));
    fs.cpSync(dist, dir, { recursive: true, filter: (src) => !/gpx_foresight_linux_arm64$/.test(src) });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (json: any) => void) => {
    const p = path.join(dir, file);
    const json = JSON.parse(fs.readFileSync(p, 'utf8'));
    change(json);
    fs.writeFileSync(p, JSON.stringify(json));
  };

  test.each([
    ['an id that breaks the naming rule', 'panels/anomaly/plugin.json', (j: any) => (j.id = 'Foresight_Anomaly'), /\/id/],
    ['an unknown plugin type', 'plugin.json', (j: any) => (j.type = 'widget'), /\/type/],
    ['alerting without a backend', 'datasource/plugin.json', (j: any) => (j.backend = false), /backend/],
    ['an include of an unknown type', 'plugin.json', (j: any) => j.includes.push({ type: 'widget', name: 'x' }), /includes/],
    ['a missing logo', 'panels/forecast/plugin.json', (j: any) => (j.info.logos.small = 'img/none.svg'), /logo img\/none.svg/],
    ['a missing nested plugin', 'plugin.json', (j: any) => j.includes.push({ type: 'panel', name: 'x', path: 'panels/x/plugin.json' }), /does not exist/],
    ['an unreplaced version placeholder', 'panels/rootcause/plugin.json', (j: any) => (j.info.description = '%VERSION%'), /placeholders/],
  ])('rejects %s', (_name, file, change, message) => {
    edit(file, change);
    const problems = validatePluginDir(dir);
    expect(problems.map((p) => `${p.file}: ${p.message}`).join('\n')).toMatch(message);
  });

  test('rejects a backend binary without the executable bit', () => {
    fs.chmodSync(path.join(dir, 'datasource', 'gpx_foresight_linux_amd64'), 0o644);
    expect(validatePluginDir(dir).map((p) => p.message).join('\n')).toMatch(/not executable/);
  });
});
