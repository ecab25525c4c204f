import { expect, test } from '@playwright/test';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatCrossing } from '../../src/panels/forecast/formatCrossing';
import { canvasInk, openScenario, saveScreenshot, THEMES } from './harness/page';

const entry = 'forecast-panel';

for (const theme of THEMES) {
  test.describe(`forecast panel (${theme})`, () => {
    test('draws history and forecast and calls out the threshold crossing', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      await expect(page.getByText('No data')).toHaveCount(0);
      const ink = await canvasInk(page);
      expect(ink.drawnRatio).toBeGreaterThan(0.05);
      expect(ink.colours).toBeGreaterThan(4);
      await expect(
        page.getByRole('listitem').filter({ hasText: /^device="\/dev\/sda", instance="db-1"$/ })
      ).toHaveCount(1);
      const crossings = page.getByRole('list', { name: 'Predicted threshold crossings' });
      await expect(crossings).toHaveText(/^(\d+|>99) % in \d+ d( \d+ h)? to reach 90%$/);
      await expect(page.getByTestId('foresight-forecast-header')).toContainText(
        'model holt · horizon 5 d · 95 % interval'
      );
      await saveScreenshot(page, `forecast-basic-${theme}`);
    });

    test('the tooltip gives the observed value in the past and the forecast with its interval after now', async ({
      page,
    }) => {
      await openScenario(page, { entry, scenario: 'basic', theme });
      const box = (await page.locator('.u-over').boundingBox())!;
      const tooltip = page.getByTestId('foresight-forecast-tooltip');
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      await expect(tooltip.locator('tbody tr').first()).toHaveText(/observed\s*\d+(\.\d+)?%$/);
      await page.mouse.move(box.x + box.width * 0.68, box.y + box.height / 2);
      await expect(tooltip.locator('tbody tr').first()).toHaveText(
        /forecast\s*\d+(\.\d+)?%\s*\d+(\.\d+)?% – \d+(\.\d+)?%$/
      );
      await saveScreenshot(page, `forecast-tooltip-${theme}`, { withOverlays: true });
    });

    test('with several disks it names the soonest crossings', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'many', theme });
      const items = page.getByRole('list', { name: 'Predicted threshold crossings' }).getByRole('listitem');
      await expect(items).toHaveCount(4);
      await expect(items.nth(0)).toContainText(/to reach 90% · \/dev\/sd[a-d]$/);
      await expect(items.nth(3)).toHaveText('+1 more');
      await saveScreenshot(page, `forecast-many-${theme}`);
    });

    test('reads real backend frames (golden db disk forecast): crossing, model and horizon', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'golden', theme });
      const golden = JSON.parse(
        readFileSync(join(__dirname, '..', 'golden', 'prometheus-forecast-disk', 'frames.json'), 'utf8')
      );
      const custom = golden.frames[0].meta.custom;
      await expect(page.getByRole('list', { name: 'Predicted threshold crossings' })).toHaveText(
        `${formatCrossing({ timeToThresholdMs: custom.timeToThresholdMs, probability: custom.thresholdProbability })} to reach 90%`
      );
      await expect(page.getByTestId('foresight-forecast-header')).toContainText(
        `model ${custom.model} · horizon 3 d · 95 % interval`
      );
      expect((await canvasInk(page)).drawnRatio).toBeGreaterThan(0.05);
      await saveScreenshot(page, `forecast-golden-${theme}`);
    });

    test('says "No data" when the query returns no frames', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'no-data', theme });
      await expect(page.getByText('No data', { exact: true })).toBeVisible();
      await expect(page.locator('.uplot canvas')).toHaveCount(0);
      await saveScreenshot(page, `forecast-no-data-${theme}`);
    });
  });
}
