import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the panels without a Grafana server: an esbuild bundle of tests/browser/harness/entries/*.tsx,
 * served on 127.0.0.1 and driven in Debian's Chromium (apt `chromium`; never `playwright install`).
 * The Grafana end-to-end specs (need a running Grafana) use playwright.grafana.config.ts.
 */
export default defineConfig({
  testDir: './tests/browser',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/browser/harness/globalSetup.ts',
  outputDir: 'test-results/',
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  // Two cores here: rendering benchmarks and screenshots are steadier with one worker per core at most.
  workers: process.env.CI ? 2 : 1,
  timeout: 60_000,
  use: {
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
