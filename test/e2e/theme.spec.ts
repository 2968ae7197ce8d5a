/** Themes: the app follows the OS, and the user's choice in Settings overrides it and is remembered. */
import { expect, test } from './fixtures';

const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const isDark = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return r! + g! + b! < 3 * 80;
};

test('follows the OS colour scheme, and a chosen theme wins and survives a reload', async ({ ktv }) => {
  await ktv.page.emulateMedia({ colorScheme: 'dark' });
  expect(isDark(await background(ktv.page))).toBe(true);
  await ktv.page.emulateMedia({ colorScheme: 'light' });
  expect(isDark(await background(ktv.page))).toBe(false);

  await ktv.page.getByRole('button', { name: 'Settings' }).click();
  await ktv.page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox').first().selectOption('dark');
  expect(isDark(await background(ktv.page))).toBe(true);
  await ktv.page.reload();
  await ktv.waitReady();
  expect(isDark(await background(ktv.page))).toBe(true);
});
