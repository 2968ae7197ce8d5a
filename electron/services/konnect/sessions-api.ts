/**
 * THE ONE MODULE that knows Konnect's debugger-session API. That API is not published: the paths and
 * shapes used here are the assumed contract written down in docs/konnect-api.md. When the real contract
 * is known, this file (with that document and the stand-in) is what changes; callers use `SessionsApi`.
 */
import { BridgeFailure } from '../../../shared/bridge/result';
import type { DebugSession, SamplingRule, SessionSpec, SessionState } from '../../../shared/konnect/types';
import type { CallContext, KonnectErrorDetails, KonnectHttp } from './http';
import { arrayField, asBool, asNum, asRec, asStr, isoTime, type Rec } from './wire';

/** One page of a session's data, as parsed JSON (the handler serializes it for the bridge). */
export interface SessionPage {
  /** Konnect debugger `batches` (domain.md section 4) */
  batches: unknown[];
  /** OTLP/JSON resourceLogs */
  resourceLogs: unknown[];
  /** `{ "<traceid>:reqres": {...} }`, not yet sanitized */
  payloads: Record<string, unknown>;
  /** hex trace ids on this page */
  traceIds: string[];
  cursor: string;
  hasMore: boolean;
  session: DebugSession;
}

export interface SessionsApi {
  list(cpId: string, ctx?: CallContext): Promise<DebugSession[]>;
  get(cpId: string, sessionId: string, ctx?: CallContext): Promise<DebugSession>;
  start(cpId: string, spec: SessionSpec, ctx?: CallContext): Promise<DebugSession>;
  stop(cpId: string, sessionId: string, ctx?: CallContext): Promise<DebugSession>;
  /** the next page after `cursor` (null: from the start); an old cursor returns the same items again */
  pull(cpId: string, sessionId: string, cursor: string | null, ctx?: CallContext): Promise<SessionPage>;
}

const enc = encodeURIComponent;
const base = (cpId: string) => `/v2/control-planes/${enc(cpId)}/debugger/sessions`;

const STATES: Record<string, SessionState> = { pending: 'pending', running: 'running', active: 'running', completed: 'completed', done: 'completed', stopped: 'stopped', cancelled: 'stopped', failed: 'failed', error: 'failed' };

function toRule(raw: unknown): SamplingRule {
  const r = asRec(raw);
  if (r.type === 'route') return { kind: 'route', routeId: asStr(r.route_id) };
  if (r.type === 'service') return { kind: 'service', serviceId: asStr(r.service_id) };
  return { kind: 'expression', expression: asStr(r.expression) };
}

/** An empty expression is sent as no rule at all: Kong's "capture every request" (domain.md section 5). */
function fromRule(rule: SamplingRule): Rec | null {
  if (rule.kind === 'route') return { type: 'route', route_id: rule.routeId };
  if (rule.kind === 'service') return { type: 'service', service_id: rule.serviceId };
  const expression = rule.expression.trim();
  return expression === '' ? null : { type: 'expression', expression };
}

export function toSession(raw: unknown, cpId: string): DebugSession {
  const r = asRec(raw);
  const s: DebugSession = {
    id: asStr(r.id),
    controlPlaneId: asStr(r.control_plane_id, cpId),
    state: STATES[asStr(r.status).toLowerCase()] ?? 'pending',
    nodeIds: Array.isArray(r.data_plane_node_ids) ? r.data_plane_node_ids.map((x) => asStr(x)) : [],
    rule: toRule(r.sampling_rule),
    durationS: asNum(r.duration, 300),
    maxTraces: asNum(r.max_traces, 200),
    captureLogs: asBool(r.capture_logs),
    captureHeaders: asBool(r.capture_headers),
    captureBodies: asBool(r.capture_bodies),
    createdAt: isoTime(r.created_at) ?? new Date(0).toISOString(),
    startedAt: isoTime(r.started_at),
    endsAt: isoTime(r.ends_at),
    endedAt: isoTime(r.ended_at),
    traceCount: asNum(r.trace_count),
    logCount: asNum(r.log_count),
  };
  if (typeof r.end_reason === 'string' && r.end_reason) s.endReason = r.end_reason.replace(/_/g, ' ');
  if (!s.id) throw new BridgeFailure('decode', 'Konnect returned a debugger session without an id');
  return s;
}

/** Konnect's body field names -> the form's field names, so 400s land next to the right input. */
const FIELD_NAMES: [RegExp, keyof SessionSpec][] = [
  [/^data_plane_node_ids/, 'nodeIds'],
  [/^duration/, 'durationS'],
  [/^max_traces/, 'maxTraces'],
  [/^sampling_rule/, 'rule'],
  [/^capture_logs/, 'captureLogs'],
  [/^capture_headers/, 'captureHeaders'],
  [/^capture_bodies/, 'captureBodies'],
];

function mapInvalidFields(e: unknown): never {
  if (e instanceof BridgeFailure && e.code === 'invalid-argument') {
    const d = (e.details ?? {}) as KonnectErrorDetails;
    if (d.invalidParameters) {
      const invalidParameters = d.invalidParameters.map((p) => ({ ...p, field: FIELD_NAMES.find(([re]) => re.test(p.field))?.[1] ?? p.field }));
      throw new BridgeFailure(e.code, e.message, { ...d, invalidParameters });
    }
  }
  throw e;
}

interface Cursor {
  t: string | null;
  l: string | null;
  p: string | null;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string | null): Cursor {
  if (!text) return { t: null, l: null, p: null };
  try {
    const c = asRec(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    const part = (x: unknown) => (typeof x === 'string' ? x : null);
    return { t: part(c.t), l: part(c.l), p: part(c.p) };
  } catch {
    throw new BridgeFailure('invalid-argument', 'Pull session traces: the cursor is not one this app issued');
  }
}

/** Hex trace ids of a batches document (Konnect writes them base64). */
function traceIdsOf(batches: unknown[]): string[] {
  const ids = new Set<string>();
  for (const b of batches) {
    for (const ss of Array.isArray(asRec(b).scopeSpans) ? (asRec(b).scopeSpans as unknown[]) : []) {
      for (const sp of Array.isArray(asRec(ss).spans) ? (asRec(ss).spans as unknown[]) : []) {
        const id = asStr(asRec(sp).traceId);
        ids.add(/^[0-9a-fA-F]{32}$/.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex'));
      }
    }
  }
  return [...ids];
}

export class HttpSessionsApi implements SessionsApi {
  constructor(
    private readonly http: KonnectHttp,
    private readonly pageSize = 50,
  ) {}

  async list(cpId: string, ctx: CallContext = {}): Promise<DebugSession[]> {
    const what = 'List debugger sessions';
    const out: DebugSession[] = [];
    for (let pageNumber = 1; pageNumber <= 20; pageNumber++) {
      const body = await this.http.request<unknown>('GET', base(cpId), { ...ctx, what, query: { 'page[size]': 100, 'page[number]': pageNumber } });
      const items = arrayField(body, 'data', what);
      out.push(...items.map((s) => toSession(s, cpId)));
      const total = asNum(asRec(asRec(asRec(body).meta).page).total, out.length);
      if (items.length === 0 || out.length >= total) break;
    }
    return out;
  }

  async get(cpId: string, sessionId: string, ctx: CallContext = {}): Promise<DebugSession> {
    return toSession(await this.http.request<unknown>('GET', `${base(cpId)}/${enc(sessionId)}`, { ...ctx, what: 'Get debugger session' }), cpId);
  }

  async start(cpId: string, spec: SessionSpec, ctx: CallContext = {}): Promise<DebugSession> {
    const body = {
      data_plane_node_ids: spec.nodeIds,
      sampling_rule: fromRule(spec.rule),
      duration: spec.durationS,
      max_traces: spec.maxTraces,
      capture_logs: spec.captureLogs,
      capture_headers: spec.captureHeaders,
      capture_bodies: spec.captureBodies,
    };
    const raw = await this.http.request<unknown>('POST', base(cpId), { ...ctx, what: 'Start debugger session', body }).catch(mapInvalidFields);
    return toSession(raw, cpId);
  }

  async stop(cpId: string, sessionId: string, ctx: CallContext = {}): Promise<DebugSession> {
    // stopping twice is harmless, so a lost answer may be retried
    const raw = await this.http.request<unknown>('POST', `${base(cpId)}/${enc(sessionId)}/stop`, { ...ctx, what: 'Stop debugger session', idempotent: true });
    return toSession(raw, cpId);
  }

  async pull(cpId: string, sessionId: string, cursorText: string | null, ctx: CallContext = {}): Promise<SessionPage> {
    const cursor = decodeCursor(cursorText);
    const session = await this.get(cpId, sessionId, ctx);
    const page = async (kind: 'traces' | 'logs' | 'payloads', after: string | null) => {
      const body = await this.http.request<unknown>('GET', `${base(cpId)}/${enc(sessionId)}/${kind}`, {
        ...ctx,
        what: `Pull session ${kind}`,
        query: { 'page[size]': kind === 'logs' ? this.pageSize * 4 : this.pageSize, 'page[after]': after ?? undefined },
      });
      const p = asRec(asRec(body).page);
      return { body: asRec(body), next: typeof p.next === 'string' ? p.next : after, more: asBool(p.has_more) };
    };
    const traces = await page('traces', cursor.t);
    const logs = session.captureLogs ? await page('logs', cursor.l) : null;
    const payloads = session.captureHeaders || session.captureBodies ? await page('payloads', cursor.p) : null;
    const batches = arrayField(traces.body, 'batches', 'Pull session traces');
    return {
      batches,
      resourceLogs: logs && Array.isArray(logs.body.resourceLogs) ? logs.body.resourceLogs : [],
      payloads: payloads ? asRec(payloads.body.payloads) : {},
      traceIds: traceIdsOf(batches),
      cursor: encodeCursor({ t: traces.next, l: logs?.next ?? cursor.l, p: payloads?.next ?? cursor.p }),
      hasMore: traces.more || !!logs?.more || !!payloads?.more,
      session,
    };
  }
}
