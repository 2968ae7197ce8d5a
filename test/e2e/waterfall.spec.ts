/**
 * The span waterfall and the span inspector as a user works them. The app opens on the bundled demo
 * session with its slowest trace selected: a POST /payments that timed out upstream (504), 20 spans,
 * five of them plugins.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { tempDir } from './launch';
import { ViewsPage } from './pages/views-page';
import { WaterfallPage } from './pages/waterfall-page';

test('search highlights matches, hides the rest on request, and Escape clears it', async ({ ktv }) => {
  const wf = new WaterfallPage(ktv.page);
  await expect(wf.rows).toHaveCount(20);

  await wf.search.fill('plugin');
  await expect(wf.matches).toHaveText('5 matches');
  await expect(wf.rows).toHaveCount(20);

  await wf.hideNonMatches.check();
  await expect(ktv.page.getByText('11 spans hidden')).toBeVisible();
  // the matches stay, with the ancestors that place them in the tree
  await expect(wf.rows).toHaveCount(9);
  await expect(wf.span('kong.access.plugin.openid-connect')).toBeVisible();
  await expect(wf.span('kong.dns')).toHaveCount(0);

  await wf.search.press('Escape');
  await expect(wf.search).toHaveValue('');
  await expect(wf.rows).toHaveCount(20);
});

test('spans collapse and expand from the keyboard, by level and all at once', async ({ ktv }) => {
  const wf = new WaterfallPage(ktv.page);
  await wf.span('kong').click();
  await expect(wf.span('kong')).toHaveAttribute('aria-expanded', 'true');

  await ktv.page.keyboard.press('ArrowLeft');
  await expect(wf.span('kong')).toHaveAttribute('aria-expanded', 'false');
  await expect(wf.rows).toHaveCount(1);
  await ktv.page.keyboard.press('ArrowRight');
  await expect(wf.rows).toHaveCount(20);

  await ktv.page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(wf.rows).toHaveCount(1);
  await ktv.page.getByRole('combobox', { name: 'Expand to level' }).selectOption({ label: 'Level 2' });
  await expect(wf.span('kong.phase.access')).toBeVisible();
  await expect(wf.span('kong.phase.access')).toHaveAttribute('aria-expanded', 'false');
  await expect(wf.tree.locator('[aria-level="3"]')).toHaveCount(0);
  await ktv.page.getByRole('button', { name: 'Expand all' }).click();
  await expect(wf.rows).toHaveCount(20);
});

test('arrow keys move through the spans, Enter selects one for the inspector, Escape clears it', async ({ ktv }) => {
  const wf = new WaterfallPage(ktv.page);
  await wf.span('kong').click();
  await expect(wf.inspector.getByRole('heading', { name: 'kong', exact: true })).toBeVisible();

  await ktv.page.keyboard.press('ArrowDown');
  await ktv.page.keyboard.press('ArrowDown');
  // moving is not selecting
  await expect(wf.span('kong')).toHaveAttribute('aria-selected', 'true');
  await ktv.page.keyboard.press('Enter');
  await expect(wf.span('kong.phase.rewrite')).toHaveAttribute('aria-selected', 'true');
  await expect(wf.inspector.getByRole('heading', { name: 'kong.phase.rewrite' })).toBeVisible();
  await expect(wf.inspector).toContainText('The rewrite phase');

  await ktv.page.keyboard.press('End');
  await ktv.page.keyboard.press('Enter');
  await expect(wf.span('kong.wait_for_client_read')).toHaveAttribute('aria-selected', 'true');

  await ktv.page.keyboard.press('Escape');
  await expect(wf.tree.locator('[aria-selected="true"]')).toHaveCount(0);
  await expect(wf.inspector).toContainText('Select a span');
});

test('error spans are marked with their message and the inspector explains Kong attributes on hover', async ({ ktv }) => {
  const wf = new WaterfallPage(ktv.page);
  // the mark says why, on hover
  await expect(wf.span('kong').getByTitle('Error: HTTP 504')).toBeVisible();
  await expect(wf.span('kong.read_headers_from_upstream').getByTitle('Error: upstream timed out')).toBeVisible();
  await expect(wf.span('kong.dns').getByTitle(/^Error/)).toHaveCount(0);

  await wf.span('kong').click();
  const status = wf.inspector.getByRole('rowheader', { name: 'http.response.status_code' });
  await expect(status).toHaveAttribute('title', 'HTTP status code sent to the client.');
  await expect(wf.inspector.getByRole('row', { name: /http\.response\.status_code/ })).toContainText('504');
  const copy = wf.inspector.getByRole('button', { name: "Copy span's trace id" });
  await copy.click();
  await expect(copy).toContainText('Copied');
});

test('a span selected in the map is revealed in the waterfall, its collapsed ancestors opened', async ({ ktv }) => {
  const wf = new WaterfallPage(ktv.page);
  await ktv.page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(wf.rows).toHaveCount(1);

  await new ViewsPage(ktv.page).mapNode(/^openid-connect \(access\)/).click();
  await expect(wf.span('kong.access.plugin.openid-connect')).toHaveAttribute('aria-selected', 'true');
  await expect(wf.span('kong.phase.access')).toHaveAttribute('aria-expanded', 'true');
  await expect(wf.span('kong')).toHaveAttribute('aria-expanded', 'true');
  await expect(wf.inspector.getByRole('heading', { name: 'kong.access.plugin.openid-connect' })).toBeVisible();
});

test('dragging across the time axis zooms in, and Reset zoom shows the whole trace again', async ({ ktv }) => {
  const wf = new WaterfallPage(ktv.page);
  await expect(wf.resetZoom).toBeDisabled();
  const whole = await ktv.page.locator('.wf-zoom-range').textContent();

  await wf.dragAxis(0.0, 0.05);
  await expect(wf.resetZoom).toBeEnabled();
  await expect(ktv.page.locator('.wf-zoom-range')).not.toHaveText(whole!);

  await wf.resetZoom.click();
  await expect(wf.resetZoom).toBeDisabled();
  await expect(ktv.page.locator('.wf-zoom-range')).toHaveText(whole!);
});

test('a 20,000-deep trace opens and its deepest span is one key away', async ({ ktv }) => {
  const depth = 20_000;
  const traceId = '0af7651916cd43dd8448eb211c80319c';
  const spans = Array.from({ length: depth }, (_, i) => ({
    traceId,
    spanId: (0x1000 + i).toString(16).padStart(16, '0'),
    parentSpanId: i ? (0x1000 + i - 1).toString(16).padStart(16, '0') : '',
    name: `deep-${i}`,
    kind: 1,
    startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(i * 1000)),
    endTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(depth * 2000 - i * 1000)),
  }));
  const file = join(tempDir('deep'), 'deep-chain.json');
  writeFileSync(file, JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 't' }, spans }] }] }));

  await ktv.openFiles([file]);
  expect(await ktv.importMessage('deep-chain.json')).toMatch(/20000 spans|20,000 spans/);
  const wf = new WaterfallPage(ktv.page);
  await expect(wf.rows.first()).toHaveAccessibleName('deep-0');
  // only the rows in view are in the DOM
  expect(await wf.rows.count()).toBeLessThan(200);

  await wf.span('deep-0').click();
  await ktv.page.keyboard.press('End');
  await ktv.page.keyboard.press('Enter');
  await expect(wf.span('deep-19999')).toHaveAttribute('aria-selected', 'true');
  await expect(wf.span('deep-19999')).toHaveAttribute('aria-level', '20000');
  await expect(wf.inspector.getByRole('heading', { name: 'deep-19999' })).toBeVisible();
});
