/**
 * Browser mode's host: serves the built renderer and the bridge over HTTP on loopback only.
 * - A browser signs in once with a one-time link (`sign-in.ts`) and then carries an HttpOnly session
 *   cookie; the app page and every /api request need it. Without it `/` explains how to get in.
 * - Host and Origin headers must name this loopback address (guards against DNS rebinding and other
 *   local pages), and a browser's `Sec-Fetch-Site` must say the request came from this origin.
 * - /api/invoke/<channel> runs the same dispatch as Electron IPC; /api/events streams pushed events as
 *   newline-delimited JSON; /api/files/<id> streams a file the user opened.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { API_EVENTS_PATH, API_FILES_PATH, API_INVOKE_PATH, API_PREFIX } from '../../shared/ids';
import type { Services } from '../services/index';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { HOW_TO_SIGN_IN, SECRET_PARAM, SIGN_IN_CSS, SIGN_IN_CSS_PATH, SIGN_IN_PATH, SignIn } from './sign-in';

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
  /** told each new one-time sign-in link after the first (the first is `Host.signInLink()`) */
  onNewSignInLink?: (url: string) => void;
}

export interface Host {
  /** the clean address (needs a signed-in browser) */
  url: string;
  port: number;
  /** the current one-time sign-in link */
  signInLink(): string;
  server: Server;
  close(): Promise<void>;
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** a browser's own word on where a request came from: only this page, or the user typing the address */
const fromThisPage = (req: IncomingMessage) => {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
};

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
  const { services, rendererDir } = opts;
  let port = 0;
  let signIn: SignIn | null = null;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  let indexHtml: string | null = null;

  const server = createServer(async (req, res) => {
    try {
      // only this loopback address, by name or number: refuses DNS-rebound names
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'misdirected request');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith(API_PREFIX)) {
        const origin = req.headers.origin;
        if ((origin !== undefined && !allowedOrigins().has(origin)) || !fromThisPage(req)) return send(res, 403, 'origin not allowed');
        if (!signIn?.signedIn(req.headers.cookie)) return send(res, 401, 'not signed in: open the sign-in link the host printed');
        return await api(req, res, url);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      if (url.pathname === SIGN_IN_PATH) return signInPage(res, url);
      if (url.pathname === SIGN_IN_CSS_PATH) return send(res, 200, SIGN_IN_CSS, 'text/css; charset=utf-8');
      return await staticFile(req, res, url.pathname);
    } catch (e) {
      if (!res.headersSent) send(res, 500, e instanceof Error ? e.message : 'internal error');
      else res.destroy();
    }
  });

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname;
    if (path.startsWith(API_INVOKE_PATH)) {
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
      const channel = decodeURIComponent(path.slice(API_INVOKE_PATH.length));
      const result = await services.dispatch(channel, args);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (path === API_EVENTS_PATH && req.method === 'GET') {
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
    if (path.startsWith(API_FILES_PATH) && req.method === 'GET') {
      const ref = services.files.get(decodeURIComponent(path.slice(API_FILES_PATH.length)));
      if (!ref) return send(res, 404, 'no such file');
      const st = await stat(ref.path).catch(() => null);
      if (!st) return send(res, 404, `${ref.name}: no longer readable`);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
        'content-disposition': 'attachment',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      });
      createReadStream(ref.path, { highWaterMark: 1 << 20 })
        .on('error', () => res.destroy())
        .pipe(res);
      return;
    }
    return send(res, 404, 'no such endpoint');
  }

  function signInPage(res: ServerResponse, url: URL) {
    // any page may navigate here (the redirect file is a file:// page): only the secret counts
    const session = signIn?.redeem(url.searchParams.get(SECRET_PARAM) ?? '');
    if (!session) {
      res.writeHead(403, HTML_HEADERS);
      return res.end(HOW_TO_SIGN_IN);
    }
    // the secret leaves the address bar at once: the browser goes on to the clean URL with its cookie
    res.writeHead(303, { location: '/', 'set-cookie': signIn!.setCookie(session), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    res.end();
  }

  async function staticFile(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (pathname === '/' || pathname === '/index.html') {
      if (!signIn?.signedIn(req.headers.cookie)) {
        res.writeHead(401, HTML_HEADERS);
        return res.end(HOW_TO_SIGN_IN);
      }
      indexHtml ??= await readFile(join(rendererDir, 'index.html'), 'utf8');
      res.writeHead(200, HTML_HEADERS);
      return res.end(indexHtml);
    }
    const file = safeJoin(rendererDir, pathname);
    if (!file) return send(res, 400, 'bad path');
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) return send(res, 404, 'not found');
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': st.size,
      'x-content-type-options': 'nosniff',
      // a worker script's own response carries the policy it runs under
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const auth = new SignIn(port, opts.onNewSignInLink);
  signIn = auth;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    signInLink: () => auth.link(),
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
