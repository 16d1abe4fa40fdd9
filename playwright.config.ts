// Playwright end-to-end journeys, run by `cargo xtask test` against the
// release build that xtask serves on 127.0.0.1 (ROLLWISE_BASE_URL).
import { defineConfig } from '@playwright/test';

const baseURL = process.env.ROLLWISE_BASE_URL;
if (!baseURL) {
  throw new Error('ROLLWISE_BASE_URL is not set: run the journeys with `cargo xtask test`.');
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
