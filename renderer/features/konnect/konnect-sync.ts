/**
 * Follows Konnect debugger sessions for the whole page (not one mounted dialog): polls each followed
 * session for new pages with back-off, writes every page through the importer into session
 * `konnect:<id>` so traces appear in the list as they arrive, and saves the pull cursor only after the page
 * is stored. A reload resumes from the saved cursor; a page fetched twice merges, never duplicates. A
 * session that is completed, timed_out or cancelled is read once more and then no longer polled.
 * Names for the entity ids each page carries are looked up beside the pull (entity-lookup.ts).
 */
import { backoffDelay } from '../../../shared/konnect/backoff';
import { ruleText } from '../../../shared/konnect/sampling-rule';
import { hasEnded, type DebugSession } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { startImport } from '../../db/ingest-client';
import type { SessionInit } from '../../db/ingest-types';
import { updateSession, upsertSession } from '../../db/repo';
import { useStore } from '../../store';
import { lookUpNames } from './entity-lookup';
import { describeFailure } from './failure';
import { newSessionRow } from '../../db/schema';

export interface LivePull {
  sessionId: string;
  accountId: string;
  controlPlaneId: string;
  controlPlaneName: string;
  cursor: string | null;
  session: DebugSession | null;
  /** following, finished (everything pulled), or paused by an error that needs the user */
  phase: 'following' | 'done' | 'paused';
  error: string | null;
  signInAgain: boolean;
  /** seconds the Node side is waiting before a retry (429 or back-off), while it waits */
  waitingS: number | null;
}

type Saved = Pick<LivePull, 'sessionId' | 'accountId' | 'controlPlaneId' | 'controlPlaneName' | 'cursor' | 'phase'>;

const STORAGE_KEY = 'ktv.konnect.pulls';
const POLL_MS = 2000;
const FATAL = new Set(['unauthorized', 'forbidden', 'not-found', 'invalid-argument']);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const konnectSessionKey = (sessionId: string) => `konnect:${sessionId}`;
const opIdOf = (sessionId: string) => `pull:${sessionId}`;

export class KonnectSync {
  private pulls: Record<string, LivePull> = {};
  private readonly listeners = new Set<() => void>();
  private readonly running = new Set<string>();
  private initialized = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Record<string, LivePull> => this.pulls;

  private patch(sessionId: string, patch: Partial<LivePull>): void {
    const prev = this.pulls[sessionId];
    if (!prev) return;
    this.pulls = { ...this.pulls, [sessionId]: { ...prev, ...patch } };
    this.save();
    this.listeners.forEach((l) => l());
  }

  private save(): void {
    const saved: Saved[] = Object.values(this.pulls).map(({ sessionId, accountId, controlPlaneId, controlPlaneName, cursor, phase }) => ({ sessionId, accountId, controlPlaneId, controlPlaneName, cursor, phase }));
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    } catch {
      // storage full or disabled: following still works, only resuming after a reload does not
    }
  }

  /** Once per page: resume sessions that were being followed before a reload, and listen for waits. */
  init(): void {
    if (this.initialized) return;
    this.initialized = true;
    bridge.on('konnect.waiting', (w) => {
      const id = w.opId?.startsWith('pull:') ? w.opId.slice(5) : null;
      if (id && this.pulls[id]) this.patch(id, { waitingS: w.seconds });
    });
    let saved: Saved[];
    try {
      saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as Saved[];
    } catch {
      saved = [];
    }
    for (const s of saved) {
      this.pulls[s.sessionId] = { ...s, session: null, error: null, signInAgain: false, waitingS: null };
      if (s.phase === 'following') void this.loop(s.sessionId);
    }
    this.listeners.forEach((l) => l());
  }

  /** Starts (or resumes) pulling a session into the local store. */
  async follow(args: { accountId: string; controlPlaneId: string; controlPlaneName: string; session: DebugSession }): Promise<string> {
    const { session } = args;
    const key = konnectSessionKey(session.id);
    const meta = { konnect: { accountId: args.accountId, controlPlaneId: args.controlPlaneId, controlPlaneName: args.controlPlaneName, session } };
    const existing = await updateSession(key, { status: 'running' }, () => meta);
    if (!existing) {
      const now = Date.now();
      await upsertSession(newSessionRow({ id: key, name: `${args.controlPlaneName} · ${session.name ?? ruleText(session.rule)}`, source: 'konnect', status: 'running', meta }, now));
    }
    const prev = this.pulls[session.id];
    this.pulls = {
      ...this.pulls,
      [session.id]: { sessionId: session.id, accountId: args.accountId, controlPlaneId: args.controlPlaneId, controlPlaneName: args.controlPlaneName, cursor: prev?.cursor ?? null, session, phase: 'following', error: null, signInAgain: false, waitingS: null },
    };
    this.save();
    this.listeners.forEach((l) => l());
    void this.loop(session.id);
    return key;
  }

  /** Tries a paused pull again from where it stopped (after signing in again, say). */
  resume(sessionId: string): void {
    this.patch(sessionId, { phase: 'following', error: null, signInAgain: false });
    void this.loop(sessionId);
  }

  /** Forgets a pull (what was stored stays in the trace list). */
  forget(sessionId: string): void {
    void bridge.invoke('konnect.cancel', { opId: opIdOf(sessionId) });
    const { [sessionId]: _gone, ...rest } = this.pulls;
    this.pulls = rest;
    this.save();
    this.listeners.forEach((l) => l());
  }

  /** Stops following (the Konnect session itself keeps running). */
  unfollow(sessionId: string): void {
    void bridge.invoke('konnect.cancel', { opId: opIdOf(sessionId) });
    this.patch(sessionId, { phase: 'paused', error: null, waitingS: null });
  }

  private async importPage(sessionId: string, docs: [string, string | null][]): Promise<void> {
    const pull = this.pulls[sessionId]!;
    const init: SessionInit = { id: konnectSessionKey(sessionId), name: `Konnect session ${sessionId.slice(0, 8)}`, source: 'konnect' };
    const encoder = new TextEncoder();
    for (const [kind, text] of docs) {
      if (!text) continue;
      const handle = startImport({ kind: 'bytes', bytes: encoder.encode(text), name: `${pull.controlPlaneName} session ${sessionId.slice(0, 8)} ${kind}` }, { session: init });
      await handle.promise;
      // a poll every few seconds would bury the import bar; the trace list shows the arrivals instead
      useStore.getState().dismissImport(handle.id);
    }
  }

  private async loop(sessionId: string): Promise<void> {
    if (this.running.has(sessionId)) return;
    this.running.add(sessionId);
    let failures = 0;
    let drained = false;
    try {
      for (;;) {
        const pull = this.pulls[sessionId];
        if (!pull || pull.phase !== 'following') return;
        const res = await bridge.invoke('konnect.pull', { accountId: pull.accountId, controlPlaneId: pull.controlPlaneId, sessionId, opId: opIdOf(sessionId), ...(pull.cursor ? { cursor: pull.cursor } : {}) });
        if (this.pulls[sessionId]?.phase !== 'following') return;
        if (!res.ok) {
          if (res.error.code === 'cancelled') return;
          const view = describeFailure(res.error);
          if (FATAL.has(res.error.code)) {
            this.patch(sessionId, { phase: 'paused', error: view.message, signInAgain: view.signInAgain, waitingS: null });
            return;
          }
          const ms = backoffDelay(failures++, { baseMs: 1000, maxMs: 30_000 });
          this.patch(sessionId, { error: `${view.message}; trying again in ${Math.ceil(ms / 1000)} s`, waitingS: null });
          await sleep(ms);
          continue;
        }
        const page = res.value;
        try {
          await this.importPage(sessionId, [['traces', page.traces], ['logs', page.logs], ['payloads', page.payloads]]);
        } catch (e) {
          const ms = backoffDelay(failures++, { baseMs: 1000, maxMs: 30_000 });
          this.patch(sessionId, { error: `storing the pulled traces failed: ${e instanceof Error ? e.message : String(e)}; trying again in ${Math.ceil(ms / 1000)} s` });
          await sleep(ms);
          continue;
        }
        failures = 0;
        lookUpNames(konnectSessionKey(sessionId), pull.accountId, pull.controlPlaneId, page.entityIds);
        const finished = hasEnded(page.session, Date.now());
        const done = finished && !page.hasMore && drained;
        this.patch(sessionId, { cursor: page.cursor, session: page.session, error: null, waitingS: null, ...(done ? { phase: 'done' as const } : {}) });
        const key = konnectSessionKey(sessionId);
        await updateSession(key, { status: done ? 'ready' : 'running' }, (m) => ({ konnect: { ...(m.konnect as object), session: page.session } }));
        if (done) return;
        if (page.hasMore) continue;
        // one more read after the session ends catches traces written between the two reads
        if (finished) {
          drained = true;
          continue;
        }
        await sleep(POLL_MS);
      }
    } finally {
      this.running.delete(sessionId);
    }
  }
}

export const konnectSync = new KonnectSync();
