// Runs against a real Grafana (`docker compose up`, then `npm run e2e`); not part of the offline test command.
import { test, expect } from './fixtures';

test('the configuration page offers to enable or disable the app', async ({ appConfigPage, page }) => {
  await expect(page.getByRole('button', { name: /(enable|disable) app/i })).toBeVisible();
  expect(appConfigPage).toBeTruthy();
});
