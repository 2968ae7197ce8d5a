/**
 * The UI is served from app://ktv/ (GET only, path-traversal guarded, strict CSP on every page), and
 * files the user opened are streamed from app://ktv/files/<id>, only for ids the main process registered,
 * as downloads: `Content-Disposition: attachment`, `nosniff` and a CSP that allows nothing, so a trace file
 * holding HTML can never render as a page of the app's origin (and navigation there is refused, harden.ts).
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME, FILES_PATH } from '../shared/ids';
import type { FileRegistry } from './services/files';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { safeJoin } from './web/host';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** the headers a user's file is served with: bytes to read, never a document */
export const FILE_HEADERS: Record<string, string> = {
  'content-type': 'application/octet-stream',
  'content-disposition': 'attachment',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cache-control': 'no-store',
};

export function handleAppProtocol(rendererDir: string, files: Pick<FileRegistry, 'get'>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('method not allowed', { status: 405 });
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    if (url.pathname.startsWith(FILES_PATH)) {
      const ref = files.get(decodeURIComponent(url.pathname.slice(FILES_PATH.length)));
      if (!ref) return new Response('no such file', { status: 404 });
      const res = await net.fetch(pathToFileURL(ref.path).toString());
      const headers = new Headers(FILE_HEADERS);
      const length = res.headers.get('content-length');
      if (length) headers.set('content-length', length);
      return new Response(res.body, { status: res.status, headers });
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
