import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDir } from './main';
import { browserCommand, childEnv, writeRedirectFile } from './open-browser';

describe('opening the browser', () => {
  const hostile = 'https://example.com/?a=1&calc.exe|whoami>out "x" ^%PATH%';

  it.each(['win32', 'darwin', 'linux'] as const)('on %s passes the URL as one argument to a program, never to a shell', (platform) => {
    const cmd = browserCommand(hostile, platform, {});
    expect(cmd.command).not.toMatch(/^(cmd|cmd\.exe|sh|bash|powershell(\.exe)?)$/i);
    expect(cmd.args.at(-1)).toBe(hostile);
    expect(cmd.args.filter((a) => a.includes('calc'))).toHaveLength(1);
    expect(cmd.args).not.toContain('/c');
  });

  it('on Windows uses the URL protocol handler, not `cmd /c start`', () => {
    expect(browserCommand(hostile, 'win32', {})).toMatchObject({ command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', hostile] });
  });

  it('the launcher does not inherit the Konnect token', () => {
    const env = { KONNECT_TOKEN: 'kpat_secret', PATH: '/usr/bin', DISPLAY: ':0' };
    expect(browserCommand('https://x', 'linux', env).env).toEqual({ PATH: '/usr/bin', DISPLAY: ':0' });
    expect(childEnv(env)).not.toHaveProperty('KONNECT_TOKEN');
    // the caller's own environment is left as it was
    expect(env.KONNECT_TOKEN).toBe('kpat_secret');
  });
});

describe('the sign-in redirect file', () => {
  it('is readable by this user only and sends the browser to the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktv-redirect-'));
    // a file an earlier run left with loose modes is replaced, not reused
    writeFileSync(join(dir, `ktv-open-${process.pid}.html`), 'old', { mode: 0o644 });
    const link = 'http://127.0.0.1:4477/sign-in?secret=abc&x=<y>';
    const file = await writeRedirectFile(dir, link);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    const html = readFileSync(file.path, 'utf8');
    expect(html).toContain('content="0;url=http://127.0.0.1:4477/sign-in?secret=abc&amp;x=&lt;y>"');
    expect(file.fileUrl).toBe(`file://${file.path}`);
    await file.remove();
    expect(() => statSync(file.path)).toThrow();
  });
});

describe('the data directory', () => {
  it('is made, or tightened, to 0700', async () => {
    const base = mkdtempSync(join(tmpdir(), 'ktv-datadir-'));
    await ensurePrivateDir(join(base, 'new', 'data'));
    expect(statSync(join(base, 'new', 'data')).mode & 0o777).toBe(0o700);
    mkdirSync(join(base, 'old'));
    chmodSync(join(base, 'old'), 0o755);
    await ensurePrivateDir(join(base, 'old'));
    expect(statSync(join(base, 'old')).mode & 0o777).toBe(0o700);
  });
});
