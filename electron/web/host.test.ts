import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services/index';
import { MemorySecretStore } from '../services/secrets';
import { kekFile } from '../services/kek-file';
import { safeJoin, startHost, type Host } from './host';

/** A raw HTTP request, so tests can send the Host and Origin headers a browser would not let us forge. */
function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode host', () => {
  let host: Host;
  let services: Services;
  let dir: string;
  let cookie: string;
  const invoke = (channel: string, args: unknown, headers: Record<string, string> = { cookie }) =>
    raw(host.port, `/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });
  const signInPath = () => new URL(host.signInLink()).pathname + new URL(host.signInLink()).search;
  const links: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ktv-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    writeFileSync(join(dir, 'trace.json'), '{"resourceSpans":[]}');
    services = createServices({ mode: 'browser', version: 't', dataDir: join(dir, 'data'), secrets: new MemorySecretStore(), kek: kekFile(join(dir, 'data', 'store-key.json')), env: {}, openExternal: async () => {} });
    host = await startHost({ services, rendererDir, onNewSignInLink: (l) => links.push(l) });
    const signedIn = await raw(host.port, signInPath());
    cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(async () => {
    await host.close();
  });

  it('binds to loopback only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the app page, with a strict CSP and no credential in it, only to a signed-in browser', async () => {
    const res = await raw(host.port, '/', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>t</title>');
    expect(res.body).not.toContain(cookie.split('=')[1]);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  it('without the session cookie, the page says how to get in and holds no secret', async () => {
    const res = await raw(host.port, '/');
    expect(res.status).toBe(401);
    expect(res.body).toContain('sign-in link');
    expect(res.body).not.toContain(new URL(host.signInLink()).searchParams.get('secret'));
    expect(res.body).not.toContain(cookie.split('=')[1]);
  });

  it('a sign-in secret works once, sets an HttpOnly SameSite=Strict cookie and redirects to the clean address', async () => {
    const path = signInPath();
    const first = await raw(host.port, path);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^ktv-session-${host.port}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/$`));
    // the next link was announced, and the used one no longer works
    expect(links.at(-1)).toBe(host.signInLink());
    expect(host.signInLink()).not.toContain(path);
    const again = await raw(host.port, path);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('sign-in link');
    // the new session works
    const fresh = setCookie.split(';')[0]!;
    expect(JSON.parse((await invoke('app.info', null, { cookie: fresh })).body).ok).toBe(true);
  });

  it('answers calls from a signed-in browser', async () => {
    const res = await invoke('app.info', null);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it.each([
    ['no cookie', {}],
    ['a made-up session', { cookie: `ktv-session-PORT=${'b'.repeat(64)}` }],
    ['the old launch token header', { 'x-ktv-token': 'a'.repeat(64) }],
    ['a wrong sign-in secret as the cookie', { cookie: 'ktv-session-PORT=a' }],
  ])('refuses calls with %s', async (_what, headers) => {
    const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(host.port))]));
    const res = await invoke('app.info', null, h);
    expect(res.status).toBe(401);
  });

  it('hands the store’s key-encryption key only to a signed-in page, from a 0600 file made on first use', async () => {
    expect((await invoke('vault.kek', null, {})).status).toBe(401);
    expect((await invoke('vault.kek', null, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    const res = await invoke('vault.kek', null);
    expect(res.headers['cache-control']).toContain('no-store');
    const { value } = JSON.parse(res.body) as { value: { id: string; key: string } };
    expect(Buffer.from(value.key, 'base64')).toHaveLength(32);
    const file = join(dir, 'data', 'store-key.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(value);
    // the same key on every call
    expect(JSON.parse((await invoke('vault.kek', null)).body).value).toEqual(value);
  });

  it('refuses requests a browser says came from another site, even with the cookie', async () => {
    const res = await invoke('app.info', null, { cookie, 'sec-fetch-site': 'same-site' });
    expect(res.status).toBe(403);
    const download = await raw(host.port, '/api/files/x', { headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(download.status).toBe(403);
  });

  it('refuses other origins even with the token', async () => {
    const res = await invoke('app.info', null, { cookie, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await raw(host.port, '/', { headers: { host: `attacker.example:${host.port}` } });
    expect(res.status).toBe(421);
  });

  it('gives bad arguments a typed error instead of crashing', async () => {
    const bad = JSON.parse((await invoke('files.openRecent', { path: 42 })).body);
    expect(bad).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'files.openRecent: path: expected a string, got number' } });
    const unknown = JSON.parse((await invoke('nope', null)).body);
    expect(unknown.error.code).toBe('unknown-channel');
    const notJson = await raw(host.port, '/api/invoke/app.info', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('invalid-argument');
    // and the host still answers afterwards
    expect(JSON.parse((await invoke('app.info', null)).body).ok).toBe(true);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await raw(host.port, path);
      expect(res.body).not.toContain('do not serve');
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    expect((await raw(host.port, '/assets/app.js')).status).toBe(200);
  });

  it('streams a registered file by id only, only to a signed-in browser, and as a download', async () => {
    const ref = await services.files.register(join(dir, 'trace.json'));
    expect((await raw(host.port, `/api/files/${ref.id}`)).status).toBe(401);
    const ok = await raw(host.port, `/api/files/${ref.id}`, { headers: { cookie } });
    expect(ok.body).toBe('{"resourceSpans":[]}');
    expect(ok.headers['content-disposition']).toBe('attachment');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await raw(host.port, `/api/files/deadbeef`, { headers: { cookie } })).status).toBe(404);
    // the recent list remembers it
    const recent = JSON.parse((await invoke('files.recent', null)).body);
    expect(recent.value[0]).toMatchObject({ name: 'trace.json' });
  });

  it('opens by path only what is on the recent list', async () => {
    const refused = JSON.parse((await invoke('files.openRecent', { path: join(dir, 'secret.txt') })).body);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await services.files.register(join(dir, 'trace.json'));
    const opened = JSON.parse((await invoke('files.openRecent', { path: join(dir, 'trace.json') })).body);
    expect(opened).toMatchObject({ ok: true, value: { name: 'trace.json' } });
  });

  it('sends the CSP with every script it serves, worker scripts included', async () => {
    const res = await raw(host.port, '/assets/app.js');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses to open non-web links', async () => {
    const res = JSON.parse((await invoke('shell.openExternal', { url: 'file:///etc/passwd' })).body);
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('safeJoin', () => {
  it.each([
    ['/index.html', '/srv/r/index.html'],
    ['/a/../index.html', '/srv/r/index.html'],
    ['/../etc/passwd', null],
    ['/%2e%2e/etc/passwd', null],
    ['/%E0%A4%A', null],
    ['/a%00b', null],
  ])('%s -> %s', (path, expected) => {
    expect(safeJoin('/srv/r', path)).toBe(expected);
  });
});
