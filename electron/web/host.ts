/**
 * Browser mode's host: serves the built renderer and the bridge over HTTP on loopback only.
 * - Every /api request needs the per-launch token (a header, or `?token=` for file downloads the worker
 *   fetches); the token reaches the page in a <meta> tag of index.html, which other origins cannot read.
 * - Host and Origin headers must name this loopback address (guards against DNS rebinding and other
 *   local pages).
 * - /api/invoke/<channel> runs the same dispatch as Electron IPC; /api/events streams pushed events as
 *   newline-delimited JSON; /api/files/<id> streams a file the user opened.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Services } from '../services/index';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export const TOKEN_HEADER = 'x-ktv-token';
const MAX_BODY = 8 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface HostOptions {
  services: Services;
  /** the built renderer (dist/renderer) */
  rendererDir: string;
  port?: number;
  /** fixed token for tests; random otherwise */
  token?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Resolves a URL path inside `root`, refusing anything that would step outside it. */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  const rootNorm = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(rootNorm) ? full : null;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const { services, rendererDir } = opts;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  let indexHtml: string | null = null;

  const server = createServer(async (req, res) => {
    try {
      // only this loopback address, by name or number: refuses DNS-rebound names
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'misdirected request');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        const origin = req.headers.origin;
        if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'origin not allowed');
        const given = (req.headers[TOKEN_HEADER] as string | undefined) ?? url.searchParams.get('token') ?? '';
        if (!sameToken(given, token)) return send(res, 401, 'missing or wrong token');
        return await api(req, res, url);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      return await staticFile(res, url.pathname);
    } catch (e) {
      if (!res.headersSent) send(res, 500, e instanceof Error ? e.message : 'internal error');
      else res.destroy();
    }
  });

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname;
    if (path.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'expected application/json');
      let args: unknown;
      try {
        const text = await readBody(req);
        args = text ? JSON.parse(text) : null;
      } catch (e) {
        const result = { ok: false, error: { code: 'invalid-argument', message: `bad request body: ${e instanceof Error ? e.message : String(e)}` } };
        return send(res, 400, JSON.stringify(result), 'application/json');
      }
      const channel = decodeURIComponent(path.slice('/api/invoke/'.length));
      const result = await services.dispatch(channel, args);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (path === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('\n');
      const unsubscribe = services.events.subscribe((event, payload) => res.write(`${JSON.stringify({ event, payload })}\n`));
      const keepAlive = setInterval(() => res.write('\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
      return;
    }
    if (path.startsWith('/api/files/') && req.method === 'GET') {
      const ref = services.files.get(decodeURIComponent(path.slice('/api/files/'.length)));
      if (!ref) return send(res, 404, 'no such file');
      const st = await stat(ref.path).catch(() => null);
      if (!st) return send(res, 404, `${ref.name}: no longer readable`);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': st.size, 'cache-control': 'no-store' });
      createReadStream(ref.path, { highWaterMark: 1 << 20 })
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }
    return send(res, 404, 'no such endpoint');
  }

  async function staticFile(res: ServerResponse, pathname: string) {
    if (pathname === '/' || pathname === '/index.html') {
      indexHtml ??= await readFile(join(rendererDir, 'index.html'), 'utf8');
      const html = indexHtml.replace('<head>', `<head>\n    <meta name="ktv-token" content="${token}">`);
      res.writeHead(200, {
        'content-type': MIME['.html']!,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      return res.end(html);
    }
    const file = safeJoin(rendererDir, pathname);
    if (!file) return send(res, 400, 'bad path');
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) return send(res, 404, 'not found');
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': st.size,
      'x-content-type-options': 'nosniff',
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
