import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../scripts/testing/chromium';
import { E2E_APP_PORT, E2E_APP_URL, E2E_INDEXER_URL, E2E_RPC_URL } from '../scripts/testing/e2eEnv';

// The real stack: anvil + deployed contracts (global setup) and a production build of the app.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  outputDir: '../test-results/e2e',
  globalSetup: './support/global-setup.ts',
  use: {
    baseURL: E2E_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node_modules/.bin/next start -p ${E2E_APP_PORT}`,
    cwd: '..',
    url: `${E2E_APP_URL}/pools/junior`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      NEXT_DIST_DIR: '.next-e2e',
      NEXT_PUBLIC_RPC_URL: E2E_RPC_URL,
      NEXT_PUBLIC_INDEXER_URL: E2E_INDEXER_URL,
      NEXT_PUBLIC_CHAIN_ID: '31337',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
