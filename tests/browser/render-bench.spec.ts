/**
 * Render benchmark: 50 series × 10,000 points per panel in Chromium, 3 runs each. Prints a table and writes
 * test-results/render-bench.json. It asserts only that the panel drew — timings are reported, never asserted.
 *   npx playwright test -c playwright.config.ts render-bench
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { canvasInk, openScenario } from './harness/page';

const CASES = [
  { entry: 'anomaly-panel', scenario: 'bench', label: 'anomaly, top 10 of 50 drawn' },
  { entry: 'anomaly-panel', scenario: 'bench-all', label: 'anomaly, all 50 drawn' },
  { entry: 'forecast-panel', scenario: 'bench', label: 'forecast, top 10 of 50 drawn' },
];
const RUNS = 3;

test('render 50 series × 10,000 points', async ({ page }) => {
  test.setTimeout(300_000);
  const rows: Array<{ panel: string; runs: number; prepMs: number[]; renderMs: number[]; medianRenderMs: number }> = [];
  for (const c of CASES) {
    const prepMs: number[] = [];
    const renderMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const state = await openScenario(page, {
        entry: c.entry,
        scenario: c.scenario,
        theme: 'dark',
        width: 1200,
        height: 500,
      });
      expect((await canvasInk(page)).drawnRatio).toBeGreaterThan(0.05);
      prepMs.push(state.prepMs!);
      renderMs.push(state.renderMs!);
    }
    const sorted = [...renderMs].sort((a, b) => a - b);
    rows.push({ panel: c.label, runs: RUNS, prepMs, renderMs, medianRenderMs: sorted[Math.floor(RUNS / 2)] });
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  console.log('\npanel                          | applyFieldOverrides ms | mount→drawn ms (runs) | median');
  console.log('-------------------------------|------------------------|-----------------------|-------');
  for (const r of rows) {
    console.log(
      `${r.panel.padEnd(31)}| ${fmt(r.prepMs).padEnd(23)}| ${fmt(r.renderMs).padEnd(22)}| ${r.medianRenderMs.toFixed(0)}`
    );
  }
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'render-bench.json'),
    JSON.stringify({ series: 50, points: 10_000, browser: 'chromium (Debian)', runs: rows }, null, 2)
  );
});
