/**
 * Playwright fixtures: every test gets its own fresh profile and host (`app`), already past start-up,
 * and a page object (`ktv`) with the app's locators. Tests that relaunch use `launch` themselves.
 */
import { test as base, expect } from '@playwright/test';
import { rmSync } from 'node:fs';
import { launchApp, tempDir, type LaunchedApp, type LaunchOptions } from './launch';
import { AppPage } from './pages/app-page';

export interface KtvFixtures {
  ktvTarget: 'browser' | 'electron';
  profileDir: string;
  /** launches the app (closed after the test); options default to this test's profile */
  launch: (opts?: Partial<LaunchOptions>) => Promise<{ app: LaunchedApp; ktv: AppPage }>;
  app: LaunchedApp;
  ktv: AppPage;
}

export const test = base.extend<KtvFixtures>({
  ktvTarget: ['browser', { option: true }],
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = tempDir('profile');
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  launch: async ({ ktvTarget, profileDir }, use) => {
    const opened: LaunchedApp[] = [];
    await use(async (opts = {}) => {
      const app = await launchApp({ target: ktvTarget, profileDir, ...opts });
      opened.push(app);
      const ktv = new AppPage(app.page);
      await ktv.waitReady();
      return { app, ktv };
    });
    for (const a of opened.reverse()) await a.close().catch(() => {});
  },
  app: async ({ launch }, use) => {
    const { app } = await launch();
    await use(app);
  },
  ktv: async ({ app }, use) => use(new AppPage(app.page)),
});

export { expect };
