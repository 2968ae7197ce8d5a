#!/usr/bin/env node
// Builds everything `npm start`, `npm run web`, the CLI and the tests need, skipping steps whose
// outputs are newer than their sources (so a second start is quick). `--force` rebuilds all.
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function newest(paths) {
  let t = 0;
  const stack = paths.map((p) => join(root, p)).filter(existsSync);
  while (stack.length) {
    const p = stack.pop();
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules') stack.push(join(p, e));
    } else if (st.mtimeMs > t) t = st.mtimeMs;
  }
  return t;
}
const stale = (output, inputs) => force || !existsSync(join(root, output)) || statSync(join(root, output)).mtimeMs < newest(inputs);

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __KTV_VERSION__: JSON.stringify(pkg.version) },
};
// ESM bundles for Node: protobufjs and friends still call require()
const esmBanner = { js: "import { createRequire as __ktvCreateRequire } from 'node:module'; const require = __ktvCreateRequire(import.meta.url);" };

const nodeInputs = ['electron', 'shared', 'package.json'];
if (stale('dist/node/cli.mjs', nodeInputs)) {
  await Promise.all([
    esbuild({ ...nodeCommon, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/node/cli.mjs', format: 'esm', banner: esmBanner, absWorkingDir: root }),
    esbuild({ ...nodeCommon, entryPoints: ['electron/web/entry.ts'], outfile: 'dist/node/web.mjs', format: 'esm', banner: esmBanner, absWorkingDir: root }),
    esbuild({ ...nodeCommon, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'], absWorkingDir: root }),
    esbuild({ ...nodeCommon, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], absWorkingDir: root }),
  ]);
  console.log('built dist/node and dist/electron');
}

if (stale('dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts', 'package.json'])) {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  console.log('built dist/renderer');
}

// the bundled sample sessions: the real Gateway 3.10 trace and a generated, seeded session
const samplesDir = join(root, 'dist/renderer/samples');
if (stale('dist/renderer/samples/manifest.json', ['shared/sample', 'scripts/build.mjs', 'scripts/gen-sample.ts'])) {
  mkdirSync(samplesDir, { recursive: true });
  await esbuild({ ...nodeCommon, sourcemap: false, entryPoints: ['scripts/gen-sample.ts'], outfile: 'dist/node/sample.mjs', format: 'esm', banner: esmBanner, absWorkingDir: root });
  copyFileSync(join(root, 'shared/sample/gateway-3.10-konnect.json'), join(samplesDir, 'gateway-3.10-konnect.json'));
  execFileSync(process.execPath, [join(root, 'dist/node/sample.mjs'), samplesDir], { cwd: root, stdio: 'inherit' });
  console.log('built dist/renderer/samples');
}
