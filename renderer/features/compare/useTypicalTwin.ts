/**
 * The typical twin of a trace, looked for in every stored session (a trace of one file is often best read
 * against the same route's requests of another): the traces of its group nearest the group's median.
 * Read on demand (a click), not live: listing every session's traces is not free.
 */
import { useCallback, useState } from 'react';
import { typicalTwins, type Twins } from '../../../shared/compare/twin';
import { listSessions, listTraces } from '../../db/repo';
import type { TraceRow } from '../../db/schema';

export type TwinState = { state: 'idle' } | { state: 'looking' } | ({ state: 'found' } & Twins<TraceRow>);

export function useTypicalTwin(): { twin: TwinState; look(subject: TraceRow): Promise<Twins<TraceRow>> } {
  const [twin, setTwin] = useState<TwinState>({ state: 'idle' });
  const look = useCallback(async (subject: TraceRow) => {
    setTwin({ state: 'looking' });
    const sessions = await listSessions();
    const rows = (await Promise.all(sessions.map((s) => listTraces(s.id)))).flat();
    const found = typicalTwins(subject, rows);
    setTwin({ state: 'found', ...found });
    return found;
  }, []);
  return { twin, look };
}
