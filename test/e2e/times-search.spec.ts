/**
 * Times, session names, paste-to-open, per-session filters and the trace search, as a user meets them
 * (issue 17): real Kong files opened through the picker into real IndexedDB, in a 1366x768 window.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';
import { CapturePanel } from './pages/capture-panel';

const KONG = join(ROOT, '..', 'shared', 'fixtures', 'kong');
const FILE_39 = join(KONG, 'konnect-batches-gateway-3.9.0.0.json');
/** the 3.9 export's request: X-Kong-Request-Id and start (2024-11-29T09:38:44.311Z) */
const REQUEST_ID = 'bbb7e4374d3509271c0019440b7bd474';

async function timesInUtc(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Times in').selectOption('utc');
  await page.keyboard.press('Escape');
}

test('times carry their date and zone by the one setting; a session shows its capture window and capture time', async ({ ktv }) => {
  const page = ktv.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await timesInUtc(page);
  await ktv.openFiles([FILE_39]);
  await ktv.importMessage('konnect-batches-gateway-3.9.0.0.json');
  const session = ktv.session(/Konnect session 01937749/);
  await session.click();
  // named from what it is, with its capture time; the window of its traces, not the import time
  await expect(session).toContainText('Konnect session 01937749 · Nov 29 2024 09:38 UTC');
  await expect(session.locator('.session-when')).toHaveText('Nov 29 2024 09:38 UTC');
  await expect(ktv.traces.getByRole('columnheader').first()).toContainText('UTC');
  await expect(ktv.traceRows().first().locator('[data-col="time"]')).toHaveText('Nov 29 2024 09:38:44.311');
  await expect(page.locator('.tv-time')).toHaveText('Nov 29 2024 09:38:44.311 UTC');
});

test('pasting a request id outside a text field opens its trace and says it switched session', async ({ ktv }) => {
  const page = ktv.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await ktv.openFiles([FILE_39]);
  await ktv.importMessage('konnect-batches-gateway-3.9.0.0.json');
  await ktv.session(/demo gateway/).click();
  await ktv.traces.focus();
  await page.evaluate((id) => {
    const data = new DataTransfer();
    data.setData('text/plain', `X-Kong-Request-Id: ${id}`);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, REQUEST_ID);
  await expect(ktv.selectedSession()).toContainText('Konnect session 01937749');
  await expect(page.getByRole('status').filter({ hasText: `Opened request ${REQUEST_ID}` })).toContainText('switched session');
  await expect(ktv.traces.locator('[aria-selected="true"]')).toHaveCount(1);
});

test('the expression filter belongs to its session, and a trace it hides is closed with a note', async ({ ktv }) => {
  const page = ktv.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await ktv.openFiles([FILE_39]);
  await ktv.importMessage('konnect-batches-gateway-3.9.0.0.json');
  await ktv.session(/demo gateway/).click();
  await expect(ktv.traces.locator('[aria-selected="true"]')).toHaveCount(1);
  const expr = page.getByLabel('Expression filter');
  await expr.fill('http.request.method == "NOPE"');
  await expect(ktv.traces.locator('[aria-selected="true"]')).toHaveCount(0);
  await expect(page.locator('.trace-notice')).toContainText('the filter hides it');
  await expect(page.locator('.trace-view')).toContainText('hidden by the filter');

  await ktv.session(/Konnect session 01937749/).click();
  await expect(expr).toHaveValue('');
  await expect(ktv.traceRows()).toHaveCount(1);
  await ktv.session(/demo gateway/).click();
  await expect(expr).toHaveValue('http.request.method == "NOPE"');
});

test('the search finds traces by their log lines and by the upstream host', async ({ ktv }) => {
  const page = ktv.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const search = page.getByLabel('Filter traces');
  await ktv.session(/demo gateway/).click();
  await expect(ktv.traceRows().first()).toBeVisible();
  await search.fill('connection refused');
  await expect(ktv.traceRows().first()).toBeVisible();
  const statuses = await ktv.traceRows().locator('.status').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['502']));

  await search.fill('orders.internal');
  await expect(ktv.traceRows().first()).toBeVisible();
  const paths = await ktv.traceRows().locator('.path').allTextContents();
  expect(paths.every((p) => p.startsWith('/orders'))).toBe(true);
});

test('the Konnect sign-in says what an account gives and which token, and offers an exported session instead', async ({ ktv }) => {
  const page = ktv.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'Konnect sessions…' }).click();
  const dialog = page.getByRole('dialog', { name: /Konnect debugger sessions/ });
  await expect(dialog).toContainText('control planes');
  await expect(dialog).toContainText('debugger sessions');
  await expect(dialog).toContainText('personal access token');
  await expect(dialog).toContainText('system account token');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Open an exported session instead' }).click();
  await chooser;
  await expect(dialog).toHaveCount(0);
});

test('a live capture with no trace yet waits visibly in the main area, its settings in view with a copy button', async ({ ktv }) => {
  const page = ktv.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const capture = new CapturePanel(page);
  const url = await capture.startCapture({ rule: '', port: '0', duration: '300', maxTraces: '50' });
  const waiting = page.getByRole('region', { name: 'Waiting for traces' });
  await expect(waiting).toContainText(`Waiting for your gateway on ${url}`);
  const copy = waiting.getByRole('button', { name: 'Copy settings' });
  await expect(copy).toBeInViewport();
  await expect(waiting.getByTestId('capture-kong-conf')).toBeInViewport();
  await capture.stop.click();
  await expect(ktv.selectedSession()).toContainText('Live capture');
});
