import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../services/index';
import { MemorySecretStore } from '../services/secrets';
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
  const token = 'a'.repeat(64);
  const invoke = (channel: string, args: unknown, headers: Record<string, string> = { 'x-ktv-token': token }) =>
    raw(host.port, `/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(args) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ktv-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    writeFileSync(join(dir, 'trace.json'), '{"resourceSpans":[]}');
    services = createServices({ mode: 'browser', version: 't', dataDir: join(dir, 'data'), secrets: new MemorySecretStore(), env: {}, openExternal: async () => {} });
    host = await startHost({ services, rendererDir, token });
  });
  afterAll(async () => {
    await host.close();
  });

  it('binds to loopback only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the page with the launch token and a strict CSP', async () => {
    const res = await raw(host.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="ktv-token" content="${token}">`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  it('answers calls that carry the token', async () => {
    const res = await invoke('app.info', null);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-ktv-token': 'b'.repeat(64) }],
    ['a short token', { 'x-ktv-token': 'a' }],
  ])('refuses calls with %s', async (_what, headers) => {
    const res = await invoke('app.info', null, headers);
    expect(res.status).toBe(401);
  });

  it('refuses other origins even with the token', async () => {
    const res = await invoke('app.info', null, { 'x-ktv-token': token, origin: 'http://evil.example' });
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
    const notJson = await raw(host.port, '/api/invoke/app.info', { method: 'POST', headers: { 'x-ktv-token': token, 'content-type': 'application/json' }, body: '{' });
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

  it('streams a registered file by id only, and only with the token', async () => {
    const ref = await services.files.register(join(dir, 'trace.json'));
    expect((await raw(host.port, `/api/files/${ref.id}`)).status).toBe(401);
    const ok = await raw(host.port, `/api/files/${ref.id}?token=${token}`);
    expect(ok.body).toBe('{"resourceSpans":[]}');
    expect((await raw(host.port, `/api/files/deadbeef?token=${token}`)).status).toBe(404);
    // the recent list remembers it
    const recent = JSON.parse((await invoke('files.recent', null)).body);
    expect(recent.value[0]).toMatchObject({ name: 'trace.json' });
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
