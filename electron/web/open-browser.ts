/**
 * Opening the user's browser from browser mode, without a shell: `cmd /c start "" URL` would run whatever
 * follows an `&`, `|` or `>` in the URL, so each platform's opener is spawned directly with the URL as
 * one argument. The opener gets the host's environment minus its credentials (it and the browser it
 * starts never see KONNECT_TOKEN). The sign-in link itself goes through a 0600 redirect file, as Jupyter
 * does, so the secret is not on any process's command line, where every local user can read it.
 */
import { spawn } from 'node:child_process';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** environment variables a child process must not inherit */
const CREDENTIALS = ['KONNECT_TOKEN'];

export interface Command {
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
}

export function childEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out = { ...env };
  for (const name of CREDENTIALS) delete out[name];
  return out;
}

/** The program and argument vector that open `target` (a URL) in the default browser; never a shell. */
export function browserCommand(target: string, platform: NodeJS.Platform = process.platform, env: Record<string, string | undefined> = process.env): Command {
  const safeEnv = childEnv(env);
  if (platform === 'darwin') return { command: 'open', args: [target], env: safeEnv };
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', target], env: safeEnv };
  return { command: 'xdg-open', args: [target], env: safeEnv };
}

export function openBrowser(target: string, onFail: () => void = () => console.log(`Could not open a browser; open ${target} yourself.`)): void {
  const { command, args, env } = browserCommand(target);
  const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false, env });
  child.on('error', onFail);
  child.unref();
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Writes a page only this user can read that sends the browser on to `url`; returns its file URL. */
export async function writeRedirectFile(dir: string, url: string): Promise<{ path: string; fileUrl: string; remove(): Promise<void> }> {
  const path = join(dir, `ktv-open-${process.pid}.html`);
  // a file left by an earlier run could have other modes: start from nothing
  await rm(path, { force: true });
  const href = escapeAttr(url);
  await writeFile(
    path,
    `<!doctype html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Kong Trace Viewer</title></head>\n<body><p>Opening <a href="${href}">Kong Trace Viewer</a>…</p></body></html>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  await chmod(path, 0o600);
  return { path, fileUrl: pathToFileURL(path).href, remove: () => rm(path, { force: true }) };
}
