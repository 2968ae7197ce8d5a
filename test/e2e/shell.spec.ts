/** The app shell as a user first meets it: the sample session, data that survives reloads and relaunches. */
import { expect, test } from './fixtures';
import { join } from 'node:path';
import { ROOT } from './launch';

test('first launch opens on the bundled sample session with a trace on screen', async ({ ktv }) => {
  await expect(ktv.selectedSession()).toContainText('Sample · demo gateway');
  await expect(ktv.selectedSession()).toContainText('302 traces');
  await expect(ktv.session(/Gateway 3\.10 Konnect trace/)).toBeVisible();
  // the slowest trace is selected and its spans are on screen, the root first
  await expect(ktv.span('kong')).toBeVisible();
  await expect(ktv.spans.getByRole('treeitem').first()).toHaveAccessibleName('kong');
});

test('the real Gateway 3.10 trace shows all of its spans', async ({ ktv }) => {
  await ktv.session(/Gateway 3\.10 Konnect trace/).click();
  await expect(ktv.selectedSession()).toContainText('1 trace');
  // the list counts all 22 spans (the column after time, method, path, status and the four latencies);
  // the (virtualised) waterfall starts at the root
  await expect(ktv.traceRows().first().getByRole('gridcell').nth(8)).toHaveText('22');
  await expect(ktv.spans.getByRole('treeitem').first()).toHaveAccessibleName('kong');
  await expect(ktv.span('kong.access.plugin.rate-limiting-advanced')).toBeVisible();
});

test('an imported file survives a reload (IndexedDB persists)', async ({ ktv }) => {
  await ktv.openFiles([join(ROOT, 'test/fixtures/otlp/example-trace.json')]);
  expect(await ktv.importMessage('example-trace.json')).toMatch(/imported 1 new trace, 1 span/);
  await expect(ktv.selectedSession()).toContainText('example-trace.json');
  const before = await ktv.sessionButtons().count();
  await ktv.page.reload();
  await ktv.waitReady();
  await expect(ktv.session(/example-trace\.json/)).toBeVisible();
  await expect(ktv.sessionButtons()).toHaveCount(before);
});

test('a second launch on the same profile does not duplicate the sample', async ({ launch }) => {
  const first = await launch();
  await expect(first.ktv.selectedSession()).toContainText('302 traces');
  const sessions = await first.ktv.sessionButtons().count();
  const port = first.app.host?.port;
  await first.app.close();

  const second = await launch({ port });
  await expect(second.ktv.sessionButtons()).toHaveCount(sessions);
  await expect(second.ktv.selectedSession()).toContainText('302 traces');
});

test('files given on the command line are imported at start-up', async ({ launch }) => {
  const file = join(ROOT, 'test/fixtures/otlp/example-trace.json');
  const { ktv } = await launch({ files: [file] });
  await expect(ktv.session(/example-trace\.json/)).toBeVisible();
  await expect(ktv.selectedSession()).toContainText('example-trace.json');
});
