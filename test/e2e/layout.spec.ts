/**
 * The workspace on the screens engineers have: with the sample 504 selected, the transaction map, at
 * least ten waterfall rows and room for at least five log lines are on screen without scrolling the
 * page or dragging anything, at 1366x768 and 1280x720; at 1920x1080 the extra space goes to the views.
 * "On screen" is measured: each element's box against the viewport, not only toBeVisible.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ViewsPage } from './pages/views-page';

/** Sizes are chosen at start-up, so the window is given its size and the app loaded again in it. */
async function openAt(page: Page, width: number, height: number): Promise<ViewsPage> {
  await page.setViewportSize({ width, height });
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const v = new ViewsPage(page);
  await expect(v.traceTitle).toHaveText('POST /payments 504');
  return v;
}

/** How many of these elements lie wholly inside the viewport and inside `clip` (a scrolling box). */
async function countOnScreen(items: Locator, clip: Locator): Promise<number> {
  return items.evaluateAll(
    (els, box) => {
      const c = (box as Element).getBoundingClientRect();
      return els.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= Math.max(0, c.top) - 0.5 && r.bottom <= Math.min(window.innerHeight, c.bottom) + 0.5 && r.left >= 0 && r.right <= window.innerWidth + 0.5;
      }).length;
    },
    await clip.elementHandle(),
  );
}

async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height + 0.5 && box.x + box.width <= vp.width + 0.5;
}

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
]) {
  test(`at ${width}x${height} the map, ten waterfall rows and five log lines fit without scrolling`, async ({ ktv }) => {
    const v = await openAt(ktv.page, width, height);
    const page = ktv.page;

    // the page itself never scrolls
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);

    // every node of the transaction map, plugins included, is on screen
    const nodes = v.map.getByRole('button');
    await expect(nodes.first()).toBeVisible();
    const count = await nodes.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i++) expect(await inViewport(page, nodes.nth(i)), `map node ${i} in the viewport`).toBe(true);
    expect(await countOnScreen(nodes, v.map)).toBe(count);

    // at least ten span rows of the waterfall, wholly visible
    await expect(ktv.span('kong')).toBeVisible();
    expect(await countOnScreen(ktv.spans.getByRole('treeitem'), ktv.spans)).toBeGreaterThanOrEqual(10);

    // the trace's three log lines are on screen, and the log body has room for at least five
    await expect(v.logLines).toHaveCount(3);
    expect(await countOnScreen(v.logLines, v.logs.locator('.logs-body'))).toBe(3);
    const body = (await v.logs.locator('.logs-body').boundingBox())!;
    expect(Math.min(body.y + body.height, height) - body.y).toBeGreaterThanOrEqual(5 * 22);

    // the trace list gave way first: a strip of a few rows, with the selected trace among them, expandable
    const rows = await countOnScreen(ktv.traceRows(), ktv.traces.getByRole('rowgroup'));
    expect(rows).toBeGreaterThanOrEqual(2);
    expect(rows).toBeLessThanOrEqual(4);
    expect(await inViewport(page, ktv.traces.locator('[role="row"][aria-selected="true"]'))).toBe(true);
    const more = page.getByRole('button', { name: 'More rows' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(page.getByRole('button', { name: 'Fewer rows' })).toHaveAttribute('aria-expanded', 'true');
    expect(await countOnScreen(ktv.traceRows(), ktv.traces.getByRole('rowgroup'))).toBeGreaterThanOrEqual(10);
  });
}

test('at 1920x1080 the space goes to the views, not to an inspector squeezed beside empty space', async ({ ktv }) => {
  const v = await openAt(ktv.page, 1920, 1080);
  const page = ktv.page;
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
  // every span of the 20 and every map node at once
  await expect(ktv.spans.getByRole('treeitem')).toHaveCount(20);
  expect(await countOnScreen(ktv.spans.getByRole('treeitem'), ktv.spans)).toBe(20);
  const nodes = v.map.getByRole('button');
  expect(await countOnScreen(nodes, v.map)).toBe(await nodes.count());
  // the inspector and the logs are real panes, not slivers
  await ktv.span('kong.read_headers_from_upstream').click();
  const inspector = (await page.getByRole('region', { name: 'Span details' }).boundingBox())!;
  expect(inspector.width).toBeGreaterThanOrEqual(500);
  expect(inspector.height).toBeGreaterThanOrEqual(180);
  const logs = (await v.logs.locator('.logs-body').boundingBox())!;
  expect(logs.height).toBeGreaterThanOrEqual(10 * 22);
  // and the list shows a good part of the session
  expect(await countOnScreen(ktv.traceRows(), ktv.traces.getByRole('rowgroup'))).toBeGreaterThanOrEqual(6);
});

test('panes keep the user\'s split relative to the window, by keyboard too', async ({ ktv }) => {
  const page = ktv.page;
  await openAt(page, 1366, 768);
  const side = page.getByRole('separator', { name: 'Resize side panel' });
  const before = Number(await side.getAttribute('aria-valuenow'));
  await side.focus();
  await side.press('ArrowLeft');
  await side.press('ArrowLeft');
  await expect(side).not.toHaveAttribute('aria-valuenow', String(before));
  const moved = Number(await side.getAttribute('aria-valuenow'));
  expect(moved).toBeLessThan(before);
  const waterfall = async () => (await ktv.spans.boundingBox())!.width / (await page.locator('.tv-panes').boundingBox())!.width;
  const share = await waterfall();

  // a bigger window: the same proportions, not the same pixels
  await openAt(page, 1920, 1080);
  await expect(page.getByRole('separator', { name: 'Resize side panel' })).toHaveAttribute('aria-valuenow', String(moved));
  expect(Math.abs((await waterfall()) - share)).toBeLessThan(0.03);
});
