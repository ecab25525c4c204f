import { expect, test } from '@playwright/test';

import { canvasInk, openScenario, saveScreenshot, THEMES } from './harness/page';

const entry = 'forecast-panel';

for (const theme of THEMES) {
  test.describe(`forecast panel (${theme})`, () => {
    test('draws the history and forecast of each disk', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      await expect(page.getByText('No data')).toHaveCount(0);
      const ink = await canvasInk(page);
      expect(ink.drawnRatio).toBeGreaterThan(0.01);
      expect(ink.colours).toBeGreaterThan(3);
      await expect(
        page.getByRole('listitem').filter({ hasText: /^device="\/dev\/sda", instance="db-1"$/ })
      ).toHaveCount(1);
      await saveScreenshot(page, `forecast-basic-${theme}`);
    });

    test('says "No data" when the query returns no frames', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'no-data', theme });
      await expect(page.getByText('No data', { exact: true })).toBeVisible();
      await expect(page.locator('.uplot canvas')).toHaveCount(0);
      await saveScreenshot(page, `forecast-no-data-${theme}`);
    });
  });
}
