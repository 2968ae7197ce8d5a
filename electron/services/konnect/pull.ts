/**
 * Pulls a whole debugger session page by page (the CLI's `ktv konnect pull`). Transient failures after the
 * HTTP client's own retries (Konnect down, connection lost, still rate limited) resume from the last page
 * that arrived, and spans, log lines and payloads seen before are dropped, so a page fetched twice adds
 * nothing. What was pulled before a fatal error is handed back with the error, never lost.
 */
import { BridgeFailure } from '../../../shared/bridge/result';
import { backoffDelay } from '../../../shared/konnect/backoff';
import { hasEnded, type DebugSession } from '../../../shared/konnect/types';
import type { CallContext } from './http';
import type { SessionsApi } from './sessions-api';
import { asRec, asStr } from './wire';

export interface PulledSession {
  session: DebugSession | null;
  batches: unknown[];
  resourceLogs: unknown[];
  payloads: Record<string, unknown>;
  traceIds: string[];
  /** where to resume */
  cursor: string | null;
}

export class PullError extends Error {
  constructor(
    readonly failure: BridgeFailure,
    readonly partial: PulledSession,
  ) {
    super(failure.message);
    this.name = 'PullError';
  }
}

export interface PullOptions extends CallContext {
  /** keep polling a running session until it ends */
  follow?: boolean;
  pollMs?: number;
  /** consecutive transient failures tolerated before giving up */
  maxResumes?: number;
  /** told after each page with the new totals */
  onProgress?: (p: { traces: number; session: DebugSession }) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const TRANSIENT = new Set(['unavailable', 'timeout', 'rate-limited']);

/** Drops spans already seen (by traceId/spanId); returns only batches that still hold spans. */
export function newSpansOnly(batches: unknown[], seen: Set<string>): unknown[] {
  const out: unknown[] = [];
  for (const b of batches) {
    const batch = asRec(b);
    const scopeSpans: unknown[] = [];
    for (const ss of Array.isArray(batch.scopeSpans) ? batch.scopeSpans : []) {
      const spans = (Array.isArray(asRec(ss).spans) ? (asRec(ss).spans as unknown[]) : []).filter((sp) => {
        const key = `${asStr(asRec(sp).traceId)}/${asStr(asRec(sp).spanId)}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (spans.length) scopeSpans.push({ ...asRec(ss), spans });
    }
    if (scopeSpans.length) out.push({ ...batch, scopeSpans });
  }
  return out;
}

function newLogsOnly(resourceLogs: unknown[], seen: Set<string>): unknown[] {
  const out: unknown[] = [];
  for (const rl of resourceLogs) {
    const scopeLogs: unknown[] = [];
    for (const sl of Array.isArray(asRec(rl).scopeLogs) ? (asRec(rl).scopeLogs as unknown[]) : []) {
      const records = (Array.isArray(asRec(sl).logRecords) ? (asRec(sl).logRecords as unknown[]) : []).filter((r) => {
        const key = JSON.stringify(r);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (records.length) scopeLogs.push({ ...asRec(sl), logRecords: records });
    }
    if (scopeLogs.length) out.push({ ...asRec(rl), scopeLogs });
  }
  return out;
}

export async function pullSession(api: SessionsApi, cpId: string, sessionId: string, opts: PullOptions = {}): Promise<PulledSession> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const result: PulledSession = { session: null, batches: [], resourceLogs: [], payloads: {}, traceIds: [], cursor: null };
  const seenSpans = new Set<string>();
  const seenLogs = new Set<string>();
  const traceIds = new Set<string>();
  let failures = 0;
  let drained = false;
  for (;;) {
    let page;
    try {
      page = await api.pull(cpId, sessionId, result.cursor, opts);
    } catch (e) {
      const failure = e instanceof BridgeFailure ? e : new BridgeFailure('internal', e instanceof Error ? e.message : String(e));
      if (!TRANSIENT.has(failure.code) || ++failures > (opts.maxResumes ?? 3) || opts.signal?.aborted) throw new PullError(failure, result);
      const ms = backoffDelay(failures - 1);
      opts.onWait?.({ reason: failure.code === 'rate-limited' ? 'rate-limited' : 'unavailable', ms, retry: failures, what: 'Pull session', message: `${failure.message}; resuming from the last page received` });
      await sleep(ms);
      continue;
    }
    failures = 0;
    result.session = page.session;
    result.cursor = page.cursor;
    result.batches.push(...newSpansOnly(page.batches, seenSpans));
    result.resourceLogs.push(...newLogsOnly(page.resourceLogs, seenLogs));
    Object.assign(result.payloads, page.payloads);
    for (const id of page.traceIds) traceIds.add(id);
    result.traceIds = [...traceIds];
    opts.onProgress?.({ traces: traceIds.size, session: page.session });
    if (page.hasMore) continue;
    // completed, timed_out and cancelled end a follow; pending and in_progress keep it going
    if (!opts.follow || hasEnded(page.session, (opts.now ?? Date.now)())) {
      // when following, one more read after the end catches traces written between the two reads
      if (!opts.follow || drained) return result;
      drained = true;
      continue;
    }
    await sleep(opts.pollMs ?? 2000);
  }
}
