/**
 * The stand-in's debugger-session API, implementing the ASSUMED contract in docs/konnect-api.md. Traces
 * "arrive" over time: a running session has produced one trace per `traceIntervalMs` since it started,
 * up to its maximum; pages are cut from that list by an index cursor.
 */
import { randomUUID } from 'node:crypto';
import type { Seed, SessionRecord } from './seed';
import { FIXTURE_SESSION_ID, fixtureBatches, generateLogs, generatePayload, generateTrace, rootSpanIdHex, traceIdHexOf, type WireBatch } from './traces';
import type { Reply } from './server';

export interface SessionsOptions {
  traceIntervalMs: number;
}

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

  produced(s: SessionRecord, now: number): number {
    const end = Math.min(s.stoppedMs ?? now, s.startedMs + s.duration * 1000);
    const made = s.preloaded + Math.floor(Math.max(0, end - s.startedMs) / this.opts.traceIntervalMs);
    return Math.min(s.max_traces, made);
  }

  private state(s: SessionRecord, now: number): { status: string; end_reason: string | null; ended_at: string | null } {
    const produced = this.produced(s, now);
    const endMs = s.startedMs + s.duration * 1000;
    if (s.stoppedMs !== null) return { status: 'stopped', end_reason: 'stopped', ended_at: new Date(s.stoppedMs).toISOString() };
    if (produced >= s.max_traces) {
      const at = s.startedMs + Math.max(0, s.max_traces - s.preloaded) * this.opts.traceIntervalMs;
      return { status: 'completed', end_reason: 'max_traces_reached', ended_at: new Date(Math.min(at, endMs)).toISOString() };
    }
    if (now >= endMs) return { status: 'completed', end_reason: 'duration_reached', ended_at: new Date(endMs).toISOString() };
    return { status: 'running', end_reason: null, ended_at: null };
  }

  view(s: SessionRecord, now: number): Record<string, unknown> {
    const { startedMs, stoppedMs: _s, preloaded: _p, ...rest } = s;
    const produced = this.produced(s, now);
    return {
      ...rest,
      ...this.state(s, now),
      started_at: new Date(startedMs).toISOString(),
      ends_at: new Date(startedMs + s.duration * 1000).toISOString(),
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
    if (rest.length === 0 && method === 'GET') {
      const size = Number(query.get('page[size]') ?? 10);
      const number = Number(query.get('page[number]') ?? 1);
      const all = this.seed.sessions.filter((s) => s.control_plane_id === cpId).sort((a, b) => b.startedMs - a.startedMs);
      return { status: 200, body: { meta: { page: { number, size, total: all.length } }, data: all.slice((number - 1) * size, number * size).map((s) => this.view(s, now)) } };
    }
    if (rest.length === 0 && method === 'POST') return this.create(cpId, body, canCreate, now);
    const s = this.find(cpId, rest[0]!);
    if (!s) return problem(404, 'Not Found', `debugger session ${rest[0]} not found on control plane ${cpId}`);
    if (rest.length === 1 && method === 'GET') return { status: 200, body: this.view(s, now) };
    if (rest[1] === 'stop' && method === 'POST') {
      if (!canCreate) return problem(403, 'Forbidden', 'You do not have permission to stop debugger sessions');
      if (this.state(s, now).status === 'running') s.stoppedMs = now;
      return { status: 200, body: this.view(s, now) };
    }
    if (method === 'GET' && (rest[1] === 'traces' || rest[1] === 'logs' || rest[1] === 'payloads')) return this.page(s, rest[1], query, now);
    return problem(404, 'Not Found', `no route for ${method} ${rest.join('/')}`);
  }

  private create(cpId: string, raw: unknown, canCreate: boolean, now: number): Reply {
    if (!canCreate) return problem(403, 'Forbidden', 'You do not have permission to create debugger sessions; ask an admin for the Debug Session Creator role');
    const b = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const invalid: { field: string; reason: string; rule: string; source: string }[] = [];
    const bad = (field: string, reason: string, rule = 'invalid') => invalid.push({ field, reason, rule, source: 'body' });
    const nodes = this.seed.nodes[cpId] ?? [];
    const ids = Array.isArray(b.data_plane_node_ids) ? (b.data_plane_node_ids as unknown[]) : [];
    if (ids.length === 0) bad('data_plane_node_ids', 'at least one data plane node is required', 'min_items');
    for (const id of ids) {
      const node = nodes.find((n) => n.id === id);
      if (!node) bad('data_plane_node_ids', `node ${String(id)} is not connected to this control plane`);
      else if (compareVersion(node.version, [3, 9, 1]) < 0) bad('data_plane_node_ids', `node ${node.hostname} runs ${node.version}; debugger sessions need 3.9.1 or later`);
      else if (b.capture_logs === true && compareVersion(node.version, [3, 11]) < 0) bad('capture_logs', `node ${node.hostname} runs ${node.version}; log capture needs 3.11 or later`);
    }
    const duration = b.duration;
    if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 10 || duration > 1800) bad('duration', 'must be an integer between 10 and 1800', 'range');
    const maxTraces = b.max_traces;
    if (typeof maxTraces !== 'number' || !Number.isInteger(maxTraces) || maxTraces < 1 || maxTraces > 1000) bad('max_traces', 'must be an integer between 1 and 1000', 'range');
    const rule = (typeof b.sampling_rule === 'object' && b.sampling_rule !== null ? b.sampling_rule : {}) as Record<string, unknown>;
    if (rule.type === 'route') {
      if (!(this.seed.routes[cpId] ?? []).some((r) => r.id === rule.route_id)) bad('sampling_rule.route_id', 'route not found');
    } else if (rule.type === 'service') {
      if (!(this.seed.services[cpId] ?? []).some((r) => r.id === rule.service_id)) bad('sampling_rule.service_id', 'service not found');
    } else if (rule.type === 'expression') {
      if (typeof rule.expression !== 'string' || rule.expression.trim() === '') bad('sampling_rule.expression', 'must not be empty', 'required');
    } else bad('sampling_rule.type', 'must be one of route, service, expression', 'enum');
    if (invalid.length) return problem(400, 'Bad Request', 'Invalid request', { invalid_parameters: invalid });
    const busy = this.seed.sessions.find((s) => s.control_plane_id === cpId && this.state(s, now).status === 'running' && s.data_plane_node_ids.some((id) => ids.includes(id)));
    if (busy) return problem(409, 'Conflict', `a debugger session (${busy.id}) is already running on one of these nodes`);
    const s: SessionRecord = {
      id: randomUUID(),
      control_plane_id: cpId,
      data_plane_node_ids: ids as string[],
      sampling_rule: rule,
      duration: duration as number,
      max_traces: maxTraces as number,
      capture_logs: b.capture_logs === true,
      capture_headers: b.capture_headers === true,
      capture_bodies: b.capture_bodies === true,
      created_at: new Date(now).toISOString(),
      startedMs: now,
      stoppedMs: null,
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
    const enabled = kind === 'traces' || (kind === 'logs' ? s.capture_logs : s.capture_headers || s.capture_bodies);
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
      if (!s.capture_bodies) {
        delete p.request_body;
        delete p.response_body;
      }
      payloads[`${traceIdHexOf(this.trace(s, n))}:reqres`] = p;
    }
    return { status: 200, body: { payloads, page } };
  }
}
