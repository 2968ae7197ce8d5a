/**
 * The stand-in's debugger-session API, to the shapes of Kong's draft (docs/konnect-api.md): a session under
 * `/v2/control-planes/{cp}/debug-sessions`, its create body (`name`, `sampling_rule`, `duration_secs`,
 * `max_samples` per node, `capture_content`, `targets`), the statuses `pending`, `in_progress`,
 * `completed`, `timed_out`, `cancelled`, cursor paging of the list (`page[size]`, `page[after]`,
 * `meta.page.next`) and UUIDv7 ids. Stopping is `DELETE …/{id}` (the draft's role grants "delete").
 *
 * Time is the stand-in's clock (server.ts), which tests may move: a session is `pending` for `pendingMs`,
 * then produces one trace per `traceIntervalMs` until its duration passes (`timed_out`) or every target
 * has sent `max_samples` (`completed`).
 */
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Seed, SessionRecord } from './seed';
import { FIXTURE_SESSION_ID, fixtureBatches, generateLogs, generatePayload, generateTrace, rootSpanIdHex, traceIdHexOf, type WireBatch } from './traces';
import type { Reply } from './server';

export interface SessionsOptions {
  traceIntervalMs: number;
  /** how long a new session stays `pending` before its nodes pick it up (default 0) */
  pendingMs: number;
}

/** the body fields the draft names, and the one assumed extension (`capture_logs`) */
const BODY_FIELDS = new Set(['name', 'sampling_rule', 'duration_secs', 'max_samples', 'capture_content', 'targets', 'capture_logs']);
const BASIC_RULE = /^proxy\.kong\.(route|service)\.id == "([^"]+)"$/;

const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  contentType: 'application/problem+json',
  body: { status, title, type: `https://httpstatuses.com/${status}`, instance: `kong:trace:${randomUUID()}`, detail, ...extra },
});

const compareVersion = (v: string, min: number[]) => {
  const parts = v.split(/[.-]/).map(Number);
  for (let i = 0; i < min.length; i++) {
    const d = (parts[i] ?? 0) - min[i]!;
    if (d !== 0) return d;
  }
  return 0;
};

export class SessionsStandIn {
  private traceCache = new Map<string, WireBatch[]>();

  constructor(
    private seed: Seed,
    private opts: SessionsOptions,
  ) {}

  /** traces the whole session may bring: max_samples from each target */
  private cap = (s: SessionRecord) => s.max_samples * Math.max(1, s.targets.length);

  produced(s: SessionRecord, now: number): number {
    const end = Math.min(s.cancelledMs ?? now, now, s.startedMs + s.duration_secs * 1000);
    const made = s.preloaded + Math.floor(Math.max(0, end - s.startedMs) / this.opts.traceIntervalMs);
    return Math.min(this.cap(s), made);
  }

  status(s: SessionRecord, now: number): string {
    if (s.statusOverride) return s.statusOverride;
    if (s.cancelledMs !== null) return 'cancelled';
    if (this.produced(s, now) >= this.cap(s)) return 'completed';
    if (now >= s.startedMs + s.duration_secs * 1000) return 'timed_out';
    return now < s.startedMs ? 'pending' : 'in_progress';
  }

  view(s: SessionRecord, now: number): Record<string, unknown> {
    const { startedMs, cancelledMs, preloaded: _p, statusOverride: _o, ...rest } = s;
    const status = this.status(s, now);
    const produced = this.produced(s, now);
    const started = now >= startedMs;
    const endMs = status === 'cancelled' ? cancelledMs! : status === 'timed_out' ? startedMs + s.duration_secs * 1000 : status === 'completed' ? Math.min(now, startedMs + Math.max(0, this.cap(s) - s.preloaded) * this.opts.traceIntervalMs) : null;
    return {
      ...rest,
      status,
      updated_at: new Date(now).toISOString(),
      // assumed fields (not in the draft): when it started and ended, what it has brought so far
      started_at: started ? new Date(startedMs).toISOString() : null,
      ended_at: endMs === null ? null : new Date(endMs).toISOString(),
      trace_count: produced,
      log_count: s.capture_logs ? produced * 2 : 0,
    };
  }

  private find(cpId: string, id: string): SessionRecord | undefined {
    return this.seed.sessions.find((s) => s.id === id && s.control_plane_id === cpId);
  }

  private trace(s: SessionRecord, n: number): WireBatch[] {
    const key = `${s.id}/${n}`;
    let batches = this.traceCache.get(key);
    if (!batches) {
      batches = s.id === FIXTURE_SESSION_ID && n === 0 ? fixtureBatches() : generateTrace(s.id, n, s.startedMs + n * this.opts.traceIntervalMs);
      this.traceCache.set(key, batches);
    }
    return batches;
  }

  handle(method: string, cpId: string, rest: string[], query: URLSearchParams, body: unknown, canCreate: boolean, now: number): Reply {
    if (rest.length === 0 && method === 'GET') return this.list(cpId, query, now);
    if (rest.length === 0 && method === 'POST') return this.create(cpId, body, canCreate, now);
    const s = this.find(cpId, rest[0]!);
    if (!s) return problem(404, 'Not Found', `debug session ${rest[0]} not found on control plane ${cpId}`);
    if (rest.length === 1 && method === 'GET') return { status: 200, body: this.view(s, now) };
    if (rest.length === 1 && method === 'DELETE') {
      if (!canCreate) return problem(403, 'Forbidden', 'You do not have permission to delete debug sessions');
      const status = this.status(s, now);
      // stopping an ended session changes nothing (assumed); the session stays listed as `cancelled`
      if (status === 'pending' || status === 'in_progress') s.cancelledMs = now;
      return { status: 200, body: this.view(s, now) };
    }
    if (method === 'GET' && (rest[1] === 'traces' || rest[1] === 'logs' || rest[1] === 'payloads')) return this.page(s, rest[1], query, now);
    return problem(404, 'Not Found', `no route for ${method} ${rest.join('/')}`);
  }

  private list(cpId: string, query: URLSearchParams, now: number): Reply {
    const size = Number(query.get('page[size]') ?? 10);
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      return problem(400, 'Bad Request', 'Invalid request', { invalid_parameters: [{ field: 'page[size]', reason: 'must be between 1 and 100', rule: 'range', source: 'query' }] });
    }
    // UUIDv7 ids sort by creation time: newest first is the ids in descending order
    const all = this.seed.sessions.filter((s) => s.control_plane_id === cpId).sort((a, b) => (a.id < b.id ? 1 : -1));
    const after = query.get('page[after]');
    const from = after ? all.findIndex((s) => s.id === Buffer.from(after, 'base64url').toString()) + 1 : 0;
    if (after && from === 0) return problem(400, 'Bad Request', 'invalid page[after] cursor');
    const data = all.slice(from, from + size);
    const last = data[data.length - 1];
    const cursor = (id: string) => Buffer.from(id).toString('base64url');
    const next = from + size < all.length && last ? `/v2/control-planes/${cpId}/debug-sessions?page[size]=${size}&page[after]=${cursor(last.id)}` : null;
    const previous = from > 0 ? `/v2/control-planes/${cpId}/debug-sessions?page[size]=${size}` : null;
    return { status: 200, body: { data: data.map((s) => this.view(s, now)), meta: { page: { size, next, previous } } } };
  }

  private create(cpId: string, raw: unknown, canCreate: boolean, now: number): Reply {
    if (!canCreate) return problem(403, 'Forbidden', 'You do not have permission to create debug sessions; ask an admin for the Debug Session Creator role');
    const b = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const invalid: { field: string; reason: string; rule: string; source: string }[] = [];
    const bad = (field: string, reason: string, rule = 'invalid') => invalid.push({ field, reason, rule, source: 'body' });
    for (const key of Object.keys(b)) if (!BODY_FIELDS.has(key)) bad(key, 'is not a field of a debug session', 'unknown');
    const nodes = this.seed.nodes[cpId] ?? [];
    const ids = Array.isArray(b.targets) ? (b.targets as unknown[]) : [];
    if (ids.length === 0) bad('targets', 'at least one data plane node is required', 'min_items');
    for (const id of ids) {
      const node = nodes.find((n) => n.id === id);
      if (!node) bad('targets', `node ${String(id)} is not connected to this control plane`);
      else if (compareVersion(node.version, [3, 9, 1]) < 0) bad('targets', `node ${node.hostname} runs ${node.version}; debug sessions need 3.9.1 or later`);
      else if (b.capture_logs === true && compareVersion(node.version, [3, 11]) < 0) bad('capture_logs', `node ${node.hostname} runs ${node.version}; log capture needs 3.11 or later`);
    }
    const duration = b.duration_secs;
    if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 10 || duration > 1800) bad('duration_secs', 'must be an integer between 10 and 1800', 'range');
    const max = b.max_samples;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000) bad('max_samples', 'must be an integer between 1 and 1000', 'range');
    const rule = b.sampling_rule;
    if (rule !== null && (typeof rule !== 'string' || rule.trim() === '')) bad('sampling_rule', 'must be an expression or null', 'type');
    const basic = typeof rule === 'string' ? BASIC_RULE.exec(rule) : null;
    if (basic) {
      const list: { id: string }[] = (basic[1] === 'route' ? this.seed.routes[cpId] : this.seed.services[cpId]) ?? [];
      if (!list.some((e) => e.id === basic[2])) bad('sampling_rule', `${basic[1]} ${basic[2]} not found`);
    }
    const capture = b.capture_content;
    const captureOk = Array.isArray(capture) && [[], ['headers'], ['headers', 'body']].some((ok) => JSON.stringify(ok) === JSON.stringify(capture));
    if (!captureOk) bad('capture_content', 'must be [], ["headers"] or ["headers","body"]', 'enum');
    if (b.name !== undefined && typeof b.name !== 'string') bad('name', 'must be a string', 'type');
    if (invalid.length) return problem(400, 'Bad Request', 'Invalid request', { invalid_parameters: invalid });
    const busy = this.seed.sessions.find((s) => s.control_plane_id === cpId && ['pending', 'in_progress'].includes(this.status(s, now)) && s.targets.some((id) => ids.includes(id)));
    if (busy) return problem(409, 'Conflict', `a debug session (${busy.id}) is already running on one of these nodes`);
    const s: SessionRecord = {
      id: uuidv7({ msecs: now }),
      control_plane_id: cpId,
      name: typeof b.name === 'string' ? b.name : null,
      targets: ids as string[],
      sampling_rule: rule as string | null,
      duration_secs: duration as number,
      max_samples: max as number,
      capture_content: capture as string[],
      capture_logs: b.capture_logs === true,
      created_at: new Date(now).toISOString(),
      startedMs: now + this.opts.pendingMs,
      cancelledMs: null,
      preloaded: 0,
    };
    this.seed.sessions.push(s);
    return { status: 201, body: this.view(s, now) };
  }

  private page(s: SessionRecord, kind: 'traces' | 'logs' | 'payloads', query: URLSearchParams, now: number): Reply {
    const after = query.get('page[after]');
    const from = after ? Number(after) : 0;
    if (!Number.isInteger(from) || from < 0) {
      return problem(400, 'Bad Request', 'Invalid request', { invalid_parameters: [{ field: 'page[after]', reason: 'is not a cursor this server issued', rule: 'invalid', source: 'query' }] });
    }
    const produced = this.produced(s, now);
    const perTrace = kind === 'logs' ? 2 : 1;
    const enabled = kind === 'traces' || (kind === 'logs' ? s.capture_logs : s.capture_content.includes('headers'));
    const available = enabled ? produced * perTrace : 0;
    const size = Math.max(1, Math.min(1000, Number(query.get('page[size]') ?? (kind === 'logs' ? 100 : 50))));
    const end = Math.min(available, from + size);
    const page = { next: String(Math.max(from, end)), has_more: end < available };
    if (kind === 'traces') {
      const batches: WireBatch[] = [];
      for (let n = from; n < end; n++) batches.push(...this.trace(s, n));
      return { status: 200, body: { batches, page } };
    }
    if (kind === 'logs') {
      const records: unknown[] = [];
      for (let i = from; i < end; i++) {
        const n = Math.floor(i / 2);
        const t = this.trace(s, n);
        records.push(generateLogs(traceIdHexOf(t), rootSpanIdHex(t), s.startedMs + n * this.opts.traceIntervalMs)[i % 2]);
      }
      const resourceLogs = records.length
        ? [{ resource: { attributes: [{ key: 'session.id', value: { stringValue: s.id } }, { key: 'service.name', value: { stringValue: 'kong' } }] }, scopeLogs: [{ scope: { name: 'kong' }, logRecords: records }] }]
        : [];
      return { status: 200, body: { resourceLogs, page } };
    }
    const payloads: Record<string, unknown> = {};
    for (let n = from; n < end; n++) {
      const p = generatePayload(n);
      if (!s.capture_content.includes('body')) {
        delete p.request_body;
        delete p.response_body;
      }
      payloads[`${traceIdHexOf(this.trace(s, n))}:reqres`] = p;
    }
    return { status: 200, body: { payloads, page } };
  }
}
