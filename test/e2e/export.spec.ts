/** A stored session exported for support: OTLP/JSON with hex ids, secrets masked, every span kept. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('a session exports as sanitized OTLP/JSON with all its spans', async ({ ktv }) => {
  await ktv.sessions.getByRole('button', { name: /Actions for Sample · Gateway 3\.10/ }).click();
  const [download] = await Promise.all([
    ktv.page.waitForEvent('download'),
    ktv.sessions.getByRole('menuitem', { name: /Export as OTLP\/JSON/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/Gateway-3\.10.*\.otlp\.json$/);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const spans = doc.resourceSpans.flatMap((rs: { scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string }> }> }) => rs.scopeSpans.flatMap((ss) => ss.spans));
  expect(spans).toHaveLength(22);
  expect(spans[0].traceId).toBe('7f53c0d47e0f12051956b805a7696363');
  for (const s of spans) expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
});
