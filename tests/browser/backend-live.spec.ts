/**
 * The panels on frames the packaged backend produces in this run: the real Prometheus fixture holds 7 days of demo
 * history, grafana-sim (Grafana's plugin host stand-in) runs dist/datasource/gpx_foresight_linux_amd64, and the
 * decoded Arrow frames are answered to the page at /live/<panel>.json. Screenshots in both themes show the demo's
 * scheduled db latency spike marked in the anomaly panel and the db disk forecast cone with its crossing time.
 *
 * Needs `npm run build` first (scripts/test-all.sh builds before the browser step) and Debian's prometheus.
 * Asserts what a user sees, not analytics numbers: the incident interval starts inside the scheduled window, its
 * points are ringed on the chart, the cone is shaded after "now" and the crossing time is called out.
 */
import { expect, type Page, test } from '@playwright/test';

import { formatCrossing } from '../../src/panels/forecast/formatCrossing';
import { produceLiveFrames, type LiveFrames, type LivePanelData } from './harness/liveBackend';
import { canvasInk, openScenario, saveScreenshot, THEMES } from './harness/page';

const MINUTE = 60_000;

let live: LiveFrames;

test.beforeAll(async ({}, testInfo) => {
  // Prometheus from cached TSDB blocks (the first run of a machine generates them: about a minute) and one
  // grafana-sim session.
  testInfo.setTimeout(240_000);
  live = await produceLiveFrames();
  console.log(
    `live backend frames: prometheus ${live.elapsedMs.prometheus} ms, backend under grafana-sim ${live.elapsedMs.backend} ms`
  );
});

/** Answers the page's fetch of /live/<name>.json with the backend's frames and the query's time range. */
async function serveLive(page: Page, name: string, data: LivePanelData): Promise<void> {
  await page.route(`**/live/${name}.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) })
  );
}

/** "Jan 9 00:35" (the interval list's start column, UTC) → ms, in the year of `nearMs`. */
function parseListTime(text: string, nearMs: number): number {
  const parsed = Date.parse(`${text.trim()} ${new Date(nearMs).getUTCFullYear()} UTC`);
  if (Number.isNaN(parsed)) {
    throw new Error(`cannot read the start time "${text}"`);
  }
  return parsed;
}

/**
 * Pixels of exactly `rgb` (±2 per channel) inside the plot area (`.u-over`) between two times, given the x range
 * the plot spans. The score lane and axes lie outside the plot area, so they do not count.
 */
async function plotPixelsOfColour(
  page: Page,
  rgb: [number, number, number],
  window: { fromMs: number; toMs: number },
  xRange: { from: number; to: number }
): Promise<number> {
  return page.evaluate(
    ({ rgb, window, xRange }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.uplot canvas')!;
      const over = document.querySelector<HTMLElement>('.u-over')!.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const scale = canvas.width / c.width;
      const xOf = (t: number) => over.left + ((t - xRange.from) / (xRange.to - xRange.from)) * over.width;
      const x0 = Math.floor((xOf(window.fromMs) - c.left) * scale);
      const x1 = Math.ceil((xOf(window.toMs) - c.left) * scale);
      const y0 = Math.floor((over.top - c.top) * scale);
      const y1 = Math.ceil((over.bottom - c.top) * scale);
      const { data } = canvas.getContext('2d')!.getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
      let count = 0;
      for (let p = 0; p < data.length; p += 4) {
        if (
          data[p + 3] > 250 &&
          Math.abs(data[p] - rgb[0]) <= 2 &&
          Math.abs(data[p + 1] - rgb[1]) <= 2 &&
          Math.abs(data[p + 2] - rgb[2]) <= 2
        ) {
          count++;
        }
      }
      return count;
    },
    { rgb, window, xRange }
  );
}

/** Share of drawn (non-transparent) pixels in the plot area between two x positions given as fractions of its width. */
async function plotInk(page: Page, fromFraction: number, toFraction: number): Promise<number> {
  return page.evaluate(
    ({ fromFraction, toFraction }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.uplot canvas')!;
      const over = document.querySelector<HTMLElement>('.u-over')!.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const scale = canvas.width / c.width;
      const x0 = Math.round((over.left + over.width * fromFraction - c.left) * scale);
      const x1 = Math.round((over.left + over.width * toFraction - c.left) * scale);
      const y0 = Math.round((over.top - c.top) * scale);
      const y1 = Math.round((over.bottom - c.top) * scale);
      const { data } = canvas.getContext('2d')!.getImageData(x0, y0, x1 - x0, y1 - y0);
      let drawn = 0;
      for (let p = 3; p < data.length; p += 4) {
        if (data[p] > 0) {
          drawn++;
        }
      }
      return drawn / (data.length / 4);
    },
    { fromFraction, toFraction }
  );
}

function rgbOf(cssColour: string): [number, number, number] {
  const m = cssColour.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
  if (!m) {
    throw new Error(`not an rgb colour: ${cssColour}`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

for (const theme of THEMES) {
  test.describe(`panels on live backend frames (${theme})`, () => {
    test('anomaly panel: the db latency spike of the demo is listed and marked inside its scheduled window', async ({
      page,
    }) => {
      const spike = live.latencySpike;
      await serveLive(page, 'anomaly', live.anomaly);
      await openScenario(page, { entry: 'anomaly-panel', scenario: 'live', theme });

      // Every service the query returned is in the legend, db among them.
      const names = live.anomaly.frames.map((f) => f.name);
      expect(names).toContain('db p95');
      for (const name of names) {
        await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${name}$`) })).toHaveCount(1);
      }

      // The interval list names a db interval that starts inside the scheduled incident (the list is in UTC).
      const rows = page.getByRole('region', { name: 'Anomalous intervals' }).getByRole('button');
      const dbRows = rows.filter({ hasText: /db p95$/ });
      await expect(dbRows.first()).toBeVisible();
      const starts = await dbRows.evaluateAll((buttons) =>
        buttons.map((b) => b.querySelector('span:nth-child(2)')?.textContent ?? '')
      );
      const inside = starts
        .map((text, index) => ({ index, startMs: parseListTime(text, spike.startMs) }))
        .filter(({ startMs }) => startMs >= spike.startMs && startMs <= spike.endMs);
      expect(
        inside,
        `db intervals start at ${starts.join(', ')}; the incident runs ${new Date(spike.startMs).toISOString()} + 45 min`
      ).not.toEqual([]);
      const incidentRow = dbRows.nth(inside[0].index);
      await expect(incidentRow).toHaveAccessibleName(
        /^(critical|major|minor) anomaly in db p95, above the expected band/
      );

      // Its points are ringed in the severity colour of the row's badge, within the incident window.
      const badge = incidentRow.locator('span').first();
      const severityRgb = rgbOf(await badge.evaluate((el) => getComputedStyle(el).backgroundColor));
      const marked = await plotPixelsOfColour(
        page,
        severityRgb,
        { fromMs: spike.startMs, toMs: spike.endMs + 5 * MINUTE },
        live.anomaly.timeRange
      );
      expect(marked, 'pixels of ringed anomalous points in the incident window').toBeGreaterThan(20);
      await saveScreenshot(page, `live-anomaly-db-latency-spike-${theme}`);

      // A click on the row zooms the dashboard to a range around the incident.
      await incidentRow.click();
      const [zoom] = await page.evaluate(() => window.__harness.timeRangeChanges);
      expect(zoom.from).toBeLessThan(spike.startMs + 5 * MINUTE);
      expect(zoom.to).toBeGreaterThan(spike.startMs);
    });

    test('forecast panel: the db disk fill is drawn with its cone and the crossing time is called out', async ({
      page,
    }) => {
      const [frame] = live.forecast.frames;
      const custom = frame.meta?.custom as {
        nowMs: number;
        model: string;
        timeToThresholdMs: number | null;
        thresholdProbability?: number;
      };
      expect(custom.timeToThresholdMs, 'the backend predicts the db disk to cross 90 % within the 3 d horizon').toEqual(
        expect.any(Number)
      );
      await serveLive(page, 'forecast', live.forecast);
      await openScenario(page, { entry: 'forecast-panel', scenario: 'live', theme });

      // The crossing time, as the backend computed it, in the header.
      const crossingText = formatCrossing({
        timeToThresholdMs: custom.timeToThresholdMs,
        probability: custom.thresholdProbability,
      });
      expect(crossingText).toMatch(/^(\d+ %|>99 %|<1 %) in (\d+ d)?( ?\d+ h)?( ?\d+ min)?$/);
      await expect(page.getByRole('list', { name: 'Predicted threshold crossings' })).toHaveText(
        `${crossingText} to reach 90%`
      );
      await expect(page.getByTestId('foresight-forecast-header')).toContainText(
        `model ${custom.model} · horizon 3 d · 95 % interval`
      );

      // The cone: after "now" the plot is shaded (the interval fill), before it only lines and grid are drawn.
      const times = live.forecast.frames[0].fields[0].values as number[];
      const xFrom = live.forecast.timeRange.from;
      const xTo = times[times.length - 1];
      const nowFraction = (custom.nowMs - xFrom) / (xTo - xFrom);
      const history = await plotInk(page, 0.02, nowFraction - 0.02);
      const future = await plotInk(page, nowFraction + 0.02, 0.98);
      expect(future, `ink after now ${future.toFixed(3)} vs before ${history.toFixed(3)}`).toBeGreaterThan(2 * history);
      expect((await canvasInk(page)).colours).toBeGreaterThan(4);
      await saveScreenshot(page, `live-forecast-db-disk-${theme}`);
    });
  });
}
