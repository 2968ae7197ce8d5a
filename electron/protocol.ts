/**
 * The UI is served from app://ktv/ (GET only, path-traversal guarded, strict CSP on every page), and
 * files the user opened are streamed from app://ktv/files/<id>, only for ids the main process registered.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { FileRegistry } from './services/files';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { safeJoin } from './web/host';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function handleAppProtocol(rendererDir: string, files: FileRegistry): void {
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET') return new Response('method not allowed', { status: 405 });
    const url = new URL(request.url);
    if (url.host !== 'ktv') return new Response('not found', { status: 404 });
    if (url.pathname.startsWith('/files/')) {
      const ref = files.get(decodeURIComponent(url.pathname.slice('/files/'.length)));
      if (!ref) return new Response('no such file', { status: 404 });
      return net.fetch(pathToFileURL(ref.path).toString());
    }
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = safeJoin(rendererDir, path);
    if (!file) return new Response('bad path', { status: 400 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
