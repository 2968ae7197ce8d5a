/** A big file: progress shows, the app stays usable while it imports, and Cancel keeps nothing. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateOtlp } from '../bench/gen-otlp';
import { expect, test } from './fixtures';
import { tmpdir } from 'node:os';

test('a big import shows progress, leaves the UI usable, and Cancel keeps nothing', async ({ ktv }) => {
  test.setTimeout(120_000);
  // big enough (about 500 MB, some 10 s to import here) to still be importing while the user clicks
  // around; made once per machine
  const file = join(tmpdir(), 'ktv-e2e-big-collector-1200k.jsonl');
  if (!existsSync(file)) await generateOtlp({ spans: 1_200_000, out: file, seed: 3 });
  const sessions = await ktv.sessionButtons().count();

  await ktv.openFiles([file]);
  const progress = ktv.imports.getByRole('progressbar', { name: /ktv-e2e-big-collector-1200k\.jsonl/ });
  await expect(progress).toBeVisible();

  // meanwhile, the user keeps working: pick another trace and see its spans
  const second = ktv.traceRows().nth(1);
  const time = (await second.getByRole('gridcell').first().textContent())!;
  await second.click();
  await expect(ktv.traceRows().filter({ hasText: time })).toHaveAttribute('aria-selected', 'true');
  await expect(ktv.spans.getByRole('treeitem').first()).toHaveAccessibleName('kong');
  await expect(progress).toBeVisible();

  await ktv.imports.getByRole('button', { name: 'Cancel' }).click();
  await expect(ktv.imports.getByText('ktv-e2e-big-collector-1200k.jsonl: import cancelled; nothing was kept')).toBeVisible();
  await expect(ktv.sessionButtons()).toHaveCount(sessions);
  await ktv.page.reload();
  await ktv.waitReady();
  await expect(ktv.sessionButtons()).toHaveCount(sessions);
});
