// Runs against a real Grafana (`docker compose up`, then `npm run e2e`); not part of the offline test command.
import { test, expect } from './fixtures';
import { ROUTES } from '../../src/constants';

test.describe('navigating the Foresight app', () => {
  test('overview renders', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Overview}`);
    await expect(page.getByText('Anomaly detection')).toBeVisible();
  });

  for (const route of [ROUTES.Trends, ROUTES.Investigate, ROUTES.Builder]) {
    test(`${route} page renders`, async ({ gotoPage, page }) => {
      await gotoPage(`/${route}`);
      await expect(page.getByTestId(`data-testid foresight-${route}`)).toBeVisible();
    });
  }
});
