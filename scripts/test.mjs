#!/usr/bin/env node
// `npm test`: typecheck, lint, dead code (knip.json), unit tests, build, end-to-end tests. Every stage runs even when an earlier
// one failed, so one run shows everything that is wrong; the exit code is non-zero if any stage failed.
// With KTV_REPORT_DIR set (CI), vitest and Playwright also write JSON reports there.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const reportDir = process.env.KTV_REPORT_DIR;
const stages = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['deadcode', 'npm', ['run', '--silent', 'deadcode']],
  ['unit', 'npx', ['vitest', 'run', ...(reportDir ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'vitest.json')}`] : [])]],
  ['build', 'node', ['scripts/build.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
];
const results = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n▶ ${name}`);
  const env = { ...process.env, ...(reportDir && name === 'e2e' ? { PW_JSON_OUTPUT: join(reportDir, 'playwright.json') } : {}) };
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env });
  results.push({ name, ok: res.status === 0, seconds: (Date.now() - started) / 1000 });
}
console.log('\nstages:', results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.seconds.toFixed(0)} s)`).join(', '));
process.exit(results.every((r) => r.ok) ? 0 : 1);
