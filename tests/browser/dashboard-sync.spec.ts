/**
 * The dashboard's "Graph tooltip" setting reaches the Foresight panels as it does Grafana's time series panel:
 * shared crosshair moves the cursor of every panel, shared tooltip opens their tooltips at the same time.
 */
import { expect, type Page, test } from '@playwright/test';

import { openScenario, saveScreenshot, THEMES } from './harness/page';

const entry = 'dashboard';
const panel = (page: Page, id: number) => page.locator(`[data-panel-id="${id}"]`);

/** Where panel `id`'s vertical cursor line is, as a fraction of its plot width (negative or NaN: not shown). */
async function cursorFraction(page: Page, id: number): Promise<number> {
  return panel(page, id).evaluate((root) => {
    const over = root.querySelector('.u-over')!.getBoundingClientRect();
    const line = root.querySelector<HTMLElement>('.u-cursor-x');
    if (!line || getComputedStyle(line).display === 'none') {
      return NaN;
    }
    return (line.getBoundingClientRect().left - over.left) / over.width;
  });
}

async function hoverPanel1(page: Page, fraction: number): Promise<void> {
  const box = (await panel(page, 1).locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
}

for (const theme of THEMES) {
  test.describe(`dashboard cursor sync (${theme})`, () => {
    test("shared tooltip: hovering one panel opens the other panel's tooltip at the same time", async ({ page }) => {
      await openScenario(page, { entry, scenario: 'shared-tooltip', theme });
      await hoverPanel1(page, 0.4);
      const tooltips = page.getByTestId('foresight-anomaly-tooltip');
      await expect(tooltips).toHaveCount(2);
      await expect(tooltips.nth(0)).toBeVisible();
      await expect(tooltips.nth(1)).toBeVisible();
      await expect.poll(() => cursorFraction(page, 2)).toBeCloseTo(0.4, 1);
      await saveScreenshot(page, `dashboard-shared-tooltip-${theme}`, { withOverlays: true });
    });

    test("shared crosshair: the other panel's cursor follows, its tooltip stays closed", async ({ page }) => {
      await openScenario(page, { entry, scenario: 'shared-crosshair', theme });
      await hoverPanel1(page, 0.65);
      await expect.poll(() => cursorFraction(page, 2)).toBeCloseTo(0.65, 1);
      await expect(page.getByTestId('foresight-anomaly-tooltip')).toHaveCount(1);
    });

    test("without sharing the other panel's cursor does not move", async ({ page }) => {
      await openScenario(page, { entry, scenario: 'no-sync', theme });
      await hoverPanel1(page, 0.5);
      await expect(page.getByTestId('foresight-anomaly-tooltip')).toHaveCount(1);
      expect(await cursorFraction(page, 2)).not.toBeCloseTo(0.5, 1);
    });
  });
}
