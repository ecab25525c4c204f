import { expect, type Page, test } from '@playwright/test';

import type { ForesightQuery } from '../../src/datasource/types';
import { openScenario, saveScreenshot, THEMES } from './harness/page';

const entry = 'query-editor';

async function lastQuery(page: Page): Promise<ForesightQuery> {
  return page.evaluate(() => window.__queryEditor.queries[window.__queryEditor.queries.length - 1]);
}

async function runs(page: Page): Promise<number> {
  return page.evaluate(() => window.__queryEditor.runs);
}

for (const theme of THEMES) {
  test.describe(`query editor (${theme})`, () => {
    test('builds an anomaly query with suggestions, then a forecast with a threshold', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'panel', theme });
      const expression = page.getByLabel('PromQL');
      await expression.click();
      await page.keyboard.type('sum by (job) (rate(http_req');
      const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
      await expect(suggestions.getByRole('option')).toHaveText([
        'http_request_duration_seconds_bucket',
        'http_requests_total',
      ]);
      await saveScreenshot(page, `query-editor-suggestions-${theme}`);

      await suggestions.getByRole('option', { name: 'http_requests_total' }).click();
      await page.keyboard.type('{j');
      await expect(suggestions.getByRole('option', { name: 'job' })).toBeVisible();
      await page.keyboard.press('Enter');
      await page.keyboard.type('ap');
      await page.keyboard.press('Tab');
      await page.keyboard.press('End');
      await page.keyboard.type('}[5m]))');
      await expect(expression).toHaveValue('sum by (job) (rate(http_requests_total{job="api"}[5m]))');

      // Leaving the field runs the completed query.
      await page.getByLabel('Legend').click();
      await expect.poll(() => runs(page)).toBe(1);
      await page.keyboard.type('{{job}}');

      await page.getByRole('radio', { name: 'Forecast' }).click();
      await expect(page.getByLabel('Horizon')).toBeVisible();
      await page.getByLabel('Threshold').fill('500');
      await page.getByRole('radio', { name: 'Time to threshold' }).click();
      expect(await lastQuery(page)).toMatchObject({
        schemaVersion: 1,
        source: {
          kind: 'prometheus',
          expr: 'sum by (job) (rate(http_requests_total{job="api"}[5m]))',
          legendFormat: '{{job}}',
        },
        analysis: { kind: 'forecast', model: 'auto', threshold: 500 },
        output: 'time-to-threshold',
      });
      await saveScreenshot(page, `query-editor-forecast-${theme}`);
    });

    test('explains the alert-friendly output in the alert rule editor', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'alerting', theme });
      await expect(page.getByRole('radio', { name: 'Anomalous' })).toBeChecked();
      await page.getByRole('radio', { name: 'Full' }).click();
      await expect(page.getByText('Full output is not suited to alert rules')).toBeVisible();
      await saveScreenshot(page, `query-editor-alerting-${theme}`);
      await page.getByRole('button', { name: 'Use Anomalous' }).click();
      await expect(page.getByText('Full output is not suited to alert rules')).toHaveCount(0);
      expect((await lastQuery(page)).output).toBe('anomalous');
    });

    test('reports a bad training window and keeps working without suggestions', async ({ page }) => {
      await openScenario(page, { entry, scenario: 'no-suggestions', theme });
      await page.getByLabel('PromQL').click();
      await page.keyboard.type('node_lo');
      await expect.poll(() => page.evaluate(() => window.__queryEditor.resourceCalls.length)).toBeGreaterThan(0);
      await expect(page.getByRole('listbox')).toHaveCount(0);
      await page.keyboard.type('ad1');
      await page.getByLabel('Training window').fill('7');
      await page.getByLabel('Training window').blur();
      await expect(page.getByText(/"7" has no unit/)).toBeVisible();
      expect(await runs(page)).toBe(1);
      await saveScreenshot(page, `query-editor-error-${theme}`);
    });
  });
}
