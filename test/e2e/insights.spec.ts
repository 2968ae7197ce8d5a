/**
 * Issue 19, session insights, as a user meets them: on the bundled sample session, the Insights tab groups
 * the requests, shows where the time goes with the slowest plugin a click away from its trace, selects the
 * slow tail and explains it (the bridge), writes a dimension into the expression filter, and opens a trace
 * from a dot; on a real Gateway 3.10 trace, a single request shows n=1 and greys what one request cannot say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';
import type { Locator, Page } from '@playwright/test';

const KONG = join(ROOT, '..', 'shared', 'fixtures', 'kong');

const insights = (page: Page) => page.getByRole('region', { name: 'Where time goes' });

/** Picks a group: a chip chooses it (its figures open their traces in the headline). */
const pick = (chip: Locator) => chip.click();

async function openInsights(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(page.getByRole('listbox', { name: 'Groups' }).getByRole('option').first()).toBeVisible();
}

test('the sample session: the slowest plugin opens its trace, the slow tail is explained, a dimension goes into the filter, a dot opens its trace', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await pick(chip);
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
  await pluginRows.first().getByRole('button', { name: /^open the max request/ }).click();
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

/** The plot's dots' centres, in the plot's own units, with whether each is drawn selected. */
async function dots(page: Page): Promise<{ cx: number; cy: number; selected: boolean; id: string }[]> {
  return page.locator('svg.insights-dist circle.insights-dot').evaluateAll((els) =>
    els.map((el) => ({ cx: Number(el.getAttribute('cx')), cy: Number(el.getAttribute('cy')), selected: el.classList.contains('selected'), id: el.getAttribute('data-trace-id')! })),
  );
}

/** Drags across the plot from one fraction of its width (and height) to another. */
async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await page.locator('svg.insights-dist').boundingBox())!;
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), { steps: 3 });
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 3 });
  await page.mouse.up();
}

test('brushing the slow end of the dots selects exactly the requests under the brush, and explains them', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await pick(chip);
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  // the plot is 640 units wide: brush from 55% of it to its right edge
  await drag(page, [0.55, 0.5], [0.995, 0.5]);
  const status = page.getByRole('group', { name: 'Select' }).getByRole('status');
  await expect(status).toHaveText(new RegExp(`^\\d+ selected of ${n} \\(brushed: total .+ – .+\\)$`));
  const all = await dots(page);
  const under = all.filter((d) => d.cx >= 0.55 * 640 && d.cx <= 0.995 * 640);
  expect(under.length).toBeGreaterThan(0);
  expect(all.filter((d) => d.selected).map((d) => d.id).sort()).toEqual(under.map((d) => d.id).sort());
  await expect(status).toHaveText(new RegExp(`^${under.length} selected of ${n}`));
  await expect(page.getByRole('region', { name: 'Why the selection is slower' }).getByRole('heading')).toHaveText(/^Why the selection is slower: mean .+ → .+ \(\+.+\)$/);
  // every row's strip marks the selected requests too
  await expect(insights(page).getByRole('columnheader', { name: 'extra in selection' })).toBeVisible();
  await expect(insights(page).locator('tr[data-row="bucket:upstream"] circle.insights-strip-dot.selected').first()).toBeVisible();

  await page.getByRole('button', { name: 'Clear brush' }).click();
  await expect(status).toHaveText(/^drag across the plot/);
  expect((await dots(page)).some((d) => d.selected)).toBe(false);
});

test('over time: the scatter puts each request at its start time and total time, and a rectangle brush selects by both', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^GET \/orders n=\d+/ });
  await pick(chip);
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  await page.getByRole('radio', { name: 'Over time' }).click();
  await expect(page.getByRole('group', { name: `Total time of ${n} requests over time` })).toBeVisible();
  const all = await dots(page);
  expect(all).toHaveLength(n);
  // the lower (faster) part of the plot, from a third of the way in time to the end
  await drag(page, [0.35, 0.3], [0.99, 0.97]);
  const status = page.getByRole('group', { name: 'Select' }).getByRole('status');
  await expect(status).toHaveText(new RegExp(`^\\d+ selected of ${n} \\(brushed: total .+, started .+\\)$`));
  const picked = await dots(page);
  const H = 180;
  const inside = picked.filter((d) => d.cx >= 0.35 * 640 && d.cx <= 0.99 * 640 && d.cy >= 0.3 * H && d.cy <= 0.97 * H);
  expect(inside.length).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(n);
  expect(picked.filter((d) => d.selected).map((d) => d.id).sort()).toEqual(inside.map((d) => d.id).sort());
});

test("a row's strip of dots opens the request behind a dot; the headline says when, which statuses and who ended the 5xx", async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await pick(chip);
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  const facts = page.getByRole('list', { name: 'About this group' });
  const mix = await facts.getByRole('listitem').nth(1).innerText();
  expect(mix.split(' · ').reduce((a, part) => a + Number(/ (\d+)$/.exec(part)![1]), 0)).toBe(n);
  await expect(facts.getByRole('listitem').filter({ hasText: /^5xx ended by: upstream \d+, gateway \d+$/ })).toBeVisible();

  const strip = insights(page).getByRole('group', { name: 'upstream: each request' });
  const dot = strip.locator('circle').last();
  const id = (await dot.getAttribute('data-trace-id'))!;
  await dot.click();
  // (the trace's header: opened at the row's span, the inspector shows the trace id too)
  await expect(page.locator('.tv-id')).toHaveText(id);
});

test('Save CSV downloads where the time goes for every group, one line per group and row', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ktv-insights-.+\.csv$/);
  const lines = readFileSync((await file.path())!, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('group,n,row,present,p50_ms,p90_ms,p99_ms,max_ms,mean_ms,share_pct');
  const chips = await page.getByRole('listbox', { name: 'Groups' }).getByRole('option').allInnerTexts();
  const groups = new Set(lines.slice(1).map((l) => l.split(',')[0]));
  expect(groups.size).toBe(chips.length);
  const payments = lines.filter((l) => l.startsWith('POST /payments,'));
  // the group's rows as the table shows them
  await pick(page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ }));
  await expect(insights(page).locator('tbody tr')).toHaveCount(payments.length);
  expect(payments.find((l) => l.split(',')[2] === 'bucket:upstream')).toBeTruthy();
});

test("the group's transaction map: phases in order with their plugins, each node p50 / p95 and in N of n, a node opens its slowest request", async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await pick(chip);
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  const map = page.getByRole('region', { name: 'Group transaction map' });
  const columns = await map.locator('.insights-map-col').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  expect(columns.indexOf('access')).toBeGreaterThanOrEqual(0);
  expect(columns.indexOf('access')).toBeLessThan(columns.indexOf('upstream'));
  expect(columns.indexOf('upstream')).toBeLessThan(columns.indexOf('client'));
  // a plugin that runs on only some requests says on how many; the numbers agree with the table
  const access = map.getByRole('group', { name: 'access' });
  const plugin = access.getByRole('button', { name: /\(access\): p50 .+, p95 .+, in \d+ of \d+$/ }).first();
  const label = (await plugin.getAttribute('aria-label'))!;
  const [, name, p50, present] = /^(.+): p50 (.+?), p95 .+, in (\d+) of (\d+)$/.exec(label)!;
  expect(label.endsWith(`of ${n}`)).toBe(true);
  const row = insights(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${name!.replace(/[()]/g, '\\$&')}$`) }) });
  await expect(row.locator('td').nth(0)).toHaveText(`${present} of ${n}`);
  await expect(row.locator('td').nth(1)).toHaveText(p50!);
  await expect(map.getByRole('list', { name: 'Variant paths' }).getByRole('listitem').first()).toHaveText(/ in \d+%$/);
  // the node opens the request where the plugin took longest: the rightmost dot of the row's strip
  const strip = await row.locator('circle.insights-strip-dot').evaluateAll((els) => els.map((el) => ({ x: Number(el.getAttribute('cx')), id: el.getAttribute('data-trace-id')! })));
  const slowest = strip.sort((a, b) => b.x - a.x)[0]!.id;
  await plugin.click();
  await expect(page.locator('.tv-id')).toHaveText(slowest);
  await expect(ktv.spans.getByRole('treeitem', { name: new RegExp(`plugin\\.${name!.replace(/ \(access\)$/, '')}$`) }).first()).toBeVisible();
});

test('where time goes sorts by any column and back to the phases-first order', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const labels = () => insights(page).locator('tbody th').allInnerTexts();
  const shares = async () => (await insights(page).locator('tbody td:nth-of-type(6)').allInnerTexts()).map((s) => parseFloat(s));
  const original = await labels();
  await insights(page).getByRole('button', { name: 'share' }).click();
  await expect(insights(page).getByRole('columnheader', { name: /share/ })).toHaveAttribute('aria-sort', 'descending');
  const desc = await shares();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await insights(page).getByRole('button', { name: /share/ }).click();
  const asc = await shares();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await insights(page).getByRole('button', { name: /share/ }).click();
  expect(await labels()).toEqual(original);
  await insights(page).getByRole('button', { name: 'row' }).click();
  const byName = await labels();
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
});

test('the list\'s "Outliers only" shows the outliers of each route and method with why they are slow, the same as Insights says', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  await pick(page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ }));
  const items = await page.getByRole('region', { name: 'Outliers' }).getByRole('listitem').allInnerTexts();
  expect(items.length).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Traces' }).click();
  await page.getByRole('button', { name: 'Outliers only' }).click();
  await expect(page.getByRole('button', { name: 'Outliers only' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('grid', { name: 'Traces' }).getByRole('columnheader', { name: 'Why slow' })).toBeVisible();
  // every row listed has a reason; the group's outliers are among them with the same words
  const rows = ktv.traceRows();
  await expect(rows.first()).toBeVisible();
  const whys = await rows.locator('[data-col="why"]').allInnerTexts();
  expect(whys.every((w) => /\d/.test(w))).toBe(true);
  await page.getByRole('searchbox', { name: 'Filter traces' }).fill('/payments');
  // (POST /payments is the sample's only route with /payments in it)
  await expect(page.getByText(`${items.length} of 302 traces`, { exact: true })).toBeVisible();
  // the rows in view (the list draws only those) say what the Insights tab says of them
  const expected = items.map((i) => i.replace(/^[0-9a-f]{12} /, ''));
  const shown = await rows.evaluateAll((els) => els.map((el) => ({ method: el.querySelector('.method')?.textContent, why: el.querySelector('[data-col="why"]')?.textContent ?? '' })));
  expect(shown.length).toBeGreaterThan(0);
  for (const r of shown) {
    expect(r.method).toBe('POST');
    expect(expected).toContain(r.why);
  }
  // and off again: every trace
  await page.getByRole('searchbox', { name: 'Filter traces' }).fill('');
  await page.getByRole('button', { name: 'Outliers only' }).click();
  await expect(page.getByRole('grid', { name: 'Traces' }).getByRole('columnheader', { name: 'Why slow' })).toHaveCount(0);
  await expect(page.getByText('302 traces', { exact: true })).toBeVisible();
});

test('brushing from the keyboard: arrows move a cursor across the focused plot, Shift+arrows widen it, Enter selects', async ({ ktv }) => {
  const page = ktv.page;
  await openInsights(page);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await pick(chip);
  const n = Number(/n=(\d+)/.exec(await chip.innerText())![1]);
  const plot = page.getByRole('group', { name: `Distribution of ${n} requests' total time` });
  await plot.focus();
  // 40 steps span the plot (640 units, 12 of margin each side): 20 right, then 20 more with Shift
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  const status = page.getByRole('group', { name: 'Select' }).getByRole('status');
  await expect(status).toHaveText(new RegExp(`^\\d+ selected of ${n} \\(brushed: total .+ – .+\\)$`));
  const step = (640 - 24) / 40;
  const all = await dots(page);
  const under = all.filter((d) => d.cx >= 12 + 20 * step && d.cx <= 640 - 12);
  expect(under.length).toBeGreaterThan(0);
  expect(all.filter((d) => d.selected).map((d) => d.id).sort()).toEqual(under.map((d) => d.id).sort());
  // hovering a dot names its request and where most of its time went
  await page.locator('svg.insights-dist circle.insights-dot').last().hover();
  await expect(page.locator('svg.insights-dist text.insights-hover')).toHaveText(/^POST \/payments \d{3}: .+, most in \w+ .+$/);
});
