#!/usr/bin/env node
// `npm run bench`: bundles the benchmark harness (test/bench/run.ts) and runs it with the given flags.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@playwright/test', 'playwright', 'playwright-core', 'fsevents', 'esbuild'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __ktvCreateRequire } from 'node:module'; const require = __ktvCreateRequire(import.meta.url);" },
};
await Promise.all([
  build({ ...common, entryPoints: ['test/bench/run.ts'], outfile: 'dist/bench/run.mjs' }),
  build({ ...common, entryPoints: ['test/bench/gen-otlp.ts'], outfile: 'dist/bench/gen-otlp.mjs' }),
]);
const res = spawnSync(process.execPath, ['--max-old-space-size=4096', 'dist/bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
