#!/usr/bin/env node
// `npm run dist`: installers via electron-builder. It needs an Electron runtime download, which is not
// possible on machines without that network access: say so plainly instead of failing obscurely.
import { spawnSync } from 'node:child_process';

const res = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)], { stdio: 'inherit' });
if (res.status !== 0) {
  console.error('\nktv dist: electron-builder failed. Packaging downloads the Electron runtime for each target;');
  console.error('on a machine without access to its download host (like the development sandbox) it cannot work.');
}
process.exit(res.status ?? 1);
