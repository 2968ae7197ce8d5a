/**
 * A Konnect stand-in on 127.0.0.1 with a random port, for unit and end-to-end tests: the public endpoints
 * to their published shapes, the debug-session API to Kong's draft as docs/konnect-api.md writes it down,
 * and fault switches (statuses such as 401/403/429/500 with Retry-After, dropped connections, slow answers).
 *
 * Faults can be set from the test process (`standIn.addFault`) or over HTTP (`POST /__standin/faults`), so
 * an end-to-end test can flip them while the app talks to the stand-in. Its clock can be moved forward
 * (`standIn.clock.advance`), or stopped altogether (`manualClock`), so a test walks a session through its
 * statuses without waiting.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSeed, type Seed } from './seed';
import { SessionsStandIn } from './sessions';

export interface Reply {
  status: number;
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

interface FaultBase {
  /** how many matching requests it applies to (default 1) */
  times?: number;
  /** only requests whose path contains this */
  path?: string;
  method?: string;
  /** let this many matching requests through first (default 0); counted even while another fault applies */
  after?: number;
}
export type Fault =
  | (FaultBase & { kind: 'status'; status: number; retryAfterS?: number; detail?: string })
  | (FaultBase & { kind: 'drop' })
  | (FaultBase & { kind: 'slow'; ms: number });

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  at: number;
  /** the stand-in's verdict on the Authorization header, never the token itself */
  auth: 'ok' | 'missing' | 'unknown';
  /** the JSON body sent, when there was one */
  body?: unknown;
}

/** Tokens the stand-in accepts: an admin (may create sessions) and a viewer (403 on create). */
export const STANDIN_TOKEN = 'kpat_StandInAdminToken000000000000000000000000000001';
export const STANDIN_VIEWER_TOKEN = 'kpat_StandInViewerToken00000000000000000000000000002';

export interface StandInOptions {
  /** one produced trace per this many ms in a running session (default 1000) */
  traceIntervalMs?: number;
  /** how long a new session stays `pending` (default 0) */
  pendingMs?: number;
  /** a clock that moves only by `clock.advance`, starting at this time (ms); default: the real time */
  manualClock?: number;
  tokens?: Record<string, 'admin' | 'viewer'>;
  seed?: Seed;
}

export interface StandInClock {
  now(): number;
  advance(ms: number): void;
}

export interface KonnectStandIn {
  url: string;
  seed: Seed;
  requests: LoggedRequest[];
  clock: StandInClock;
  /** forces a session's status (to see how a client meets one Kong may add); null goes back to the clock's */
  setStatus(sessionId: string, status: string | null): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** faults not yet (fully) used, to check a test really met them */
  pendingFaults(): Fault[];
  close(): Promise<void>;
}

const problem = (status: number, title: string, detail: string): Reply => ({
  status,
  contentType: 'application/problem+json',
  body: { status, title, type: `https://httpstatuses.com/${status}`, instance: `kong:trace:standin`, detail },
});

function publicApi(seed: Seed, method: string, parts: string[], q: URLSearchParams): Reply | null {
  if (method !== 'GET') return null;
  if (parts.length === 2) {
    const size = Number(q.get('page[size]') ?? 10);
    const number = Number(q.get('page[number]') ?? 1);
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      return { ...problem(400, 'Bad Request', 'Invalid request'), body: { status: 400, title: 'Bad Request', detail: 'Invalid request', invalid_parameters: [{ field: 'page[size]', reason: 'must be between 1 and 100', rule: 'range', source: 'query' }] } };
    }
    const needle = q.get('filter[name][contains]')?.toLowerCase();
    const all = seed.controlPlanes.filter((cp) => !needle || cp.name.toLowerCase().includes(needle));
    return { status: 200, body: { meta: { page: { number, size, total: all.length } }, data: all.slice((number - 1) * size, number * size) } };
  }
  const cpId = parts[2]!;
  if (!seed.controlPlanes.some((cp) => cp.id === cpId)) return problem(404, 'Not Found', `control plane ${cpId} not found`);
  if (parts.length === 3) return { status: 200, body: seed.controlPlanes.find((cp) => cp.id === cpId) };
  if (parts[3] === 'nodes' && parts.length === 4) {
    const nodes = seed.nodes[cpId] ?? [];
    const size = Number(q.get('page[size]') ?? 100);
    const after = q.get('page[after]');
    const from = after ? nodes.findIndex((n) => n.id === Buffer.from(after, 'base64url').toString()) + 1 : 0;
    if (after && from === 0) return problem(400, 'Bad Request', 'invalid page[after] cursor');
    const items = nodes.slice(from, from + size);
    const last = items[items.length - 1];
    const hasMore = from + size < nodes.length;
    const next = hasMore && last ? `/v2/control-planes/${cpId}/nodes?page[size]=${size}&page[after]=${Buffer.from(last.id).toString('base64url')}` : null;
    return { status: 200, body: { items, page: { total_count: nodes.length, next } } };
  }
  const kinds = { routes: seed.routes, services: seed.services, consumers: seed.consumers, upstreams: seed.upstreams } as Record<string, Record<string, unknown[]>>;
  if (parts[3] === 'core-entities' && parts[4]! in kinds && parts.length === 5) {
    const list: unknown[] = kinds[parts[4]!]![cpId] ?? [];
    const size = Number(q.get('size') ?? 100);
    const from = q.get('offset') ? Number(Buffer.from(q.get('offset')!, 'base64url').toString()) : 0;
    const end = from + size;
    const body: Record<string, unknown> = { data: list.slice(from, end) };
    if (end < list.length) body.offset = Buffer.from(String(end)).toString('base64url');
    return { status: 200, body };
  }
  return null;
}

export async function startKonnectStandIn(opts: StandInOptions = {}): Promise<KonnectStandIn> {
  const seed = opts.seed ?? buildSeed(opts.manualClock);
  const tokens = opts.tokens ?? { [STANDIN_TOKEN]: 'admin', [STANDIN_VIEWER_TOKEN]: 'viewer' };
  const sessions = new SessionsStandIn(seed, { traceIntervalMs: opts.traceIntervalMs ?? 1000, pendingMs: opts.pendingMs ?? 0 });
  let offset = 0;
  const clock: StandInClock = {
    now: () => (opts.manualClock ?? Date.now()) + offset,
    advance: (ms) => void (offset += ms),
  };
  let faults: Fault[] = [];
  const requests: LoggedRequest[] = [];

  /** The fault for this request: every matching fault counts it against its `after`, the first due one applies. */
  const takeFault = (method: string, path: string): Fault | undefined => {
    let due = -1;
    faults = faults.map((f, i) => {
      if ((f.path && !path.includes(f.path)) || (f.method && f.method !== method)) return f;
      if (f.after) return { ...f, after: f.after - 1 };
      if (due === -1) due = i;
      return f;
    });
    if (due === -1) return undefined;
    const f = faults[due]!;
    const left = (f.times ?? 1) - 1;
    if (left <= 0) faults.splice(due, 1);
    else faults[due] = { ...f, times: left };
    return f;
  };

  const send = (res: ServerResponse, reply: Reply) => {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json', ...reply.headers });
    res.end(text);
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c));
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    const method = req.method ?? 'GET';
    const bodyText = await readBody(req);
    if (url.pathname.startsWith('/__standin/')) {
      if (url.pathname === '/__standin/faults' && method === 'POST') faults.push(JSON.parse(bodyText) as Fault);
      else if (url.pathname === '/__standin/faults' && method === 'DELETE') faults = [];
      else if (url.pathname === '/__standin/requests') return send(res, { status: 200, body: requests });
      return send(res, { status: 204, body: null });
    }
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const role = tokens[token];
    const logged: LoggedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), at: Date.now(), auth: !token ? 'missing' : role ? 'ok' : 'unknown' };
    try {
      if (bodyText) logged.body = JSON.parse(bodyText);
    } catch {
      logged.body = bodyText;
    }
    requests.push(logged);

    const fault = takeFault(method, url.pathname);
    if (fault?.kind === 'drop') return req.socket.destroy();
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      const reply = problem(fault.status, fault.status === 429 ? 'Too Many Requests' : `Status ${fault.status}`, fault.detail ?? `stand-in fault ${fault.status}`);
      if (fault.retryAfterS !== undefined) reply.headers = { 'retry-after': String(fault.retryAfterS) };
      return send(res, reply);
    }
    if (!role) return send(res, problem(401, 'Unauthorized', token ? 'Invalid credentials' : 'No credentials found'));

    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'v2' || parts[1] !== 'control-planes') return send(res, problem(404, 'Not Found', `no route for ${url.pathname}`));
    if (parts[3] === 'debug-sessions') {
      let body: unknown;
      try {
        body = bodyText ? JSON.parse(bodyText) : undefined;
      } catch {
        return send(res, problem(400, 'Bad Request', 'request body is not JSON'));
      }
      if (!seed.controlPlanes.some((cp) => cp.id === parts[2])) return send(res, problem(404, 'Not Found', `control plane ${parts[2]} not found`));
      return send(res, sessions.handle(method, parts[2]!, parts.slice(4), url.searchParams, body, role === 'admin', clock.now()));
    }
    send(res, publicApi(seed, method, parts, url.searchParams) ?? problem(404, 'Not Found', `no route for ${method} ${url.pathname}`));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, problem(500, 'Internal Server Error', `stand-in bug: ${String(e)}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seed,
    requests,
    clock,
    setStatus: (id, status) => {
      const s = seed.sessions.find((x) => x.id === id);
      if (!s) throw new Error(`no session ${id} in the stand-in`);
      if (status === null) delete s.statusOverride;
      else s.statusOverride = status;
    },
    addFault: (f) => faults.push(f),
    clearFaults: () => (faults = []),
    pendingFaults: () => [...faults],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
