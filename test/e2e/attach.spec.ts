/**
 * Payload and log documents opened on their own (Konnect keeps them apart from traces, issue 13): they
 * attach to the stored trace they name and say so, in either order, and never make a session of their own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';
import type { AppPage } from './pages/app-page';
import { ViewsPage } from './pages/views-page';

const ORIGINAL = 'f1PA1H4PEgUZVrgFp2ljYw==';

/** The real Konnect export with its trace under another id (the bundled samples hold the original), and that id in hex. */
function files(dir: string): { trace: string; payloads: string; logs: string; traceId: string } {
  const bytes = Buffer.from(ORIGINAL, 'base64');
  bytes[15] = (bytes[15]! + 7) % 256;
  const traceId = bytes.toString('hex');
  const text = readFileSync(join(ROOT, 'shared/sample/gateway-3.10-konnect.json'), 'utf8').replaceAll(ORIGINAL, bytes.toString('base64'));
  const trace = join(dir, 'trace.json');
  writeFileSync(trace, text);
  const payloads = join(dir, 'payloads.json');
  writeFileSync(
    payloads,
    JSON.stringify({ [`${traceId}:reqres`]: { request_headers: { 'x-order': 'A-1042' }, response_headers: { 'content-type': 'application/json' }, response_body: '{"order":"A-1042"}' } }),
  );
  const logs = join(dir, 'logs.json');
  const record = { timeUnixNano: '1739932820000000000', severityNumber: 13, severityText: 'WARN', traceId, body: { stringValue: 'upstream answered slowly' } };
  writeFileSync(logs, JSON.stringify({ resourceLogs: [{ resource: {}, scopeLogs: [{ logRecords: [record] }] }] }));
  return { trace, payloads, logs, traceId };
}

async function open(ktv: AppPage, file: string, name: string): Promise<string> {
  await ktv.openFiles([file]);
  const message = await ktv.importMessage(name);
  await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();
  return message;
}

async function expectAttached(ktv: AppPage, traceId: string): Promise<void> {
  const v = new ViewsPage(ktv.page);
  await ktv.session(/Konnect session 01951c12/).click();
  await v.traceSearch.fill(traceId);
  await expect(v.traceTitle).toHaveText('GET /headers 200');
  await expect(v.logs).toContainText('upstream answered slowly');
  await ktv.page.getByRole('tab', { name: /Payloads/ }).click();
  await expect(ktv.page.getByRole('region', { name: 'Payloads' })).toContainText('A-1042');
}

test('a payload document and a log document opened after their trace attach to it and say where', async ({ ktv }) => {
  const f = files(tempDir('attach'));
  expect(await open(ktv, f.trace, 'trace.json')).toContain('imported 1 new trace');
  const sessions = await ktv.sessionButtons().count();
  expect(await open(ktv, f.payloads, 'payloads.json')).toBe('payloads.json: payloads for 1 trace attached to session Konnect session 01951c12');
  expect(await open(ktv, f.logs, 'logs.json')).toBe('logs.json: log lines for 1 trace attached to session Konnect session 01951c12');
  await expect(ktv.sessionButtons()).toHaveCount(sessions);
  await expectAttached(ktv, f.traceId);
});

test('a payload document and a log document opened before their trace wait for it, and the trace takes them', async ({ ktv }) => {
  const f = files(tempDir('attach'));
  const sessions = await ktv.sessionButtons().count();
  expect(await open(ktv, f.payloads, 'payloads.json')).toBe('payloads.json: payloads for 1 trace not imported yet, kept until they are');
  expect(await open(ktv, f.logs, 'logs.json')).toBe('logs.json: log lines for 1 trace not imported yet, kept until they are');
  await expect(ktv.sessionButtons()).toHaveCount(sessions);
  expect(await open(ktv, f.trace, 'trace.json')).toMatch(/imported 1 new trace, \d+ spans, 1 log line/);
  await expectAttached(ktv, f.traceId);
});
