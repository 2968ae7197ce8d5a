/** Local retention: sessions past the user's setting are purged at start-up, unless pinned; samples stay. */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';

test('sessions older than the retention setting are purged at start-up, pinned ones kept', async ({ ktv }) => {
  await ktv.openFiles([join(ROOT, 'test/fixtures/otlp/example-trace.json')]);
  await expect(ktv.session(/example-trace\.json/)).toBeVisible();
  await ktv.openFiles([join(ROOT, 'test/fixtures/formats/zipkin.json')]);
  await expect(ktv.session(/zipkin\.json/)).toBeVisible();
  await ktv.sessions.getByRole('button', { name: /Actions for zipkin\.json/ }).click();
  await ktv.sessions.getByRole('menuitem', { name: /Pin/ }).click();
  await expect(ktv.session(/zipkin\.json/).getByRole('img', { name: 'pinned' })).toBeVisible();

  await ktv.page.getByRole('button', { name: 'Settings' }).click();
  await expect(ktv.page.getByRole('combobox', { name: 'Keep sessions for' })).toHaveValue('7');

  // eight days later
  await ktv.page.clock.install({ time: Date.now() + 8 * 24 * 60 * 60 * 1000 });
  await ktv.page.reload();
  await ktv.waitReady();
  await expect(ktv.session(/zipkin\.json/)).toBeVisible();
  await expect(ktv.session(/example-trace\.json/)).toHaveCount(0);
  await expect(ktv.session(/Sample · demo gateway/)).toBeVisible();
});
