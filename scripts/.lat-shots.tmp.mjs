// Screenshots of each kind of trace in the bundled sample: node /tmp/lat-shots.mjs OUTDIR
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = process.argv[2] ?? '/tmp/lat-shots';
mkdirSync(outDir, { recursive: true });
const host = spawn(process.execPath, ['dist/node/web.mjs', '--no-browser', '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'ktv-shot-'))], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => host.stdout.on('data', (d) => { const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(String(d)); if (m) resolve(m[1]); }));
const cases = (process.env.CASES ?? '502,504,401,429,503,slow').split(',');
const sizes = (process.env.SIZES ?? '1366x768,1920x1080').split(',');
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
for (const scheme of schemes) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ktv-shot-profile-')), {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
    colorScheme: scheme,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('[data-app-ready="true"]').waitFor({ timeout: 60_000 });
  await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor();
  for (const size of sizes) {
    const [w, h] = size.split('x').map(Number);
    await page.setViewportSize({ width: w, height: h });
    for (const c of cases) {
      const filter = page.getByRole('searchbox', { name: 'Filter traces' }).or(page.getByRole('textbox', { name: 'Filter traces' }));
      await filter.fill(c === 'slow' ? '' : String(c));
      const grid = page.getByRole('grid', { name: 'Traces' });
      if (c === 'slow') {
        const head = page.getByRole('columnheader', { name: /Client/ });
        await head.click();
        if ((await head.getAttribute('aria-sort')) !== 'descending') await head.click();
        await grid.locator('.trace-row:not(.trace-head)').first().click();
      } else {
        await grid.locator('.trace-row:not(.trace-head)').filter({ has: page.locator('.status', { hasText: new RegExp(`^${c}$`) }) }).first().click();
      }
      await page.getByRole('status', { name: 'Verdict' }).waitFor();
      await page.waitForTimeout(300);
      const file = join(outDir, `${c}-${size}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(file, await page.getByRole('status', { name: 'Verdict' }).innerText());
    }
  }
  await context.close();
}
host.kill();
