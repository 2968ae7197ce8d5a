/**
 * Issue 20, as a user does it on the bundled sample: pin a 502 as A, open a 504 and compare it with A;
 * read B relative to A and the bridge, jump through the differences with `n`, read the attribute diff.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function pickStatus(page: Page, status: number): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter traces' }).fill(String(status));
  await page
    .getByRole('grid', { name: 'Traces' })
    .locator('[role="row"]:not(.trace-head)')
    .filter({ has: page.locator('.status', { hasText: new RegExp(`^${status}$`) }) })
    .first()
    .click();
}

test('pick two traces, read the bridge, jump to a difference with n, open its attribute diff', async ({ ktv }) => {
  const page = ktv.page;
  await pickStatus(page, 502);
  await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pinned as A' })).toBeDisabled();
  await pickStatus(page, 504);
  await page.getByRole('button', { name: 'Compare with A', exact: true }).click();

  const view = page.getByRole('region', { name: 'Compare' });
  // the 504 waited 60 s for headers where the 502 failed to connect after about 3 s: B is much slower
  await expect(view.getByLabel('B relative to A')).toHaveText(/^\+5\d\.\d s \(x\d+\)$/);
  await expect(view.getByLabel('B total')).toHaveText('60.0 s');
  const bridge = view.getByRole('region', { name: 'Bridge from A to B' });
  await expect(bridge.locator('[data-bucket="upstream"]')).toHaveAttribute('data-sign', 'up');
  await expect(bridge.getByLabel('upstream delta')).toHaveText(/^\+5\d\.\d s$/);

  // n: the first difference (the root, slower), then the next one
  const grid = view.getByRole('grid', { name: 'Aligned spans' });
  await page.keyboard.press('n');
  const first = grid.locator('[role="row"][aria-selected="true"]');
  await expect(first).toHaveAttribute('data-change', 'changed');
  await expect(first).toContainText('kong');
  const diff = view.getByRole('complementary', { name: 'Row differences' });
  await expect(diff.getByRole('heading')).toHaveText('kong');
  const attrs = diff.getByRole('table', { name: 'Attribute differences' });
  await expect(attrs.locator('tr[data-change="changed"]').filter({ hasText: 'http.response.status_code' })).toContainText(/502.*504/);
  await expect(attrs.locator('caption')).toContainText(/ids and timestamps hidden/);

  await page.keyboard.press('n');
  await expect(grid.locator('[role="row"][aria-selected="true"]')).not.toContainText(/^Δ?kong$/);
  await expect(diff.getByRole('heading')).not.toHaveText('kong');
});

test('twin transaction maps: a plugin only in B is a ghost on A, B carries each node’s delta, a node opens its row', async ({ ktv }) => {
  const page = ktv.page;
  await pickStatus(page, 502);
  await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
  await pickStatus(page, 504);
  await page.getByRole('button', { name: 'Compare with A', exact: true }).click();
  const view = page.getByRole('region', { name: 'Compare' });
  await view.getByRole('tab', { name: 'Transaction maps' }).click();

  const mapA = view.getByRole('figure', { name: "A's transaction map" });
  const mapB = view.getByRole('figure', { name: "B's transaction map" });
  // the 504's jwt plugin: a ghost on A, named; on B a node saying A -> B
  await expect(mapA.getByRole('img', { name: 'only in B: jwt' })).toBeVisible();
  const jwt = mapB.getByRole('button', { name: /^jwt \(access\), A – → B \d+ µs \(\+\d+ µs\)$/ });
  await expect(jwt).toBeVisible();
  // the connect that failed after 3 s in A took microseconds in B: changed, its delta drawn on B's node
  const connect = mapB.getByRole('button', { name: /^connect \(.*\), A 3\.\d+ s → B \d+ µs \(-3\.\d+ s\)$/ });
  await expect(connect).toContainText(/-3\.\d+ s/);
  // both maps put the jwt node in the same place
  const boxA = await mapA.getByRole('img', { name: 'only in B: jwt' }).boundingBox();
  const boxB = await jwt.boundingBox();
  expect(Math.round(boxA!.x)).toBe(Math.round(boxB!.x));

  await jwt.click();
  const diff = view.getByRole('complementary', { name: 'Row differences' });
  await expect(diff.getByRole('heading')).toHaveText('kong.access.plugin.jwt');
  await expect(diff).toContainText('only in B');
});
