/**
 * Re-opening a multi-trace file, in every format and size, merges into the session it made (issue 18):
 * the same file again says "already imported, nothing new"; a file overlapping a stored session adds only
 * what is new. Files are made here from the generator and the real Konnect fixture.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateOtlp } from '../bench/gen-otlp';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';
import type { AppPage } from './pages/app-page';

/** Opens `file` twice: the first import adds traces, the second finds nothing new and leaves the session as it was. */
async function reopen(ktv: AppPage, file: string, name: string, sessionName: RegExp | string = name): Promise<void> {
  await ktv.openFiles([file]);
  expect(await ktv.importMessage(name)).toMatch(/imported [2-9]\d* new traces/);
  const session = ktv.session(sessionName);
  await expect(session).toHaveCount(1);
  const summary = await session.textContent();
  await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();

  await ktv.openFiles([file]);
  expect(await ktv.importMessage(name)).toContain('already imported, nothing new');
  await expect(ktv.session(sessionName)).toHaveCount(1);
  await expect(ktv.session(sessionName)).toHaveText(summary!);
}

async function linesFile(dir: string, spans: number, seed: number): Promise<string> {
  const file = join(dir, `gen-${seed}.jsonl`);
  await generateOtlp({ spans, out: file, seed });
  return file;
}

test('re-opening a multi-trace JSON-lines file finds nothing new', async ({ ktv }) => {
  const file = await linesFile(tempDir('reopen'), 600, 11);
  await reopen(ktv, file, 'gen-11.jsonl');
});

test('re-opening a gzipped multi-trace JSON-lines file finds nothing new', async ({ ktv }) => {
  const dir = tempDir('reopen');
  const plain = await linesFile(dir, 600, 12);
  const file = join(dir, 'gen-12.jsonl.gz');
  writeFileSync(file, gzipSync(readFileSync(plain)));
  await reopen(ktv, file, 'gen-12.jsonl.gz');
});

test('re-opening a multi-trace OTLP JSON document finds nothing new', async ({ ktv }) => {
  const dir = tempDir('reopen');
  const lines = readFileSync(await linesFile(dir, 600, 13), 'utf8').split('\n');
  // one ExportTraceServiceRequest holding every trace of the generated lines
  const requests = lines.filter((l) => l.includes('"resourceSpans"')).map((l) => JSON.parse(l) as { resourceSpans: unknown[] });
  const file = join(dir, 'gen-13.json');
  writeFileSync(file, JSON.stringify({ resourceSpans: requests.flatMap((r) => r.resourceSpans) }, null, 1));
  await reopen(ktv, file, 'gen-13.json');
});

/** The real Konnect export with its one trace copied under other trace ids (copies first..last), all in its Konnect session. */
function konnectBatches(dir: string, name: string, first: number, last: number): string {
  const text = readFileSync(join(ROOT, 'shared/sample/gateway-3.10-konnect.json'), 'utf8');
  const doc = JSON.parse(text) as { batches: unknown[] };
  const original = JSON.stringify(doc.batches[0]);
  const id = 'f1PA1H4PEgUZVrgFp2ljYw==';
  const batches = [];
  for (let i = first; i <= last; i++) {
    const bytes = Buffer.from(id, 'base64');
    bytes[15] = (bytes[15]! + i) % 256;
    batches.push(JSON.parse(original.replaceAll(id, bytes.toString('base64'))) as unknown);
  }
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ batches }));
  return file;
}

test('re-opening a multi-trace Konnect export finds nothing new', async ({ ktv }) => {
  const file = konnectBatches(tempDir('reopen'), 'konnect-batches.json', 1, 5);
  await reopen(ktv, file, 'konnect-batches.json', /Konnect session 01951c12/);
});

test('an export overlapping a stored Konnect session adds only its new traces to it', async ({ ktv }) => {
  const dir = tempDir('reopen');
  const session = ktv.session(/Konnect session 01951c12/);
  await ktv.openFiles([konnectBatches(dir, 'first.json', 1, 3)]);
  expect(await ktv.importMessage('first.json')).toContain('imported 3 new traces');
  await expect(session).toContainText('3 traces');
  await ktv.imports.getByRole('button', { name: 'Dismiss' }).click();
  await ktv.openFiles([konnectBatches(dir, 'second.json', 2, 6)]);
  expect(await ktv.importMessage('second.json')).toContain('imported 3 new traces');
  await expect(session).toHaveCount(1);
  await expect(session).toContainText('6 traces');
});

test('re-opening a JSON-lines file big enough to decode in parallel finds nothing new', async ({ ktv }) => {
  test.setTimeout(240_000);
  const dir = tempDir('reopen');
  // about 18 MB: over the 16 MB from which imports decode in parallel, in three segments
  const file = join(dir, 'big.jsonl');
  await generateOtlp({ spans: 45_000, out: file, seed: 15 });
  await reopen(ktv, file, 'big.jsonl');
});
