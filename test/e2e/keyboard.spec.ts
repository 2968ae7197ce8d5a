/** The app by keyboard alone: F6 between the panes, `/` to the trace search, `?` for the shortcuts, the map's arrow keys. */
import { expect, test } from './fixtures';
import { ViewsPage } from './pages/views-page';
import { WaterfallPage } from './pages/waterfall-page';

test('F6 cycles the panes and Shift+F6 goes back; / focuses the trace search; ? lists the shortcuts and Escape closes them', async ({ ktv }) => {
  const page = ktv.page;
  const v = new ViewsPage(page);
  const wf = new WaterfallPage(page);
  await expect(wf.rows).toHaveCount(20);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('F6');
  await expect(page.getByRole('grid', { name: 'Traces' })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(v.map.getByRole('button').and(page.locator(':focus'))).toHaveCount(1);
  await page.keyboard.press('F6');
  await expect(wf.tree).toBeFocused();
  await page.keyboard.press('F6');
  await expect(v.logs).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('region', { name: 'Span details' })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('grid', { name: 'Traces' })).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(page.getByRole('region', { name: 'Span details' })).toBeFocused();

  await page.keyboard.press('/');
  await expect(v.traceSearch).toBeFocused();
  // typing a slash in a field is text, not a shortcut
  await page.keyboard.type('/pay');
  await expect(v.traceSearch).toHaveValue('/pay');
  await v.traceSearch.fill('');

  await wf.tree.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('F6');
  await expect(dialog).toContainText('Ctrl/Cmd + wheel');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the map is one tab stop: the arrow keys move between its nodes and Enter selects one', async ({ ktv }) => {
  const page = ktv.page;
  const v = new ViewsPage(page);
  const wf = new WaterfallPage(page);
  await expect(wf.rows).toHaveCount(20);
  const nodes = v.map.getByRole('button');
  expect(await nodes.count()).toBeGreaterThanOrEqual(10);
  await expect(v.map.locator('[role="button"][tabindex="0"]')).toHaveCount(1);

  await v.map.locator('[role="button"][tabindex="0"]').focus();
  await expect(page.locator(':focus')).toHaveAccessibleName(/^read headers/);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^read body/);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^router/);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^openid-connect/);
  await page.keyboard.press('Enter');
  await expect(wf.span('kong.access.plugin.openid-connect')).toHaveAttribute('aria-selected', 'true');
  // still one tab stop, now on the selected node
  await expect(v.map.locator('[role="button"][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(v.map.locator(':focus')).toHaveCount(0);
});
