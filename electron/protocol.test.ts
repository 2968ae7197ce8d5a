/**
 * The app:// protocol, against a stand-in Electron (none can be installed here): the UI with its CSP, and
 * the user's files as downloads that can never render as a page of the app's origin.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';

let handler: (req: Request) => Promise<Response>;
vi.mock('electron', () => ({
  protocol: { handle: (_scheme: string, h: typeof handler) => (handler = h), registerSchemesAsPrivileged: () => {} },
  // net.fetch of a file: URL, as Electron does it
  net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
}));

const { handleAppProtocol } = await import('./protocol');

describe('app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ktv-protocol-'));
  beforeAll(() => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'evil.html'), '<script>alert(1)</script>');
    handleAppProtocol(dir, { get: (id: string) => (id === 'f1' ? { id, name: 'evil.html', path: join(dir, 'evil.html'), size: 26 } : undefined) });
  });

  it('serves a user file as a download: attachment, nosniff, a CSP that allows nothing', async () => {
    const res = await handler(new Request('app://ktv/files/f1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    // the bytes are still there for the worker's fetch
    expect(await res.text()).toBe('<script>alert(1)</script>');
    expect((await handler(new Request('app://ktv/files/nope'))).status).toBe(404);
  });

  it('serves the UI with the app CSP', async () => {
    const res = await handler(new Request('app://ktv/'));
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('content-security-policy')).toContain("worker-src 'self';");
  });
});
