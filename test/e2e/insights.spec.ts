/**
 * Issue 19, session insights, as a user meets them: on the bundled sample session, the Insights tab groups
 * the requests, shows where the time goes with the slowest plugin a click away from its trace, selects the
 * slow tail and explains it (the bridge), writes a dimension into the expression filter, and opens a trace
 * from a dot; on a real Gateway 3.10 trace, a single request shows n=1 and greys what one request cannot say.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';
import type { Page } from '@playwright/test';

const KONG = join(ROOT, '..', 'shared', 'fixtures', 'kong');

const insights = (page: Page) => page.getByRole('region', { name: 'Where time goes' });

async function openInsights(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(page.getByRole('listbox', { name: 'Groups' }).getByRole('option').first()).toBeVisible();
}

test('the sample session: the slowest plugin opens its trace, the slow tail is explained, a dimension goes into the filter, a dot opens its trace', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-selected', 'true');
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);

  // where time goes: plugin rows come ranked by their share of the group's time; the first is the costliest
  const pluginRows = insights(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: /\((access|rewrite|header_filter|body_filter|log)\)$/ }) });
  await expect(pluginRows.first()).toBeVisible();
  const shares = (await pluginRows.locator('td:nth-of-type(6)').allInnerTexts()).map((s) => parseFloat(s));
  expect(shares.length).toBeGreaterThan(1);
  expect(shares).toEqual([...shares].sort((a, b) => b - a));
  const slowest = (await pluginRows.first().locator('th').innerText()).replace(/ \(.*\)$/, '');
  // its max opens the request where that plugin took longest, and the waterfall shows the plugin
  await pluginRows.first().getByRole('button', { name: /\d/ }).click();
  await expect(ktv.spans.getByRole('treeitem', { name: new RegExp(`plugin\\.${slowest}$`) }).first()).toBeVisible();

  // brush the slow tail: the slowest 10% of the group, and the bridge from the rest's mean to theirs
  await page.getByRole('button', { name: 'slowest 10%' }).click();
  await expect(page.getByText(`${Math.ceil(n / 10)} selected of ${n}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Why the selection is slower' }).getByRole('heading')).toHaveText(/^Why the selection is slower: mean .+ → .+ \(\+.+\)$/);
  await expect(insights(page).getByRole('columnheader', { name: 'extra in selection' })).toBeVisible();

  // include a dimension into the expression filter: the list then shows only the matching traces
  await page.getByRole('button', { name: 'status >= 500' }).click();
  const diffs = page.getByRole('region', { name: 'What is different about them' });
  const row = diffs.locator('tbody tr').filter({ has: page.getByRole('button', { name: 'Include' }) }).first();
  const value = await row.locator('td').nth(1).innerText();
  await row.getByRole('button', { name: 'Include' }).click();
  await page.getByRole('tab', { name: 'Traces' }).click();
  await expect(page.getByRole('combobox', { name: 'Expression filter' })).toHaveValue(new RegExp(` == "?${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"?$`));
  await expect(page.getByText(/^\d+ of 302 traces match$/)).toBeVisible();
  const matching = Number(/^(\d+)/.exec(await page.getByText(/^\d+ of 302 traces match$/).innerText())![1]);
  expect(matching).toBeLessThan(302);

  // a dot opens its trace
  await openInsights(page);
  const dot = page.locator('circle.insights-dot').last();
  const id = (await dot.getAttribute('data-trace-id'))!;
  await dot.click();
  await expect(page.getByText(id, { exact: true })).toBeVisible();
});

test('a real Gateway 3.10 trace: one request is n=1, its percentiles greyed rather than invented', async ({ ktv }) => {
  await ktv.openFiles([join(KONG, 'konnect-trace-v1-gateway-3.10.0.1.json')]);
  await ktv.session(/Konnect session 01975423/).click();
  await expect(ktv.traceRows()).toHaveCount(1);
  await openInsights(ktv.page);
  await expect(ktv.page.getByRole('listbox', { name: 'Groups' }).getByRole('option')).toHaveText([/^GET .+ n=1 p50 \d/]);
  const headline = ktv.page.getByRole('table', { name: 'Headline' });
  const total = headline.getByRole('row', { name: /^total/ });
  await expect(total.getByRole('cell').nth(1)).toHaveText('–');
  await expect(total.getByRole('cell').nth(1)).toHaveAttribute('title', 'too few requests (n=1)');
  // p50 and max of one request are that request
  await expect(total.getByRole('cell').nth(3)).toHaveText(await total.getByRole('cell').nth(0).innerText());
  await expect(ktv.page.getByText(/^None: no request is 3\.5 scaled MADs/)).toBeVisible();
});
