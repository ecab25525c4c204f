import { expect, type Page, test } from '@playwright/test';

import { canvasInk, openScenario, saveScreenshot, THEMES } from './harness/page';

const entry = 'anomaly-panel';

const legendItem = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
const intervalRows = (page: Page) => page.getByRole('region', { name: 'Anomalous intervals' }).getByRole('button');

for (const theme of THEMES) {
  test.describe(`anomaly panel (${theme})`, () => {
    test('draws each service with its band, marks anomalies and lists the intervals', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      await expect(page.getByText('No data')).toHaveCount(0);
      const ink = await canvasInk(page);
      expect(ink.drawnRatio).toBeGreaterThan(0.05);
      expect(ink.colours).toBeGreaterThan(6);
      for (const service of ['checkout', 'payments', 'search']) {
        await expect(legendItem(page, service)).toHaveCount(1);
      }
      // Expected, band and score are drawn but not listed in the legend.
      await expect(legendItem(page, 'checkout expected')).toHaveCount(0);
      await expect(page.getByText(/^\d+ anomalous intervals?$/)).toBeVisible();
      await expect(intervalRows(page).first()).toHaveAccessibleName(/^critical anomaly in (checkout|payments|search)/);
      await saveScreenshot(page, `anomaly-basic-${theme}`);
    });

    test('the tooltip says actual, expected, band and score', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      const over = page.locator('.u-over');
      const box = (await over.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      const tooltip = page.getByTestId('foresight-anomaly-tooltip');
      await expect(tooltip).toBeVisible();
      await expect(tooltip.locator('thead')).toHaveText(/Series\s*Actual\s*Expected\s*Band\s*Score/);
      await expect(tooltip.getByRole('rowheader')).toHaveText(['checkout', 'payments', 'search'].map(() => /\w+/));
      await expect(tooltip.locator('tbody tr').first()).toContainText(/req\/s.*req\/s.*req\/s – .*req\/s\s*[01]\.\d\d/);
      await saveScreenshot(page, `anomaly-tooltip-${theme}`, { withOverlays: true });
    });

    test('honours the unit, decimals and thresholds of the field config', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'units', theme });
      const box = (await page.locator('.u-over').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.47, box.y + box.height / 2);
      const firstRow = page.getByTestId('foresight-anomaly-tooltip').locator('tbody tr').first();
      await expect(firstRow).toContainText(/\d+\.\d ms\s*\d+\.\d ms\s*\d+\.\d ms – \d+\.\d ms/);
      await page.mouse.move(0, 0);
      await saveScreenshot(page, `anomaly-units-thresholds-${theme}`);
    });

    test('a click or Enter on an interval zooms the dashboard to it', async ({ page }) => {
      const state = await openScenario(page, { entry, scenario: 'basic', theme });
      expect(state.timeRangeChanges).toEqual([]);
      await intervalRows(page).first().click();
      await intervalRows(page).first().press('ArrowDown');
      await expect(intervalRows(page).nth(1)).toBeFocused();
      await page.keyboard.press('Enter');
      const changes = await page.evaluate(() => window.__harness.timeRangeChanges);
      expect(changes).toHaveLength(2);
      for (const range of changes) {
        expect(range.to - range.from).toBeGreaterThan(0);
        expect(range.to - range.from).toBeLessThan(3 * 3_600_000);
      }
      expect(changes[0]).not.toEqual(changes[1]);
    });

    test('keyboard users reach the interval list with Tab, see the focus, and zoom with Enter', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      const region = page.getByRole('region', { name: 'Anomalous intervals' });
      let inList = false;
      for (let presses = 0; presses < 30 && !inList; presses++) {
        await page.keyboard.press('Tab');
        inList = await region.evaluate((el) => el.contains(document.activeElement));
      }
      expect(inList, 'Tab reaches the interval list').toBe(true);
      const focused = page.locator(':focus');
      await expect(focused).toHaveAccessibleName(/anomaly in .* Zoom to this interval\.$/);
      // A visible focus ring (2 px outline) after keyboard navigation.
      const outline = await focused.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(outline.style).not.toBe('none');
      expect(outline.width).toBeGreaterThanOrEqual(2);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => window.__harness.timeRangeChanges)).toHaveLength(1);
    });

    test('severity badges keep their text readable (≥ 4.5:1) and stand out from the panel (≥ 3:1)', async ({
      page,
    }) => {
      await openScenario(page, { entry, scenario: 'many-all', theme, height: 640 });
      const ratios = await page
        .getByRole('region', { name: 'Anomalous intervals' })
        .getByRole('button')
        .evaluateAll((buttons) => {
          const rgb = (css: string) =>
            css
              .match(/\d+(\.\d+)?/g)!
              .slice(0, 3)
              .map(Number);
          const luminance = (css: string) => {
            const [r, g, b] = rgb(css).map((v) => {
              const c = v / 255;
              return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const contrast = (a: string, b: string) => {
            const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
            return (hi + 0.05) / (lo + 0.05);
          };
          // The panel's own background (PanelChrome), found from the list upwards.
          let node: HTMLElement | null = buttons[0].parentElement;
          let panelBackground = 'rgb(0, 0, 0)';
          while (node) {
            const bg = getComputedStyle(node).backgroundColor;
            if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
              panelBackground = bg;
              break;
            }
            node = node.parentElement;
          }
          return buttons.map((button) => {
            const badge = button.querySelector('span')!;
            const style = getComputedStyle(badge);
            return {
              severity: badge.textContent,
              text: contrast(style.color, style.backgroundColor),
              panel: contrast(style.backgroundColor, panelBackground),
            };
          });
        });
      // With all 24 series drawn the list has intervals of every severity.
      expect(new Set(ratios.map((r) => r.severity))).toEqual(new Set(['minor', 'major', 'critical']));
      for (const r of ratios) {
        expect(r.text, `${r.severity} badge text`).toBeGreaterThanOrEqual(4.5);
        expect(r.panel, `${r.severity} badge on the panel`).toBeGreaterThanOrEqual(3);
      }
      await saveScreenshot(page, `anomaly-severities-${theme}`);
    });

    test('with many series it draws the top 10 by score and says so', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'many', theme, height: 480 });
      await expect(page.getByRole('note')).toHaveText('Top 10 of 24 series by peak anomaly score');
      const region = page.getByRole('region', { name: 'Anomalous intervals' });
      await expect(region).toBeVisible();
      // The legend is the first list in the panel; the interval list is inside its own region.
      const legend = page.getByRole('list').first().getByRole('listitem');
      await expect(legend).toHaveCount(10);
      // The list holds only intervals of drawn series; those of the other 14 are counted in its header.
      await expect(region).toContainText(/\d+ more in series not drawn/);
      const drawnNames = await legend.allTextContents();
      for (const name of await region.getByRole('button').locator('span:last-child').allTextContents()) {
        expect(drawnNames).toContain(name);
      }
      await saveScreenshot(page, `anomaly-many-${theme}`);
    });

    test('while the detector warms up the tooltip and lane say so', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'warmup', theme });
      const box = (await page.locator('.u-over').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
      await expect(page.getByTestId('foresight-anomaly-tooltip')).toContainText('warming up');
      await saveScreenshot(page, `anomaly-warmup-${theme}`, { withOverlays: true });
    });

    test('draws frames read from a JSON file of decoded frames', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'from-file', theme });
      for (const service of ['checkout', 'payments']) {
        await expect(legendItem(page, service)).toHaveCount(1);
      }
      expect((await canvasInk(page)).drawnRatio).toBeGreaterThan(0.05);
      await expect(intervalRows(page).first()).toBeVisible();
    });

    test('draws real backend frames (golden p95 latency around the db incident)', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'golden', theme });
      for (const name of ['catalog p95', 'checkout p95', 'db p95', 'frontend p95', 'payments p95']) {
        await expect(legendItem(page, name)).toHaveCount(1);
      }
      // The incident: db (and the services that call it) leave their band.
      await expect(
        intervalRows(page)
          .filter({ hasText: /db p95$/ })
          .first()
      ).toBeVisible();
      expect((await canvasInk(page)).drawnRatio).toBeGreaterThan(0.05);
      await saveScreenshot(page, `anomaly-golden-${theme}`);
    });

    test('says "No data" when the query returns no frames', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'no-data', theme });
      await expect(page.getByText('No data', { exact: true })).toBeVisible();
      await expect(page.locator('.uplot canvas')).toHaveCount(0);
      await saveScreenshot(page, `anomaly-no-data-${theme}`);
    });
  });
}
