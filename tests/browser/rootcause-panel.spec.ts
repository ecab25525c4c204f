import { expect, test } from '@playwright/test';

import { canvasInk, openScenario, saveScreenshot, THEMES } from './harness/page';

const entry = 'rootcause-panel';

for (const theme of THEMES) {
  test.describe(`root-cause panel (${theme})`, () => {
    test('draws the candidate series with a legend', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      await expect(page.getByText('No data')).toHaveCount(0);
      await expect(page.locator('.uplot canvas')).toHaveCount(1);
      const ink = await canvasInk(page);
      expect(ink.drawnRatio).toBeGreaterThan(0.01);
      expect(ink.colours).toBeGreaterThan(3);
      for (const service of ['checkout', 'payments', 'search']) {
        await expect(page.getByRole('listitem').filter({ hasText: new RegExp(`^${service}$`) })).toHaveCount(1);
      }
      await saveScreenshot(page, `rootcause-basic-${theme}`);
    });

    test('says "No data" when the query returns no frames', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'no-data', theme });
      await expect(page.getByText('No data', { exact: true })).toBeVisible();
      await expect(page.locator('.uplot canvas')).toHaveCount(0);
      await saveScreenshot(page, `rootcause-no-data-${theme}`);
    });
  });
}
