/**
 * Encryption at rest (issue 21): log lines and payloads are sealed in the browser profile. A file with
 * unique markers in a payload and a log line is imported; the app shows both; then, with the browser
 * closed, none of the two is anywhere in the profile's files, while a marker put in a span attribute (kept
 * in clear, searchable) is found there: the search would find the others were they stored in clear.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';
import { ViewsPage } from './pages/views-page';

const ORIGINAL = 'f1PA1H4PEgUZVrgFp2ljYw==';
/** long and random: no compression of the store's files could shorten it, nothing else could contain it */
const marker = (what: string) => `${what}${randomBytes(24).toString('hex')}`;

/** The bundled Konnect export under another trace id, with `attr` in a root attribute; its payloads and logs. */
function files(dir: string, m: { attr: string; payload: string; log: string }) {
  const bytes = Buffer.from(ORIGINAL, 'base64');
  bytes[15] = (bytes[15]! + 11) % 256;
  const traceId = bytes.toString('hex');
  const keepalive = '{"key":"proxy.kong.client.keepalive","value":{"boolValue":false}}';
  const text = readFileSync(join(ROOT, 'shared/sample/gateway-3.10-konnect.json'), 'utf8')
    .replaceAll(ORIGINAL, bytes.toString('base64'))
    .replace(keepalive, `${keepalive},{"key":"test.control","value":{"stringValue":"${m.attr}"}}`);
  const trace = join(dir, 'trace.json');
  writeFileSync(trace, text);
  const payloads = join(dir, 'payloads.json');
  writeFileSync(
    payloads,
    JSON.stringify({ [`${traceId}:reqres`]: { request_headers: { 'x-order': m.payload }, response_headers: { 'content-type': 'application/json' }, response_body: `{"order":"${m.payload}"}` } }),
  );
  const logs = join(dir, 'logs.json');
  const record = { timeUnixNano: '1739932820000000000', severityNumber: 13, severityText: 'WARN', traceId, body: { stringValue: `upstream said ${m.log}` } };
  writeFileSync(logs, JSON.stringify({ resourceLogs: [{ resource: {}, scopeLogs: [{ logRecords: [record] }] }] }));
  return { trace, payloads, logs, traceId };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The markers found in any file under `dir`, as written (Latin-1/UTF-8) or as UTF-16 (how V8 stores some strings). */
function markersOnDisk(dir: string, markers: string[]): Set<string> {
  const found = new Set<string>();
  const forms = markers.map((m) => ({ m, bytes: [Buffer.from(m, 'latin1'), Buffer.from(m, 'utf16le')] }));
  for (const file of filesUnder(dir)) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue;
    }
    for (const { m, bytes } of forms) if (bytes.some((b) => data.includes(b))) found.add(m);
  }
  return found;
}

test('payloads and log lines are shown, and nowhere in the browser profile on disk; span attributes stay in clear', async ({ launch, profileDir }) => {
  const m = { attr: marker('attr'), payload: marker('payload'), log: marker('log') };
  const f = files(tempDir('at-rest'), m);
  const { app, ktv } = await launch();
  for (const [file, name] of [[f.trace, 'trace.json'], [f.payloads, 'payloads.json'], [f.logs, 'logs.json']] as const) {
    await ktv.openFiles([file]);
    await ktv.importMessage(name);
    await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();
  }

  const v = new ViewsPage(ktv.page);
  await ktv.session(/Konnect session 01951c12/).click();
  await v.traceSearch.fill(f.traceId);
  await expect(v.traceTitle).toHaveText('GET /headers 200');
  await expect(v.logs).toContainText(m.log);
  await ktv.page.getByRole('tab', { name: /Payloads/ }).click();
  await expect(ktv.page.getByRole('region', { name: 'Payloads' })).toContainText(m.payload);

  // the browser writes everything out as it closes
  await app.close();
  const found = markersOnDisk(profileDir, [m.attr, m.payload, m.log]);
  expect(found.has(m.attr), 'the control marker, in a span attribute, is found: the search works').toBe(true);
  expect(found.has(m.payload), 'the payload is not in the profile in clear').toBe(false);
  expect(found.has(m.log), 'the log line is not in the profile in clear').toBe(false);
});
