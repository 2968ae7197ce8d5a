#!/usr/bin/env node
// Takes a screenshot of browser mode on the bundled sample session: node scripts/screenshot.mjs OUT.png [light|dark] [WIDTHxHEIGHT]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = process.argv[2] ?? 'docs/screenshot.png';
const scheme = process.argv[3] ?? 'light';
const [width, height] = (process.argv[4] ?? '1600x1000').split('x').map(Number);
const host = spawn(process.execPath, ['dist/node/web.mjs', '--no-browser', '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'ktv-shot-'))], { stdio: ['ignore', 'pipe', 'inherit'] });
// the host prints a one-time sign-in link; visiting it signs this profile in and lands on the app
let printed = '';
const url = await new Promise((resolve) => host.stdout.on('data', (d) => { printed += d; const m = /Sign in \(works once\): (http:\/\/127\.0\.0\.1:\d+\/sign-in\?secret=[0-9a-f]+)/.exec(printed); if (m) resolve(m[1]); }));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ktv-shot-profile-')), {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width, height },
  colorScheme: scheme,
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await page.locator('[data-app-ready="true"]').waitFor({ timeout: 60_000 });
await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await context.close();
host.kill();
console.log(out);
