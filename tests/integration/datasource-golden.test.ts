/**
 * Golden files: tests/golden/<case>/{query.json, upstream.json, frames.json}. Each case's query runs
 * through the real pipeline (queryData, the real Prometheus/Loki clients, the analyses) against a
 * local server replaying upstream.json, and the decoded frames must equal frames.json (numbers to a
 * relative 1e-9).
 *
 *   UPDATE_GOLDEN=1 npx jest -c jest.integration.config.js tests/integration/datasource-golden.test.ts
 *     rewrites every frames.json from the replayed upstream answers (review the diff before committing);
 *   RECORD_UPSTREAM=1 … records upstream.json again first: Prometheus cases from the demo Prometheus
 *     (fixture, fixed anchor), Loki cases copied from the shared Loki recordings (../shared/fixtures/loki).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startPrometheus } from './fixtures/prometheus';
import { startGoldenServer } from '../golden/goldenServer';
import { differences, goldenCases, readCase, replayCase, runCase, writeCaseFile } from '../golden/runGoldenCase';
import { REPO_ROOT } from './grafana-sim/grafanaSim';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const RECORD = process.env.RECORD_UPSTREAM === '1';
const LOKI_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/loki');

async function recordUpstream(): Promise<void> {
  const cases = goldenCases().map((name) => ({ name, ...readCase(name) }));
  for (const { name, query } of cases.filter((c) => c.query.upstream.kind === 'loki')) {
    const upstream = query.upstream as { kind: 'loki'; recording: string };
    const recording = JSON.parse(fs.readFileSync(path.join(LOKI_FIXTURES, upstream.recording), 'utf8'));
    writeCaseFile(name, 'upstream.json', [recording]);
  }
  const anchors = new Set(cases.flatMap((c) => (c.query.upstream.kind === 'prometheus' ? [c.query.upstream.anchor] : [])));
  for (const anchor of anchors) {
    const prometheus = await startPrometheus({ days: 7, endMs: Date.parse(anchor) });
    try {
      for (const { name, query } of cases.filter((c) => c.query.upstream.kind === 'prometheus' && c.query.upstream.anchor === anchor)) {
        const proxy = await startGoldenServer([], { proxyTo: prometheus.url });
        try {
          await runCase(name, query, proxy.url);
        } finally {
          await proxy.close();
        }
        writeCaseFile(name, 'upstream.json', proxy.recorded);
      }
    } finally {
      await prometheus.stop();
    }
  }
}

describe('golden files: query + recorded upstream answer in, frames out', () => {
  beforeAll(async () => {
    if (RECORD) {
      await recordUpstream();
    }
  }, 600_000);

  it('has cases for every analysis and both sources', () => {
    const kinds = new Set(goldenCases().map((name) => {
      const { query } = readCase(name).query as unknown as { query: { source: { kind: string }; analysis: { kind: string } } };
      return `${query.source.kind}/${query.analysis.kind}`;
    }));
    for (const analysis of ['anomaly', 'forecast', 'outliers', 'decompose']) {
      expect(kinds).toContain(`prometheus/${analysis}`);
    }
    expect([...kinds].filter((kind) => kind.startsWith('loki/')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(goldenCases())('%s', async (name) => {
    const answer = await replayCase(name);
    if (UPDATE || readCase(name).frames === undefined) {
      if (!UPDATE) {
        throw new Error(`tests/golden/${name}/frames.json is missing; create it with UPDATE_GOLDEN=1 and review it`);
      }
      writeCaseFile(name, 'frames.json', answer);
      return;
    }
    const diff = differences(answer, readCase(name).frames);
    if (diff.length > 0) {
      throw new Error(
        `tests/golden/${name}: the frames differ from frames.json (if the change is intended, run with UPDATE_GOLDEN=1 and review the diff):\n${diff.join('\n')}`
      );
    }
  });
});
