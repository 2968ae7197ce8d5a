/**
 * A JSON-lines file big enough to be decoded in parallel (in segments, by two decode workers) imports
 * exactly what the plain decoder finds in it: the same traces and spans, the bad lines named by their line
 * numbers in the whole file, and traces from any segment open with all their spans.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { generateOtlp } from '../bench/gen-otlp';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';
import { ViewsPage } from './pages/views-page';

test('a big JSON-lines file decoded in parallel imports what the decoder finds, bad lines named by number', async ({ ktv }) => {
  test.setTimeout(120_000);
  const dir = tempDir('parallel');
  const clean = join(dir, 'clean.jsonl');
  // about 30 MB: over the 16 MB from which imports decode in parallel, and several 8 MB segments
  if (!existsSync(clean)) await generateOtlp({ spans: 70_000, out: clean, seed: 5 });
  const lines = readFileSync(clean, 'utf8').split('\n').filter((l) => l !== '');
  const badLine = Math.floor(lines.length * 0.6);
  lines[badLine - 1] = '{"resourceSpans": [ {"scopeSpans": ';
  const text = `${lines.join('\n')}\n${lines[lines.length - 1]!.slice(0, 200)}`;
  const file = join(dir, 'parallel-import.jsonl');
  writeFileSync(file, text);

  // what the plain decoder (one thread, no segments) finds in the same bytes: `ktv summary`
  const expected = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'dist/node/cli.mjs'), 'summary', file, '--json'], { maxBuffer: 1 << 28 }).toString()) as {
    traces: { traceId: string; spans: number; statusCode: number | null }[];
    logs: number;
    skipped: { where: string }[];
  };
  const spans = expected.traces.reduce((n, t) => n + t.spans, 0);
  expect(expected.skipped.map((s) => s.where)).toEqual([`line ${badLine}`, `line ${lines.length + 1}`]);

  await ktv.openFiles([file]);
  const message = await ktv.importMessage('parallel-import.jsonl');
  expect(message).toContain(`imported ${expected.traces.length} new traces, ${spans} spans, ${expected.logs} log lines; skipped 2 records`);
  await ktv.imports.getByText('What was skipped').click();
  await expect(ktv.imports.getByText(`line ${badLine}`, { exact: false })).toBeVisible();
  await expect(ktv.imports.getByText(`line ${lines.length + 1}`, { exact: false })).toBeVisible();

  // a trace from the last segment opens with all its spans, read back from the stored source lines
  const last = expected.traces[expected.traces.length - 1]!;
  const v = new ViewsPage(ktv.page);
  await v.traceSearch.fill(last.traceId);
  await expect(v.traceTitle).toHaveText(new RegExp(` ${last.statusCode}$`));
  await expect(ktv.spans.getByRole('treeitem')).toHaveCount(last.spans);
});
