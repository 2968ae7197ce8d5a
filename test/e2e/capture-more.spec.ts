/**
 * "Capture more like this" (issue 19, docs/insights.md item 7): a value that sets the slow requests apart
 * becomes the sampling rule of a new live capture, or of a new Konnect debugger session, and that rule is
 * the one the capture applies (requests sent by the real OpenTelemetry SDK) or the one Konnect receives
 * (the local stand-in). The rule is read from the page, never written into the test.
 */
import type { Page } from '@playwright/test';
import { createProducer } from '../stand-ins/otel-producer';
import { STANDIN_TOKEN } from '../stand-ins/konnect/server';
import { expect, test as base } from './fixtures';
import { CapturePanel } from './pages/capture-panel';
import { test } from './konnect-fixtures';

/** On the bundled sample, selects the 5xx of POST /payments and returns the first difference offering a capture. */
async function differenceToCapture(page: Page) {
  await page.getByRole('tab', { name: 'Insights' }).click();
  await page.getByRole('listbox', { name: 'Groups' }).getByRole('option', { name: /^POST \/payments n=\d+/ }).click();
  await page.getByRole('button', { name: 'status >= 500' }).click();
  const diffs = page.getByRole('region', { name: 'What is different about them' });
  const row = diffs.locator('tbody tr').filter({ has: page.getByRole('button', { name: 'Capture more…' }) }).first();
  await expect(row).toBeVisible();
  const [dimension, value] = [await row.locator('td').nth(0).innerText(), await row.locator('td').nth(1).innerText()];
  return { row, dimension, value };
}

/** `field == value` as the rule says it, the value parsed (a number, or a quoted string). */
function parseClause(rule: string): { field: string; value: string | number } {
  const m = /^(\S+) == (.+)$/.exec(rule);
  expect(m, `a single equality: ${rule}`).not.toBeNull();
  return { field: m![1]!, value: JSON.parse(m![2]!) as string | number };
}

base('a difference becomes the rule of a live capture, which then keeps only the requests having that value', async ({ ktv }) => {
  const page = ktv.page;
  const { row, dimension, value } = await differenceToCapture(page);
  await row.getByRole('button', { name: 'Capture more…' }).click();
  await page.getByRole('menuitem', { name: 'In a live capture' }).click();

  const capture = new CapturePanel(page);
  await expect(capture.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(capture.rule).toBeFocused();
  await expect(capture.root.getByText(`${dimension} = ${value} (`, { exact: false })).toBeVisible();
  const rule = await capture.rule.inputValue();
  const { field, value: wanted } = parseClause(rule);
  expect(String(wanted)).toBe(value);

  await capture.port.fill('0');
  await capture.start.click();
  await expect(capture.state).toContainText('listening on');
  // started with it: the note is gone, the rule was taken
  await expect(capture.root.getByText('From insights')).toHaveCount(0);
  const url = await capture.listeningUrl();
  const producer = createProducer({ url, encoding: 'protobuf' });
  try {
    const other = typeof wanted === 'number' ? wanted + 1 : `${wanted}-other`;
    producer.request({ [field]: wanted, 'http.request.method': 'POST' }, { children: 2 });
    producer.request({ [field]: other, 'http.request.method': 'POST' }, { children: 2 });
    await producer.flush();
    await expect(capture.received).toHaveText('2');
    await expect(capture.sampled).toHaveText(/^1 \/ /);
    await expect(capture.rejected).toHaveText('1');
  } finally {
    await producer.shutdown();
  }
});

test('a difference becomes the rule of a new Konnect debugger session, which Konnect receives', async ({ ktv, konnect, standIn }) => {
  const page = ktv.page;
  const { row, dimension, value } = await differenceToCapture(page);
  await row.getByRole('button', { name: 'Capture more…' }).click();
  await page.getByRole('menuitem', { name: 'In a Konnect debugger session' }).click();

  await expect(konnect.dialog).toBeVisible();
  await expect(konnect.dialog.getByText(/A rule from session insights is ready/)).toBeVisible();
  await konnect.signInWith(STANDIN_TOKEN);
  await konnect.controlPlane('default').click();
  const form = konnect.startForm;
  await expect(form.getByRole('radio', { name: 'Advanced (expression)' })).toBeChecked();
  await expect(form.getByText(`${dimension} = ${value} (`, { exact: false })).toBeVisible();
  const rule = await form.getByRole('combobox', { name: 'Sampling expression' }).inputValue();
  expect(String(parseClause(rule).value)).toBe(value);

  await form.getByRole('listitem').filter({ hasText: 'gw-canary.internal' }).getByRole('checkbox').check();
  await form.getByRole('button', { name: 'Start session' }).click();
  await expect(konnect.dialog).toBeHidden();
  const created = standIn.requests.filter((r) => r.method === 'POST' && /\/debug-sessions$/.test(r.path));
  expect(created.map((r) => (r.body as { sampling_rule?: unknown }).sampling_rule)).toEqual([rule]);

  // the draft is used up: a second new session starts from the defaults
  await konnect.open();
  await konnect.controlPlane('default').click();
  await konnect.sessions.getByRole('button', { name: 'New session…' }).click();
  await expect(form.getByRole('radio', { name: 'Advanced (expression)' })).not.toBeChecked();
});
