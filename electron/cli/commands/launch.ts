/**
 * `ktv [FILE...]` / `npm start`: opens the desktop app on the files; where no Electron runtime is
 * installed (its binary download is not possible everywhere), says so in one line and opens browser mode.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWeb } from '../../web/main';
import type { CliIo } from '../io';

declare const __KTV_VERSION__: string;

const projectRoot = () => join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Electron binary, found without require('electron') (which would try to download it). */
export function findElectronBinary(root = projectRoot(), env = process.env): string | null {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(bin) ? bin : null;
  }
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('-')).map((f) => resolve(io.env.INIT_CWD ?? io.cwd, f));
  const electron = io.env.KTV_FORCE_BROWSER ? null : findElectronBinary();
  if (electron) {
    const child = spawn(electron, [join(projectRoot(), 'dist', 'electron', 'main.cjs'), ...files], { stdio: 'inherit' });
    return new Promise((done) => child.on('exit', (code) => done(code ?? 0)));
  }
  io.err('No Electron runtime is installed (node_modules/electron has no binary), so ktv opens in browser mode instead.');
  return runWeb([...argv.filter((a) => a.startsWith('-')), ...files], __KTV_VERSION__);
}
