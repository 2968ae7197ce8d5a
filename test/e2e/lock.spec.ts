/**
 * Own key (issue 21): a passphrase over the store's key. Set from Settings, the app locks on demand (and on
 * a new start); locked, it shows nothing of the store; a wrong passphrase is refused and changes nothing;
 * the right one brings everything back; changing it needs the current one; 15 minutes without input lock it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ViewsPage } from './pages/views-page';

const lockScreen = (page: Page) => page.getByRole('main', { name: 'Locked' });

async function unlock(page: Page, passphrase: string): Promise<void> {
  await lockScreen(page).getByLabel('Passphrase').fill(passphrase);
  await lockScreen(page).getByRole('button', { name: 'Unlock' }).click();
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Settings' });
}

test('with a passphrase the app locks, shows nothing until unlocked, and refuses a wrong passphrase', async ({ ktv }) => {
  const { page } = ktv;
  const v = new ViewsPage(page);
  await expect(ktv.selectedSession()).toContainText('Sample · demo gateway');

  let settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Set a passphrase…' }).click();
  const set = page.getByRole('dialog', { name: 'Set a passphrase' });
  await set.getByLabel('New passphrase').fill('blue harbour lights');
  await set.getByLabel('Repeat it').fill('blue harbour lights');
  await set.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(set).toBeHidden();

  settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockScreen(page)).toBeVisible();
  // nothing of the store on the page: no session, no trace, no log line
  await expect(page.getByText('Sample · demo gateway')).toHaveCount(0);
  await expect(v.logs).toHaveCount(0);
  await expect(page.locator('[data-app-ready]')).toHaveCount(0);

  await unlock(page, 'wrong passphrase');
  await expect(lockScreen(page).getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await expect(page.getByText('Sample · demo gateway')).toHaveCount(0);

  await unlock(page, 'blue harbour lights');
  await ktv.waitReady();
  await expect(ktv.selectedSession()).toContainText('Sample · demo gateway');
  // log lines are read again with the unlocked key
  await expect(v.logLines.first()).toBeVisible();

  // locked stays locked across a reload: only the passphrase opens it
  settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();

  // changing the passphrase needs the current one
  await unlock(page, 'blue harbour lights');
  await ktv.waitReady();
  settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Change passphrase…' }).click();
  const change = page.getByRole('dialog', { name: 'Change the passphrase' });
  await change.getByLabel('Current passphrase').fill('not the passphrase');
  await change.getByLabel('New passphrase').fill('green harbour lights');
  await change.getByLabel('Repeat it').fill('green harbour lights');
  await change.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(change.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await change.getByLabel('Current passphrase').fill('blue harbour lights');
  await change.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(change).toBeHidden();
  settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Lock now' }).click();
  await unlock(page, 'blue harbour lights');
  await expect(lockScreen(page).getByRole('alert')).toHaveText('Wrong passphrase. Nothing was changed.');
  await unlock(page, 'green harbour lights');
  await ktv.waitReady();
  await expect(ktv.selectedSession()).toContainText('Sample · demo gateway');
});

test('with a passphrase the app locks itself after 15 minutes without input, and input keeps it open', async ({ ktv }) => {
  const { page } = ktv;
  // the page's timers from here on run on a clock the test moves
  await page.clock.install();
  await page.reload();
  await ktv.waitReady();

  const settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Set a passphrase…' }).click();
  const set = page.getByRole('dialog', { name: 'Set a passphrase' });
  await set.getByLabel('New passphrase').fill('quiet harbour lights');
  await set.getByLabel('Repeat it').fill('quiet harbour lights');
  await set.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(set).toBeHidden();

  // ten minutes idle, a key pressed, ten more: twenty minutes, never fifteen without input
  await page.clock.runFor('10:00');
  await page.keyboard.press('Shift');
  await page.clock.runFor('10:00');
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(ktv.selectedSession()).toContainText('Sample · demo gateway');

  // five more without input: fifteen since the key
  await page.clock.runFor('05:01');
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByText('Sample · demo gateway')).toHaveCount(0);
  await unlock(page, 'quiet harbour lights');
  await ktv.waitReady();
  await expect(ktv.selectedSession()).toContainText('Sample · demo gateway');
});
