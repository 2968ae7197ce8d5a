/**
 * Follows Konnect debugger sessions for the whole page (not one mounted dialog). The ingest worker does
 * the following (renderer/db/follow-sources.ts): it pulls each page through the bridge, writes it into
 * session `konnect:<id>` so traces appear in the list as they arrive, saves the cursor in that session's row
 * after the write, backs off on errors, and stops once the session has ended and was read once more. This
 * keeps which sessions are followed (across reloads, in localStorage), tells the worker to follow or stop,
 * and shows what it reports. Names for the entity ids each page carries are looked up beside the pull
 * (entity-lookup.ts).
 */
import { konnectSessionId } from '../../../shared/ids';
import { ruleText } from '../../../shared/konnect/sampling-rule';
import type { DebugSession } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { followRemote, storeOp } from '../../db/ingest-client';
import type { FollowReport } from '../../db/ingest-types';
import { lookUpNames } from './entity-lookup';
import { describeFailure } from './failure';

export interface LivePull {
  sessionId: string;
  accountId: string;
  controlPlaneId: string;
  controlPlaneName: string;
  session: DebugSession | null;
  /** following, finished (everything pulled), or paused by an error that needs the user */
  phase: 'following' | 'done' | 'paused';
  error: string | null;
  signInAgain: boolean;
  /** seconds the Node side is waiting before a retry (429 or back-off), while it waits */
  waitingS: number | null;
}

/** what is kept across reloads (the cursor is kept in the session's row, by the worker) */
type Saved = Pick<LivePull, 'sessionId' | 'accountId' | 'controlPlaneId' | 'controlPlaneName' | 'phase'>;

const STORAGE_KEY = 'ktv.konnect.pulls';
const opIdOf = (sessionId: string) => `pull:${sessionId}`;

export class KonnectSync {
  private pulls: Record<string, LivePull> = {};
  private readonly listeners = new Set<() => void>();
  private readonly stops = new Map<string, () => void>();
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
    const saved: Saved[] = Object.values(this.pulls).map(({ sessionId, accountId, controlPlaneId, controlPlaneName, phase }) => ({ sessionId, accountId, controlPlaneId, controlPlaneName, phase }));
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
      this.pulls[s.sessionId] = { sessionId: s.sessionId, accountId: s.accountId, controlPlaneId: s.controlPlaneId, controlPlaneName: s.controlPlaneName, phase: s.phase, session: null, error: null, signInAgain: false, waitingS: null };
      if (s.phase === 'following') this.start(s.sessionId);
    }
    this.listeners.forEach((l) => l());
  }

  /** Starts (or resumes) pulling a session into the local store. */
  async follow(args: { accountId: string; controlPlaneId: string; controlPlaneName: string; session: DebugSession }): Promise<string> {
    const { session } = args;
    const key = konnectSessionId(session.id);
    const meta = { konnect: { accountId: args.accountId, controlPlaneId: args.controlPlaneId, controlPlaneName: args.controlPlaneName, session } };
    await storeOp({ op: 'openSession', session: { id: key, name: `${args.controlPlaneName} · ${session.name ?? ruleText(session.rule)}`, source: 'konnect', status: 'running', meta }, now: Date.now() });
    this.pulls = {
      ...this.pulls,
      [session.id]: { sessionId: session.id, accountId: args.accountId, controlPlaneId: args.controlPlaneId, controlPlaneName: args.controlPlaneName, session, phase: 'following', error: null, signInAgain: false, waitingS: null },
    };
    this.save();
    this.listeners.forEach((l) => l());
    this.start(session.id);
    return key;
  }

  /** Tries a paused pull again from where it stopped (after signing in again, say). */
  resume(sessionId: string): void {
    this.patch(sessionId, { phase: 'following', error: null, signInAgain: false });
    this.start(sessionId);
  }

  /** Forgets a pull (what was stored stays in the trace list). */
  forget(sessionId: string): void {
    this.stop(sessionId);
    const { [sessionId]: _gone, ...rest } = this.pulls;
    this.pulls = rest;
    this.save();
    this.listeners.forEach((l) => l());
  }

  /** Stops following (the Konnect session itself keeps running). */
  unfollow(sessionId: string): void {
    this.stop(sessionId);
    this.patch(sessionId, { phase: 'paused', error: null, waitingS: null });
  }

  private stop(sessionId: string): void {
    this.stops.get(sessionId)?.();
    this.stops.delete(sessionId);
    void bridge.invoke('konnect.cancel', { opId: opIdOf(sessionId) });
  }

  private start(sessionId: string): void {
    const pull = this.pulls[sessionId];
    if (!pull) return;
    const key = konnectSessionId(sessionId);
    const label = `${pull.controlPlaneName} session ${sessionId.slice(0, 8)}`;
    const spec = { kind: 'konnect' as const, sessionId: key, konnectSessionId: sessionId, accountId: pull.accountId, controlPlaneId: pull.controlPlaneId, label };
    this.stops.set(sessionId, followRemote(spec, (r) => this.heard(sessionId, r)));
  }

  /** What the worker did for a followed session. */
  private heard(sessionId: string, r: FollowReport): void {
    const pull = this.pulls[sessionId];
    if (!pull || pull.phase !== 'following') return;
    switch (r.kind) {
      case 'stored':
        if (r.konnect) {
          lookUpNames(konnectSessionId(sessionId), pull.accountId, pull.controlPlaneId, r.konnect.entityIds);
          this.patch(sessionId, { session: r.konnect.session, error: null, waitingS: null });
        }
        return;
      case 'retrying': {
        const why = r.what === 'store' ? `storing the pulled traces failed: ${r.message}` : r.message;
        this.patch(sessionId, { error: `${why}; trying again in ${Math.ceil(r.inMs / 1000)} s`, waitingS: null });
        return;
      }
      case 'paused': {
        if (r.code === 'cancelled') return;
        const view = describeFailure({ code: r.code as Parameters<typeof describeFailure>[0]['code'], message: r.message });
        this.stops.delete(sessionId);
        this.patch(sessionId, { phase: 'paused', error: view.message, signInAgain: view.signInAgain, waitingS: null });
        return;
      }
      case 'done':
        this.stops.delete(sessionId);
        this.patch(sessionId, { phase: 'done', error: null, waitingS: null });
        return;
      case 'stopped':
        return;
    }
  }
}

export const konnectSync = new KonnectSync();
