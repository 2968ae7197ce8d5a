/**
 * "Filter to traces where this row > x" (issue 19, docs/insights.md item 4): a "Where time goes" row that Kong
 * reports a figure for writes that figure above the row's p90 into the list's expression filter; the list
 * and the Insights tab then follow it. Rows Kong does not report (a plugin's own time) offer no filter.
 */
import { expect, test } from './fixtures';

test('a row filters the list to the requests above its p90, and a plugin row offers no filter', async ({ ktv }) => {
  const page = ktv.page;
  await page.getByRole('tab', { name: 'Insights' }).click();
  const groups = page.getByRole('listbox', { name: 'Groups' });
  const chip = groups.getByRole('option', { name: /^POST \/payments n=\d+/ });
  await chip.click();
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  const table = page.getByRole('region', { name: 'Where time goes' });

  const upstream = table.locator('tr[data-row="bucket:upstream"]');
  const button = upstream.getByRole('button', { name: /^Filter to requests where .+ is above its p90, \d+ ms$/ });
  const x = Number(/(\d+) ms$/.exec((await button.getAttribute('aria-label'))!)![1]);
  // the p90 the button names is the row's p90 cell, to the whole ms
  const p90 = await upstream.locator('td').nth(2).innerText();
  const p90Ms = p90.endsWith(' s') ? parseFloat(p90) * 1000 : parseFloat(p90);
  expect(Math.abs(p90Ms - x)).toBeLessThan(1 + p90Ms * 0.01);
  await expect(table.locator('tr[data-row^="plugin:"]').first().getByRole('button', { name: /^Filter to/ })).toHaveCount(0);

  await button.click();
  await expect(page.getByText(/^\d+ traces \(filtered\)$/)).toBeVisible();
  const after = Number(/n=(\d+)/.exec(await groups.getByRole('option', { name: /^POST \/payments n=\d+/ }).innerText())![1]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(n);

  await page.getByRole('tab', { name: 'Traces' }).click();
  await expect(page.getByRole('combobox', { name: 'Expression filter' })).toHaveValue(`proxy.kong.latency.upstream > ${x}`);
  await expect(page.getByText(/^\d+ of 302 traces match$/)).toBeVisible();
});
