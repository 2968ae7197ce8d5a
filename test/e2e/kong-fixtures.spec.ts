/**
 * Real Kong traces opened as a user opens them: each fixture of ../shared/fixtures/kong shows its method,
 * path and status in the trace list; the incomplete spans are marked in the waterfall and the inspector;
 * a .zip of them all lands in the sessions its traces name, and lists the entry that is no trace; each
 * one's verdict is the one `ktv summary` gives, and its tiles and list columns agree (issue 14).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from './fixtures';
import { ROOT, tempDir } from './launch';
import type { AppPage } from './pages/app-page';
import { LatencyPage, PARTS } from './pages/latency-page';

const KONG = join(ROOT, '..', 'shared', 'fixtures', 'kong');

const CASES = [
  { file: 'konnect-trace-v1-gateway-3.10.0.1.json', session: /Konnect session 01975423/, method: 'GET', path: '/mock/anything/123', status: '200' },
  { file: 'konnect-batches-gateway-3.10-incomplete-spans-edited.json', session: /Konnect session 0193cf2f/, method: 'POST', path: '/foo/anything', status: '200' },
  // a 3.9 root carries no status code: the list shows none rather than a wrong one
  { file: 'konnect-batches-gateway-3.9.0.0.json', session: /Konnect session 01937749/, method: 'GET', path: '/req/headers', status: '' },
  { file: 'otel-plugin-gateway-3.14-from-docs.json', session: /otel-plugin-gateway-3\.14-from-docs\.json/, method: 'POST', path: '/anything', status: '200' },
];

/** The trace list's one row, as the cells a user reads: method, path, status. */
async function expectRow(ktv: AppPage, c: (typeof CASES)[number]): Promise<void> {
  const row = ktv.traceRows().first();
  await expect(row.locator('[role="gridcell"]').nth(1)).toHaveText(c.method);
  await expect(row.locator('[role="gridcell"]').nth(2)).toHaveText(c.path);
  if (c.status) await expect(row.locator('[role="gridcell"]').nth(3)).toHaveText(c.status);
  else await expect(row.locator('[role="gridcell"]').nth(3)).not.toHaveText(/\d/);
}

for (const c of CASES) {
  test(`${c.file}: its method, path and status show in the trace list`, async ({ ktv }) => {
    await ktv.openFiles([join(KONG, c.file)]);
    expect(await ktv.importMessage(c.file)).toMatch(/imported 1 new trace/);
    await ktv.session(c.session).click();
    await expect(ktv.traceRows()).toHaveCount(1);
    await expectRow(ktv, c);
    await ktv.traceRows().first().click();
    await expect(ktv.spans.getByRole('treeitem').first()).toBeVisible();
  });
}

/** What `ktv summary --json` says of a file's first trace: its verdict and the latency model's figures. */
function cliSummary(file: string): { verdict: { kind: string; text: string } } {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'ktv.mjs'), 'summary', file, '--json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { traces: { verdict: { kind: string; text: string } }[] }).traces[0]!;
}

for (const c of CASES) {
  test(`${c.file}: the verdict is the one the CLI gives, and the tiles and the list agree`, async ({ ktv }) => {
    const expected = cliSummary(join(KONG, c.file)).verdict;
    await ktv.openFiles([join(KONG, c.file)]);
    await ktv.session(c.session).click();
    await ktv.traceRows().first().click();
    const l = new LatencyPage(ktv.page);
    await expect(l.verdict).toHaveAttribute('data-kind', expected.kind);
    await expect(l.verdict).toContainText(expected.text);
    for (const part of PARTS) await expect(l.listCell(part)).toHaveText(await l.tile(part).innerText());
  });
}

test('incomplete spans are kept and marked in the waterfall and the inspector', async ({ ktv }) => {
  const c = CASES[1]!;
  await ktv.openFiles([join(KONG, c.file)]);
  expect(await ktv.importMessage(c.file)).toMatch(/imported 1 new trace, 19 spans/);
  await ktv.session(c.session).click();
  await ktv.traceRows().first().click();
  const marked = ktv.spans.getByRole('treeitem', { name: 'kong.phase.access' }).filter({ has: ktv.page.locator('.wf-incomplete') });
  await expect(marked).toHaveCount(2);
  await expect(marked.nth(0)).toContainText('incomplete: no start time');
  await expect(marked.nth(1)).toContainText('incomplete: no end time');
  await marked.nth(0).click();
  const inspector = ktv.page.getByRole('region', { name: 'Span details' });
  await expect(inspector.getByRole('note')).toContainText('Incomplete span: no start time was sent; duration unknown; shown at its end time.');
  await expect(inspector.getByText('unknown').first()).toBeVisible();
});

test('a .zip of Kong traces imports every trace into the session it names and lists the entry that is no trace', async ({ ktv }) => {
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8('what these are\n') };
  for (const c of CASES) files[c.file] = readFileSync(join(KONG, c.file));
  const zip = join(tempDir('zip'), 'kong-traces.zip');
  writeFileSync(zip, zipSync(files));
  await ktv.openFiles([zip]);
  const message = await ktv.importMessage('kong-traces.zip');
  expect(message).toMatch(/imported 4 new traces/);
  expect(message).toMatch(/skipped 1 record/);
  await ktv.imports.getByText('What was skipped').click();
  await expect(ktv.imports.getByText(/README\.txt/)).toBeVisible();
  for (const c of CASES.slice(0, 3)) {
    await ktv.session(c.session).click();
    await expectRow(ktv, c);
  }
  // the trace that names no Konnect session lands in the archive's own session
  await ktv.session(/kong-traces\.zip/).click();
  await expectRow(ktv, CASES[3]!);
});
