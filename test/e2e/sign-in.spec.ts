/**
 * Browser mode's sign-in, as a user meets it: the printed link signs a browser in once and lands on a clean
 * address; a used link, or a browser without the session cookie, gets a page saying how to get in, and the
 * API refuses it.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './launch';
import { expect, test } from './fixtures';

// Runs in the browser project only (playwright.config.ts): the desktop app has no sign-in.
test('the one-time link signs in once; without the cookie the page says how to get in and the API refuses', async ({ app, ktv }) => {
  const host = app.host!;
  // signed in by the link (launchApp visited it), and the secret is gone from the address bar
  await expect(ktv.page).toHaveURL(host.origin);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const stranger = await (await browser.newContext()).newPage();
    // the link already used: refused, with directions and no way in
    await stranger.goto(host.url);
    await expect(stranger.getByRole('heading', { name: 'Kong Trace Viewer' })).toBeVisible();
    await expect(stranger.getByText('This browser is not signed in')).toBeVisible();
    await expect(stranger.locator('[data-app-ready]')).toHaveCount(0);
    // the clean address without the cookie: the same page, holding no credential
    const response = await stranger.goto(host.origin);
    expect(response!.status()).toBe(401);
    await expect(stranger.getByText('Open the sign-in link')).toBeVisible();
    const html = await stranger.content();
    expect(html).not.toMatch(/[0-9a-f]{64}/);
    expect(html).not.toContain('ktv-token');
    // and the API answers nothing without the cookie
    const statuses = await stranger.evaluate(async () => {
      const call = await fetch('/api/invoke/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' });
      const events = await fetch('/api/events');
      const file = await fetch('/api/files/anything');
      return [call.status, events.status, file.status];
    });
    expect(statuses).toEqual([401, 401, 401]);

    // the host printed the next link when the first was used; it signs the stranger in, once
    await stranger.goto(await host.nextSignInUrl());
    await expect(stranger).toHaveURL(host.origin);
    await expect(stranger.locator('[data-app-ready="true"]')).toBeVisible({ timeout: 30_000 });
  } finally {
    await browser.close();
  }

  // the first browser keeps working with its own cookie
  await ktv.page.reload();
  await ktv.waitReady();
});
