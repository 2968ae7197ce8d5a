/**
 * Which session an import's records go to, and what a session it creates looks like. An import writes into
 * its default session (the file's, a capture's, the samples'), except that a Konnect export names its own
 * debugger session per trace (resource attribute `session.id`): those traces go to `konnect:<id>`.
 */
import { konnectSessionId, konnectUuid } from '../../shared/ids';
import type { SessionInit } from './ingest-types';
import { newSessionRow, type SessionRow } from './schema';

export class SessionRouting {
  /**
   * @param defaultSession where records go when the data names no session
   * @param forceDefault everything goes to the default session, whatever the data names (bundled samples, live capture)
   */
  constructor(
    readonly defaultSession: SessionInit,
    private readonly forceDefault = false,
  ) {}

  /** The session a trace (or its logs and payload) belongs to; `sessionOf` is what the data names. */
  sessionFor(traceId: string, sessionOf?: Record<string, string>): string {
    const named = sessionOf?.[traceId];
    return named && !this.forceDefault ? konnectSessionId(named) : this.defaultSession.id;
  }

  /** The row of a session the import creates: hidden (importId set) and 'importing' until it commits. */
  newSession(sid: string, importId: string, now: number): SessionRow {
    const own = sid === this.defaultSession.id;
    if (!own) {
      const uuid = konnectUuid(sid) ?? sid;
      return newSessionRow({ id: sid, name: `Konnect session ${uuid.slice(0, 8)}`, autoName: 'konnect', source: 'konnect', status: 'importing', importId }, now);
    }
    const d = this.defaultSession;
    return newSessionRow({ id: sid, name: d.name, source: d.source, status: 'importing', importId, ...(d.meta ? { meta: d.meta } : {}) }, now);
  }

  /** File names the import adds to every session it writes into. */
  get files(): readonly string[] {
    return this.defaultSession.files ?? [];
  }
}
