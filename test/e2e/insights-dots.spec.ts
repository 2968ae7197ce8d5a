/**
 * Issue 19, the Insights tab's dots one by one (docs/insights.md items 3-5): a row's dot opens its request
 * at the span behind that row (selected in the waterfall and shown in the inspector), from the mouse and
 * from the keyboard; a single dot of the distribution is picked and opened from the keyboard in both
 * modes, beside the keyboard brush; and traces stored without a breakdown, or with an older one, get theirs
 * in the real IndexedDB when the tab opens.
 */
import type { Locator, Page } from '@playwright/test';
import { spanRowKey } from '../../shared/insights/row-span';
import { expect, test } from './fixtures';
import type { AppPage } from './pages/app-page';

const whereTimeGoes = (page: Page) => page.getByRole('region', { name: 'Where time goes' });

/** Opens the Insights tab on the POST /payments group; its n. */
async function openPayments(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Insights' }).click();
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-selected', 'true');
  return Number(/n=(\d+)/.exec(await chip.innerText())![1]);
}

/** Circles' centres and trace ids, left to right (ties in their order on the page). */
async function circles(dots: Locator): Promise<{ cx: number; cy: number; id: string }[]> {
  const all = await dots.evaluateAll((els) => els.map((el) => ({ cx: Number(el.getAttribute('cx')), cy: Number(el.getAttribute('cy')), id: el.getAttribute('data-trace-id')! })));
  return all.sort((a, b) => a.cx - b.cx);
}

/** The opened trace shows `traceId`, with a span of row `rowKey` selected in the waterfall, in view, and in the inspector. */
async function expectOpenedAt(ktv: AppPage, traceId: string, rowKey: string): Promise<void> {
  await expect(ktv.page.locator('.tv-id')).toHaveText(traceId);
  const selected = ktv.spans.locator('[role="treeitem"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  // scrolled into view in the waterfall: inside the tree's scrolled box
  await expect
    .poll(() =>
      selected.evaluate((el) => {
        const row = el.getBoundingClientRect();
        const tree = el.closest('[role="tree"]')!.getBoundingClientRect();
        return row.top >= tree.top - 1 && row.bottom <= tree.bottom + 1;
      }),
    )
    .toBe(true);
  const name = (await selected.getAttribute('aria-label'))!;
  expect(spanRowKey(name), `${name} is a span of ${rowKey}`).toBe(rowKey);
  await expect(ktv.page.getByRole('region', { name: 'Span details' }).getByRole('heading', { level: 3 })).toHaveText(name);
}

test("a row's dot opens its request at the row's span: a plugin, its phase, an upstream step, third-party I/O", async ({ ktv }) => {
  const page = ktv.page;
  await openPayments(page);
  const keys = await whereTimeGoes(page).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')!));
  const pick = (prefix: string) => keys.find((k) => k.startsWith(prefix));
  const rows = [pick('plugin:access:'), 'bucket:access', pick('upstream:'), pick('io:')].filter((k): k is string => k !== undefined && keys.includes(k));
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const rowKey of rows) {
    // the slowest dot of the row, then the fastest, each clicked on its outer side (neighbours overlap)
    const dots = await circles(whereTimeGoes(page).locator(`tr[data-row="${rowKey}"] circle.insights-strip-dot`));
    for (const [dot, x] of [[dots[dots.length - 1]!, 5], [dots[0]!, 1]] as const) {
      await whereTimeGoes(page).locator(`tr[data-row="${rowKey}"] circle.insights-strip-dot[cx="${dot.cx}"]`).click({ position: { x, y: 3 } });
      await expectOpenedAt(ktv, dot.id, rowKey);
    }
  }
});

test("a group map's node opens the request where it took longest, at its span", async ({ ktv }) => {
  const page = ktv.page;
  await openPayments(page);
  const map = page.getByRole('region', { name: 'Group transaction map' });
  const node = map.getByRole('group', { name: 'upstream' }).getByRole('button', { name: /^.+: p50 / }).nth(1);
  const label = (await node.getAttribute('aria-label'))!;
  // the node's row in the table (same label), whose rightmost strip dot is the request where it took longest
  const name = /^(.+?): p50/.exec(label)![1]!;
  const row = whereTimeGoes(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });
  const rowKey = (await row.getAttribute('data-row'))!;
  const dots = await circles(row.locator('circle.insights-strip-dot'));
  await node.click();
  await expectOpenedAt(ktv, dots[dots.length - 1]!.id, rowKey);
});

test("a row's strip from the keyboard: arrows move a ringed current dot, a line names its request, Enter opens it at the row's span", async ({ ktv }) => {
  const page = ktv.page;
  await openPayments(page);
  const row = whereTimeGoes(page).locator('tbody tr[data-row^="plugin:access:"]').first();
  const rowKey = (await row.getAttribute('data-row'))!;
  const dots = await circles(row.locator('circle.insights-strip-dot'));
  expect(dots.length).toBeGreaterThan(2);
  const strip = row.getByRole('group', { name: /: each request$/ });
  await strip.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const ring = strip.locator('circle.insights-current');
  await expect(ring).toHaveAttribute('data-trace-id', dots[1]!.id);
  await expect(ring).toHaveAttribute('cx', String(dots[1]!.cx));
  const label = await row.locator('th').innerText();
  await expect(row.getByRole('status')).toHaveText(new RegExp(`^${label.replace(/[()]/g, '\\$&')} .+ in POST /payments \\d{3}, 2 of ${dots.length}(, the slowest of \\d+ requests here)?$`));
  await page.keyboard.press('End');
  await expect(ring).toHaveAttribute('data-trace-id', dots[dots.length - 1]!.id);
  await expect(row.getByRole('status')).toHaveText(new RegExp(`, ${dots.length} of ${dots.length}(, |$)`));
  await page.keyboard.press('Enter');
  await expectOpenedAt(ktv, dots[dots.length - 1]!.id, rowKey);
  // Escape lets go of the current dot
  await strip.focus();
  await page.keyboard.press('Home');
  await expect(ring).toHaveAttribute('data-trace-id', dots[0]!.id);
  await page.keyboard.press('Escape');
  await expect(ring).toHaveCount(0);
  await expect(row.getByRole('status')).toHaveText('');
});

test('one dot of the distribution from the keyboard: Up and Down step through the requests by total time (over time, by start), Enter opens one', async ({ ktv }) => {
  const page = ktv.page;
  const n = await openPayments(page);
  const plot = page.getByRole('group', { name: `Distribution of ${n} requests' total time` });
  const line = page.getByRole('status', { name: 'Current request' });
  const ring = plot.locator('circle.insights-current');
  const byTotal = await circles(plot.locator('circle.insights-dot'));
  expect(byTotal).toHaveLength(n);
  await plot.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  // the third fastest request (requests of equal time share a place on the axis)
  await expect(ring).toHaveAttribute('cx', String(byTotal[2]!.cx));
  await expect(line).toHaveText(new RegExp(`^POST /payments .+ \\d{3}, 3 of ${n}$`));
  await expect(plot.locator('text.insights-current-label')).toHaveText(await line.innerText());

  // the keyboard brush takes over with Left and Right, and the current dot with Up and Down again
  await page.keyboard.press('ArrowRight');
  await expect(ring).toHaveCount(0);
  await expect(plot.locator('rect.insights-cursor')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(plot.locator('rect.insights-cursor')).toHaveCount(0);
  await expect(ring).toHaveAttribute('cx', String(byTotal[n - 1]!.cx));
  await expect(line).toHaveText(new RegExp(`, ${n} of ${n}$`));
  await page.keyboard.press('ArrowUp');
  await expect(line).toHaveText(new RegExp(`, ${n - 1} of ${n}$`));
  const id = (await ring.getAttribute('data-trace-id'))!;
  await page.keyboard.press('Enter');
  await expect(page.locator('.tv-id')).toHaveText(id);
  // Enter opened the request: it selected nothing
  await expect(page.getByRole('group', { name: 'Select' }).getByRole('status')).toHaveText(/^drag across the plot/);

  // over time: in order of start time, the first one the leftmost
  await page.getByRole('radio', { name: 'Over time' }).click();
  const scatter = page.getByRole('group', { name: `Total time of ${n} requests over time` });
  const byStart = await circles(scatter.locator('circle.insights-dot'));
  await scatter.focus();
  await page.keyboard.press('ArrowDown');
  const first = scatter.locator('circle.insights-current');
  await expect(first).toHaveAttribute('cx', String(byStart[0]!.cx));
  await expect(line).toHaveText(new RegExp(`^POST /payments .+ \\d{3}, 1 of ${n}, started .+$`));
  await page.keyboard.press('PageDown');
  await expect(line).toHaveText(new RegExp(`, 11 of ${n}, started `));
  const picked = (await first.getAttribute('data-trace-id'))!;
  expect(byStart.findIndex((d) => d.id === picked)).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('.tv-id')).toHaveText(picked);
});

test('traces stored without a breakdown, or with an older one, get theirs in the real IndexedDB when the Insights tab opens', async ({ ktv }) => {
  const page = ktv.page;
  const n = await openPayments(page);
  const counted = page.locator('.insights-bar').getByText(/^\d+ traces$/);
  const total = Number(/^(\d+)/.exec(await counted.innerText())![1]);

  // the start-up pass over the store has run (its flag is set), so after a restart only the tab can add them
  const flags = () =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('ktv');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const r = db.transaction('meta').objectStore('meta').getAllKeys();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      db.close();
      return keys.map(String).filter((k) => k.startsWith('breakdownsAdded:'));
    });
  await expect.poll(flags).toHaveLength(1);

  // as an older version stored them: every other row of this session (the one holding the open trace)
  // without a breakdown, the rest with a version 1 one (no version, no dimensions), written into the page
  // rows in the browser's IndexedDB
  const openTrace = (await page.locator('.tv-id').innerText()).trim();
  const { sessionId, changed } = await page.evaluate(async (traceId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('ktv');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('pages', 'readwrite');
    const pages = tx.objectStore('pages');
    const all = await new Promise<{ id: string; sessionId: string; traces: string }[]>((resolve, reject) => {
      const r = pages.getAll();
      r.onsuccess = () => resolve(r.result as { id: string; sessionId: string; traces: string }[]);
      r.onerror = () => reject(r.error);
    });
    const session = all.find((p) => p.traces.includes(`"traceId":"${traceId}"`))!.sessionId;
    let count = 0;
    for (const page of all.filter((p) => p.sessionId === session)) {
      const rows = JSON.parse(page.traces) as { spanCount: number; breakdown?: { v?: number; dims?: unknown } }[];
      for (const row of rows) {
        if (row.spanCount === 0 || !row.breakdown) continue;
        if (count % 2 === 0) delete row.breakdown;
        else {
          delete row.breakdown.v;
          delete row.breakdown.dims;
        }
        count++;
      }
      pages.put({ ...page, traces: JSON.stringify(rows) });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { sessionId: session, changed: count };
  }, openTrace);
  expect(changed).toBe(total);

  // the app opened again on that store: the tab says it is preparing them, then shows every one
  await page.reload();
  await ktv.waitReady();
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^preparing \d+ traces stored before insights…$/ })).toHaveText(`preparing ${changed} traces stored before insights…`);
  await expect(page.getByRole('status').filter({ hasText: /^preparing / })).toHaveCount(0);
  await expect(counted).toHaveText(`${total} traces`);
  const chip = page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ });
  await chip.click();
  await expect(chip).toHaveText(new RegExp(`^POST /payments n=${n} `));
  await expect(page.getByRole('table', { name: 'Headline' })).toBeVisible();
  await expect(whereTimeGoes(page).locator('tr[data-row="bucket:upstream"]')).toBeVisible();

  // and the store holds them: no row left without a current breakdown
  const stale = await page.evaluate(async (session) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('ktv');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = await new Promise<{ sessionId: string; traces: string }[]>((resolve, reject) => {
      const r = db.transaction('pages').objectStore('pages').getAll();
      r.onsuccess = () => resolve(r.result as { sessionId: string; traces: string }[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    const rows = all.filter((p) => p.sessionId === session).flatMap((p) => JSON.parse(p.traces) as { spanCount: number; breakdown?: { v?: number } }[]);
    return { rows: rows.length, versions: [...new Set(rows.filter((r) => r.spanCount > 0).map((r) => r.breakdown?.v ?? 0))] };
  }, sessionId);
  expect(stale.rows).toBe(total);
  expect(stale.versions).toHaveLength(1);
  expect(stale.versions[0]).toBeGreaterThan(1);
});
