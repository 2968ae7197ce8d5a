/**
 * The trace views as a user works them: the transaction map linked to the waterfall and the logs, log
 * highlighting, the trace list's keyboard, sorting and paste-to-jump (pane sizes: layout.spec.ts). The app opens on
 * the bundled demo session (seeded, so the same every run) with its slowest trace selected: a POST
 * /payments that timed out upstream, with an openid-connect plugin and three log lines.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';
import { ViewsPage } from './pages/views-page';

const GATEWAY_310 = /Gateway 3\.10 Konnect trace/;
const FIXTURE_TRACE_ID = '7f53c0d47e0f12051956b805a7696363';
const FIXTURE_REQUEST_ID = '331bfb04117adc39f70b227a0df26615';

test('clicking a plugin node selects its span and highlights its log lines without hiding the others', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await expect(v.traceTitle).toHaveText('POST /payments 504');
  await expect(v.logLines).toHaveCount(3);
  const highlighted = v.logs.locator('[role="listitem"][aria-current="true"]');
  await expect(highlighted).toHaveCount(0);

  await v.mapNode(/^openid-connect \(access\)/).click();
  await expect(ktv.span('kong.access.plugin.openid-connect')).toHaveAttribute('aria-selected', 'true');
  await expect(v.mapNode(/^openid-connect/)).toHaveAttribute('aria-pressed', 'true');
  // every line stays; the plugin's line is marked and in view
  await expect(v.logLines).toHaveCount(3);
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toContainText('token introspection succeeded');
  await expect(highlighted).toBeInViewport();
  await expect(v.logs).toContainText('1 line of kong.access.plugin.openid-connect');

  // the root span answers for every line below it
  await ktv.span('kong').click();
  await expect(highlighted).toHaveCount(3);

  // "This span only" is the one thing that hides lines, and it says so
  await v.mapNode(/^openid-connect \(access\)/).click();
  const only = v.logs.getByRole('checkbox', { name: 'This span only' });
  await only.check();
  await expect(v.logLines).toHaveCount(1);
  await expect(v.logCount).toHaveText('1 of 3 lines');
  await only.uncheck();
  await expect(v.logLines).toHaveCount(3);
});

test('logs: levels, oldest first unless toggled, and a clicked line opens to its full text and selects its span', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await expect(v.logLines).toHaveCount(3);
  await expect(v.level('error')).toContainText('1');

  await v.level('error').click();
  await expect(v.level('error')).toHaveAttribute('aria-pressed', 'true');
  await expect(v.logLines).toHaveCount(1);
  await expect(v.logLines.first()).toContainText('upstream timed out');
  await v.level('error').click();
  await expect(v.logLines).toHaveCount(3);

  // chronological for one trace: the route match first, the upstream timeout last; toggled, the reverse
  await expect(v.logLines.first()).toContainText('matched route');
  await expect(v.logLines.last()).toContainText('upstream timed out');
  await v.logs.getByRole('button', { name: 'Oldest first' }).click();
  await expect(v.logLines.first()).toContainText('upstream timed out');

  // full timestamps with milliseconds
  await expect(v.logLines.first().locator('.log-time')).toHaveText(/\d\d:\d\d:\d\d\.\d{3}$/);

  // clicking a line selects its span, keeps every line, and opens the line to its text and attributes
  const timeout = v.logLines.filter({ hasText: 'upstream timed out' });
  await timeout.locator('.log-row').click();
  await expect(v.logLines).toHaveCount(3);
  await expect(timeout.getByRole('button', { name: 'Close line' })).toHaveAttribute('aria-expanded', 'true');
  await expect(timeout.locator('.log-full')).toContainText('upstream timed out (110: Connection timed out)');
  await expect(timeout.locator('.log-attrs')).toContainText('introspection.source');
  await expect(ktv.spans.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(1);
  // the lines after the open one (newest first now) move down rather than under it
  const below = v.logLines.filter({ hasText: 'token introspection' });
  expect((await below.boundingBox())!.y).toBeGreaterThan((await timeout.locator('.log-attrs').boundingBox())!.y);
  await timeout.getByRole('button', { name: 'Close line' }).click();
  await expect(timeout.locator('.log-full')).toHaveCount(0);

  await v.logs.getByRole('searchbox', { name: 'Filter logs' }).fill('TOKEN');
  await expect(v.logLines).toHaveCount(1);
});

test('the trace list sorts by a column and the keyboard moves the selection', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  // the sample's 302 traces and the header row
  await expect(ktv.traces).toHaveAttribute('aria-rowcount', '303');
  const lastRow = 303;
  // only the rows in view are in the DOM
  expect(await ktv.traceRows().count()).toBeLessThan(100);

  const row = (n: number) => ktv.traces.locator(`[role="row"][aria-rowindex="${n}"]`);
  const body = ktv.traces.getByRole('rowgroup');
  const toTop = () => body.evaluate((el) => (el.scrollTop = 0));

  await v.columnHeader('Status').getByRole('button').click();
  await expect(v.columnHeader('Status')).toHaveAttribute('aria-sort', 'descending');
  await toTop();
  await expect(row(2).getByRole('gridcell').nth(3)).toHaveText(/^5\d\d$/);
  await v.columnHeader('Status').getByRole('button').click();
  await expect(v.columnHeader('Status')).toHaveAttribute('aria-sort', 'ascending');
  await toTop();
  await expect(row(2).getByRole('gridcell').nth(3)).toHaveText(/^2\d\d$/);

  await row(2).click();
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
  await ktv.traces.press('ArrowDown');
  await expect(row(3)).toHaveAttribute('aria-selected', 'true');
  await expect(row(2)).toHaveAttribute('aria-selected', 'false');
  await ktv.traces.press('End');
  await expect(row(lastRow)).toHaveAttribute('aria-selected', 'true');
  await ktv.traces.press('Home');
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
});

test('pasting an X-Kong-Request-Id or a traceparent jumps to that trace in its session', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await expect(v.traceTitle).toHaveText('POST /payments 504');

  await v.traceSearch.fill(`X-Kong-Request-Id: ${FIXTURE_REQUEST_ID}`);
  await expect(ktv.selectedSession()).toContainText(GATEWAY_310);
  await expect(v.traceTitle).toHaveText('GET /headers 200');

  await ktv.session(/demo gateway/).click();
  await expect(v.traceTitle).not.toHaveText('GET /headers 200');
  await v.traceSearch.fill(`00-${FIXTURE_TRACE_ID}-b7ad6b7169203331-01`);
  await expect(ktv.selectedSession()).toContainText(GATEWAY_310);
  await expect(v.traceTitle).toHaveText('GET /headers 200');
});

test('the real Gateway 3.10 trace: the map names the slow node and the metrics read Kong’s numbers', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await ktv.session(GATEWAY_310).click();
  await expect(v.traceTitle).toHaveText('GET /headers 200');
  await expect(v.mapNode(/^send, 501 ms, slowest$/)).toBeVisible();
  await expect(v.mapNode(/^connect \(httpbin.org\), 222 ms$/)).toBeVisible();
  await expect(v.mapNode(/^basic-auth \(access\), 138 µs$/)).toBeVisible();
  await expect(v.metrics).toContainText('770 ms');
  await expect(v.metrics).toContainText(FIXTURE_REQUEST_ID);
  await expect(v.logs).toContainText('No log lines for this trace');

  const download = ktv.page.waitForEvent('download');
  await ktv.page.getByRole('button', { name: 'Export PNG' }).click();
  expect((await download).suggestedFilename()).toBe(`ktv-trace-${FIXTURE_TRACE_ID}.png`);

  await ktv.page.getByRole('tab', { name: /Payloads/ }).click();
  await expect(ktv.page.getByRole('region', { name: 'Payloads' })).toContainText('No headers or bodies were captured');
});

test('a trace without Kong spans gets its top spans by self time instead of the map', async ({ ktv }) => {
  const v = new ViewsPage(ktv.page);
  await ktv.openFiles([join(ROOT, 'test/fixtures/otlp/example-trace.json')]);
  await expect(ktv.selectedSession()).toContainText('example-trace.json');
  await expect(v.map).toContainText('Not a Kong trace: top spans by self time');
  const first = v.map.getByRole('button').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(ktv.spans.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(1);
});
