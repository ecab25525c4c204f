/** Spec-side helpers: open a harness scenario in the browser, stub Grafana's static assets, save screenshots. */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { HarnessState } from './render';

export type ThemeMode = 'light' | 'dark';
export const THEMES: ThemeMode[] = ['dark', 'light'];

export interface OpenOptions {
  /** File name of the entry without `.tsx`, e.g. `anomaly-panel`. */
  entry: string;
  scenario: string;
  theme?: ThemeMode;
  width?: number;
  height?: number;
}

/** Grafana's icons and fonts live under public/; there is no Grafana here, so answer with empty files. */
export async function stubGrafanaAssets(page: Page): Promise<void> {
  await page.route('**/public/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('.svg')) {
      return route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>',
      });
    }
    return route.fulfill({ status: 204, body: '' });
  });
}

/** Opens a scenario and waits until the panel has mounted and drawn; fails with the page's error if it threw. */
export async function openScenario(page: Page, options: OpenOptions): Promise<HarnessState> {
  const base = process.env.FORESIGHT_HARNESS_URL;
  if (!base) {
    throw new Error('FORESIGHT_HARNESS_URL is not set: run the browser specs with `npm run test:browser`.');
  }
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await stubGrafanaAssets(page);
  const query = new URLSearchParams({ scenario: options.scenario, theme: options.theme ?? 'dark' });
  if (options.width) {
    query.set('width', String(options.width));
  }
  if (options.height) {
    query.set('height', String(options.height));
  }
  await page.goto(`${base}/${options.entry}.html?${query}`);
  await page.waitForFunction(() => window.__harness && (window.__harness.ready || window.__harness.error), undefined, {
    timeout: 30_000,
  });
  const state = await page.evaluate(() => window.__harness);
  expect(state.error, 'the harness page threw').toBeUndefined();
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  return state;
}

/**
 * Saves a screenshot of the rendered panel to test-results/screenshots/<name>.png and returns its path.
 * `withOverlays` widens it to the viewport's right edge, so a tooltip that extends past the panel is in the picture.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { withOverlays?: boolean } = {}
): Promise<string> {
  const dir = join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const root = page.locator('#harness-root');
  if (options.withOverlays) {
    const box = (await root.boundingBox())!;
    const viewport = page.viewportSize()!;
    await page.screenshot({ path, clip: { x: box.x, y: box.y, width: viewport.width - box.x, height: box.height } });
  } else {
    await root.screenshot({ path });
  }
  return path;
}

/**
 * Share of the chart canvas's pixels that are drawn (not transparent) and the number of distinct colours among
 * them — a blank or single-colour canvas means no series was drawn.
 */
export async function canvasInk(page: Page, index = 0): Promise<{ drawnRatio: number; colours: number }> {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('.uplot canvas')[i];
    if (!canvas) {
      return { drawnRatio: 0, colours: 0 };
    }
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    const colours = new Set<number>();
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] > 0) {
        drawn++;
        // Quantise so anti-aliasing does not count as many colours.
        colours.add(((data[p] >> 5) << 6) | ((data[p + 1] >> 5) << 3) | (data[p + 2] >> 5));
      }
    }
    return { drawnRatio: drawn / (data.length / 4), colours: colours.size };
  }, index);
}
