/**
 * The app works under its strict CSP (no inline styles, no blob: workers): a session of ordinary use,
 * including an import through the workers and a PNG export, reports no CSP violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ROOT } from './launch';

test('ordinary use reports no Content-Security-Policy violation', async ({ ktv }) => {
  const violations: string[] = [];
  ktv.page.on('console', (m) => {
    // long.js (under protobufjs) tries to compile WebAssembly, is refused on purpose, and falls back to JS
    if (/Content Security Policy/i.test(m.text()) && !/wasm-eval|WebAssembly/.test(m.text())) violations.push(m.text());
  });
  // Chromium logs each refusal to the console; the event catches any it might not
  await ktv.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
  });
  // from the first paint on
  await ktv.page.reload();
  await ktv.waitReady();
  // an import runs the ingest and decode workers
  await ktv.openFiles([join(ROOT, 'test/fixtures/formats/collector-mixed.jsonl')]);
  expect(await ktv.importMessage('collector-mixed.jsonl')).toMatch(/imported \d+ new trace/);
  await ktv.session(/Gateway 3\.10 Konnect trace/).click();
  const download = ktv.page.waitForEvent('download');
  await ktv.page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync((await (await download).path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(5_000);
  expect(violations).toEqual([]);
});
