/**
 * Menus and dialogs by keyboard: Recent, Settings and a session's menu take focus, move with the arrow
 * keys, close on Escape and on an outside click, one at a time, and say so in aria-expanded; renaming
 * and deleting use the app's own field and dialog (never window.prompt / confirm); a session keeps its
 * import report; import results never push the workspace down.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';

const SAMPLE = /demo gateway/;

test('menus open and close by keyboard, one at a time, and report aria-expanded truly', async ({ ktv }) => {
  const page = ktv.page;
  const recent = page.getByRole('button', { name: 'Recent' });
  await recent.focus();
  await page.keyboard.press('Enter');
  await expect(recent).toHaveAttribute('aria-expanded', 'true');
  const recentMenu = page.getByRole('menu', { name: 'Recent files' });
  await expect(recentMenu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(recentMenu).toHaveCount(0);
  await expect(recent).toHaveAttribute('aria-expanded', 'false');
  await expect(recent).toBeFocused();

  // a session's menu: focus goes to its first item, arrows move, Escape returns to the button
  const more = page.getByRole('button', { name: /^Actions for Sample · demo gateway/ });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = page.getByRole('menu', { name: /^Actions for/ }).getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();

  // one at a time: opening Settings closes the session menu; a click outside closes Settings
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const settings = page.getByRole('button', { name: 'Settings' });
  await settings.click();
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox').first()).toBeFocused();
  await page.getByRole('region', { name: 'Trace', exact: true }).click({ position: { x: 5, y: 5 } });
  await expect(settings).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);
});

test('rename inline and delete after an in-app confirmation, all by keyboard', async ({ ktv }) => {
  const page = ktv.page;
  // a native dialog would fail the test: the desktop runtime has none
  page.on('dialog', (d) => {
    throw new Error(`unexpected native ${d.type()} dialog: ${d.message()}`);
  });
  const more = page.getByRole('button', { name: /^Actions for Sample · Gateway 3\.10/ });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Rename' }).press('Enter');
  const field = ktv.sessions.getByRole('textbox', { name: 'Session name' });
  await expect(field).toBeFocused();
  await page.keyboard.type('Checkout incident');
  await page.keyboard.press('Enter');
  await expect(ktv.session('Checkout incident')).toBeVisible();

  const renamed = page.getByRole('button', { name: 'Actions for Checkout incident' });
  await renamed.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete…' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete “Checkout incident”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 trace and');
  // Escape keeps it
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(ktv.session('Checkout incident')).toBeVisible();

  await renamed.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete…' }).press('Enter');
  await dialog.getByRole('button', { name: 'Delete' }).press('Enter');
  await expect(ktv.session('Checkout incident')).toHaveCount(0);
  await expect(ktv.session(SAMPLE)).toBeVisible();
});

test('import results sit over the corner, not above the workspace, and the session keeps its report', async ({ ktv }) => {
  const page = ktv.page;
  const listTop = async () => (await ktv.traces.boundingBox())!.y;
  const before = await listTop();
  const dir = tempDir('report');
  const good = readFileSync(join(ROOT, 'test/fixtures/otlp/example-trace.json'), 'utf8').replace(/\s+/g, '');
  const file = join(dir, 'partial-report.jsonl');
  writeFileSync(file, `${good}\n{"resourceSpans": 42}\n`);
  await ktv.openFiles([file]);
  expect(await ktv.importMessage('partial-report.jsonl')).toMatch(/skipped 1 record/);
  expect(await listTop()).toBe(before);

  // a result with skipped records stays until dismissed; the report lives on in the session's menu
  await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();
  await expect(ktv.imports.locator('.import-row')).toHaveCount(0);
  await page.getByRole('button', { name: /^Actions for partial-report\.jsonl/ }).click();
  await page.getByRole('menuitem', { name: 'Import details' }).click();
  const details = page.getByRole('dialog', { name: /^Import details/ });
  await expect(details).toContainText('Skipped 1 record');
  await expect(details).toContainText('line 2');
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toHaveCount(0);
});
