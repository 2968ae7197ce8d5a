#!/usr/bin/env node
// Adds up the vitest and Playwright JSON reports into one line: "N passed, N failed".
// A missing report counts as one failure: that runner did not get to report at all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const notes = [];

const vitestPath = join(dir, 'vitest.json');
if (existsSync(vitestPath)) {
  const v = JSON.parse(readFileSync(vitestPath, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  // a file that failed to load has no tests in it but still failed
  for (const f of v.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
} else {
  failed++;
  notes.push('no vitest report');
}

const pwPath = join(dir, 'playwright.json');
if (existsSync(pwPath)) {
  const p = JSON.parse(readFileSync(pwPath, 'utf8'));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  if ((p.errors ?? []).length) {
    failed += p.errors.length;
    notes.push(`${p.errors.length} Playwright error(s) outside tests`);
  }
} else {
  failed++;
  notes.push('no Playwright report');
}
if (notes.length) console.log(`(${notes.join('; ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
