import { defineConfig } from '@playwright/test';
import { electronBinary } from './test/e2e/launch';

// Browser mode always runs (Debian's Chromium, never a downloaded browser). The desktop project is added
// only where an Electron runtime exists: this machine cannot install one, so there it is absent rather
// than skipped.
const electron = electronBinary();

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'browser', use: { ktvTarget: 'browser' } as never },
    ...(electron ? [{ name: 'electron', use: { ktvTarget: 'electron' } as never, testIgnore: /(bridge|sign-in)\.spec\.ts/ }] : []),
  ],
});
