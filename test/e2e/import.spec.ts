/** Opening files the ways a user does, with the outcomes a user checks: what arrived, what was refused. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';

const fixture = (p: string) => join(ROOT, 'test/fixtures', p);

test('a file dropped on the window is imported into its own session', async ({ ktv }) => {
  const bytes = readFileSync(fixture('formats/jaeger.json')).toString('base64');
  const drop = await ktv.page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    dt.items.add(new File([bin], 'dropped-jaeger.json', { type: 'application/json' }));
    return dt;
  }, bytes);
  await ktv.page.dispatchEvent('body', 'dragenter', { dataTransfer: drop });
  await expect(ktv.page.getByText('Drop trace files to import them')).toBeVisible();
  await ktv.page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  expect(await ktv.importMessage('dropped-jaeger.json')).toMatch(/imported \d+ new traces?/);
  await expect(ktv.selectedSession()).toContainText('dropped-jaeger.json');
});

test('opening the same file twice merges into the same session without duplicating spans', async ({ ktv }) => {
  const file = fixture('formats/collector-mixed.jsonl');
  await ktv.openFiles([file]);
  const first = await ktv.importMessage('collector-mixed.jsonl');
  expect(first).toMatch(/imported [1-9]\d* new trace/);
  const summary = await ktv.selectedSession().textContent();
  await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();

  await ktv.openFiles([file]);
  expect(await ktv.importMessage('collector-mixed.jsonl')).toContain('already imported, nothing new');
  await expect(ktv.sessions.locator('button.session-main', { hasText: 'collector-mixed.jsonl' })).toHaveCount(1);
  await expect(ktv.selectedSession()).toHaveText(summary!);
});

test('a broken file fails naming the file, where and why, and leaves the store as it was', async ({ ktv }) => {
  const dir = tempDir('bad');
  const bad = join(dir, 'truncated.json');
  writeFileSync(bad, '{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "5B8EFFF798038103D269B633813FC60C", "spanId": ');
  const sessions = await ktv.sessionButtons().count();
  await ktv.openFiles([bad]);
  const alert = ktv.imports.getByRole('alert');
  await expect(alert).toContainText('truncated.json');
  await expect(alert).toContainText(/\$\.resourceSpans\[0\]|byte \d+|line \d+/);
  await expect(ktv.sessionButtons()).toHaveCount(sessions);
  await expect(ktv.selectedSession()).toContainText('302 traces');
});

test('a file with some bad records imports the rest and lists what it skipped', async ({ ktv }) => {
  const dir = tempDir('partial');
  const good = readFileSync(fixture('otlp/example-trace.json'), 'utf8').replace(/\s+/g, '');
  const file = join(dir, 'partial.jsonl');
  writeFileSync(file, `${good}\n{"resourceSpans": 42}\n${good.slice(0, 50)}`);
  await ktv.openFiles([file]);
  expect(await ktv.importMessage('partial.jsonl')).toMatch(/imported 1 new trace, 1 span; skipped 2 records/);
  await ktv.imports.getByText('What was skipped').click();
  await expect(ktv.imports.getByText('line 2', { exact: false })).toBeVisible();
  await expect(ktv.imports.getByText('line 3', { exact: false })).toBeVisible();
});

test('files opened by path are in the Recent list and open again from it', async ({ launch }) => {
  const file = fixture('formats/zipkin.json');
  const { ktv } = await launch({ files: [file] });
  await expect(ktv.session(/zipkin\.json/)).toBeVisible();
  expect(await ktv.importMessage('zipkin.json')).toMatch(/imported 1 new trace/);
  await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();
  await ktv.page.getByRole('button', { name: 'Recent' }).click();
  await ktv.page.getByRole('menuitem', { name: /zipkin\.json/ }).click();
  expect(await ktv.importMessage('zipkin.json')).toContain('already imported, nothing new');
});

test('the expression filter narrows the list as you type and explains mistakes', async ({ ktv }) => {
  const editor = ktv.page.getByRole('combobox', { name: 'Expression filter' });
  await editor.fill('http.response.status_code >= 500');
  await expect(ktv.page.getByText(/^\d+ of 302 traces match$/)).toBeVisible();
  const statuses = await ktv.traceRows().locator('[role="gridcell"]:nth-child(4)').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(Number(s)).toBeGreaterThanOrEqual(500);

  await editor.fill('http.method == GET');
  await expect(ktv.page.getByText(/column 16: string values must be quoted/)).toBeVisible();
});
