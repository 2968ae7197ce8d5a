/**
 * THE ONE MODULE that knows Konnect's debugger-session API. Kong has not published it: the session object,
 * the create body, the statuses and the list paging follow Kong's rendered draft (domain.md section 9); the
 * paths, the stop call and the data endpoints are inferred or assumed. docs/konnect-api.md marks each one.
 * When the real contract is known, this file (with that document and the stand-in) is what changes;
 * callers use `SessionsApi`.
 */
import { BridgeFailure } from '../../../shared/bridge/result';
import { ruleFromExpression, ruleToExpression } from '../../../shared/konnect/sampling-rule';
import type { DebugSession, SessionSpec } from '../../../shared/konnect/types';
import type { CallContext, KonnectErrorDetails, KonnectHttp } from './http';
import { cursorFrom } from './public-api';
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
/** inferred: the draft lists "Debug Sessions" under a control plane, with `controlPlaneId` and `debugSessionId` */
const base = (cpId: string) => `/v2/control-planes/${enc(cpId)}/debug-sessions`;

/** The create body exactly as Kong's draft names it; `capture_logs` (assumed) only when asked for. */
export function createBody(spec: SessionSpec): Rec {
  const body: Rec = {};
  if (spec.name?.trim()) body.name = spec.name.trim();
  body.sampling_rule = ruleToExpression(spec.rule);
  body.duration_secs = spec.durationS;
  body.max_samples = spec.maxSamples;
  body.capture_content = spec.captureHeaders ? (spec.captureBodies ? ['headers', 'body'] : ['headers']) : [];
  body.targets = spec.nodeIds;
  // the draft has no log-capture field: sent only when wanted, so a session without logs uses only
  // fields the draft names and cannot be refused for an unknown one
  if (spec.captureLogs) body.capture_logs = true;
  return body;
}

export function toSession(raw: unknown, cpId: string): DebugSession {
  const r = asRec(raw);
  const capture = Array.isArray(r.capture_content) ? r.capture_content.map((x) => asStr(x)) : [];
  const durationS = asNum(r.duration_secs, 300);
  const startedAt = isoTime(r.started_at);
  const createdAt = isoTime(r.created_at) ?? new Date(0).toISOString();
  const endsFrom = startedAt ?? (r.status === 'pending' ? null : createdAt);
  const s: DebugSession = {
    id: asStr(r.id),
    controlPlaneId: asStr(r.control_plane_id, cpId),
    // as Kong names it: an unknown status is shown as it comes, never mapped onto a known one
    status: asStr(r.status) || 'unknown',
    nodeIds: Array.isArray(r.targets) ? r.targets.map((x) => asStr(x)) : [],
    rule: ruleFromExpression(typeof r.sampling_rule === 'string' ? r.sampling_rule : null),
    durationS,
    maxSamples: asNum(r.max_samples, 200),
    captureLogs: r.capture_logs === true,
    captureHeaders: capture.includes('headers'),
    captureBodies: capture.includes('body'),
    createdAt,
    startedAt,
    endsAt: isoTime(r.ends_at) ?? (endsFrom ? new Date(Date.parse(endsFrom) + durationS * 1000).toISOString() : null),
    endedAt: isoTime(r.ended_at),
    traceCount: asNum(r.trace_count),
    logCount: asNum(r.log_count),
  };
  if (typeof r.name === 'string' && r.name) s.name = r.name;
  if (!s.id) throw new BridgeFailure('decode', 'Konnect returned a debugger session without an id');
  return s;
}

/** Konnect's body field names -> the form's field names, so 400s land next to the right input. */
const FIELD_NAMES: [RegExp, keyof SessionSpec][] = [
  [/^targets/, 'nodeIds'],
  [/^duration_secs/, 'durationS'],
  [/^max_samples/, 'maxSamples'],
  [/^sampling_rule/, 'rule'],
  [/^capture_logs/, 'captureLogs'],
  [/^capture_content/, 'captureBodies'],
  [/^name/, 'name'],
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

/**
 * The ways a session might be stopped, tried in this order until one is not refused as an unknown route
 * (404 or 405). The draft's role grants "delete" and names a `cancelled` status but shows no stop verb, so
 * DELETE comes first; the stand-in implements only that one (docs/konnect-api.md, "Stop").
 */
export const STOP_FORMS: { method: 'DELETE' | 'POST' | 'PATCH'; path: (cpId: string, id: string) => string; body?: unknown }[] = [
  { method: 'DELETE', path: (cp, id) => `${base(cp)}/${enc(id)}` },
  { method: 'POST', path: (cp, id) => `${base(cp)}/${enc(id)}/stop` },
  { method: 'PATCH', path: (cp, id) => `${base(cp)}/${enc(id)}`, body: { status: 'cancelled' } },
];

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
    private readonly listPageSize = 100,
  ) {}

  async list(cpId: string, ctx: CallContext = {}): Promise<DebugSession[]> {
    const what = 'List debugger sessions';
    const out: DebugSession[] = [];
    const seen = new Set<string>();
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const body = await this.http.request<unknown>('GET', base(cpId), { ...ctx, what, query: { 'page[size]': this.listPageSize, 'page[after]': after ?? undefined } });
      out.push(...arrayField(body, 'data', what).map((s) => toSession(s, cpId)));
      const next = cursorFrom(asRec(asRec(asRec(body).meta).page).next);
      // a cursor seen before would loop forever; stop there rather than trust the server
      if (!next || seen.has(next)) break;
      seen.add(next);
      after = next;
    }
    return out;
  }

  async get(cpId: string, sessionId: string, ctx: CallContext = {}): Promise<DebugSession> {
    return toSession(await this.http.request<unknown>('GET', `${base(cpId)}/${enc(sessionId)}`, { ...ctx, what: 'Get debugger session' }), cpId);
  }

  async start(cpId: string, spec: SessionSpec, ctx: CallContext = {}): Promise<DebugSession> {
    const raw = await this.http.request<unknown>('POST', base(cpId), { ...ctx, what: 'Start debugger session', body: createBody(spec) }).catch(mapInvalidFields);
    return toSession(raw, cpId);
  }

  /** the stop form that worked last, tried first next time */
  private stopForm = 0;

  async stop(cpId: string, sessionId: string, ctx: CallContext = {}): Promise<DebugSession> {
    const what = 'Stop debugger session';
    const order = [this.stopForm, ...STOP_FORMS.keys()].filter((i, n, all) => all.indexOf(i) === n);
    const refused: BridgeFailure[] = [];
    for (const i of order) {
      const form = STOP_FORMS[i]!;
      try {
        // stopping twice is harmless, so a lost answer may be retried
        const raw = await this.http.request<unknown>(form.method, form.path(cpId, sessionId), { ...ctx, what, body: form.body, idempotent: true });
        this.stopForm = i;
        // a 204 (or an answer that is not the session) says nothing of the status: read it
        return asRec(raw).id ? toSession(raw, cpId) : await this.get(cpId, sessionId, ctx);
      } catch (e) {
        const status = e instanceof BridgeFailure ? (e.details as KonnectErrorDetails | undefined)?.status : undefined;
        if (status !== 404 && status !== 405) throw e;
        refused.push(e as BridgeFailure);
      }
    }
    const tried = order.map((i) => `${STOP_FORMS[i]!.method} ${STOP_FORMS[i]!.path(cpId, sessionId)}`).join(', ');
    throw new BridgeFailure(refused[0]!.code, `${refused[0]!.message} (tried ${tried})`, refused[0]!.details);
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
    const payloads = session.captureHeaders ? await page('payloads', cursor.p) : null;
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
