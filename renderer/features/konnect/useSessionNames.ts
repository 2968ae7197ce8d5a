/**
 * Names for the selected Konnect session's entity ids, also for sessions pulled before names existed or
 * while no lookup could run: the ids in its stored traces that were never looked up are asked for in the
 * background, through the account that pulled it (no account signed in: the ids stay shown).
 */
import { useEffect, useMemo } from 'react';
import { ENTITY_KINDS, isEntityId, type EntityIds } from '../../../shared/konnect/types';
import { useSession, useTraces } from '../../db/repo';
import { useStore } from '../../store';
import { ENTITY_ATTRIBUTE } from '../entity-names/entity-names';
import { lookUpNames } from './entity-lookup';

export function useSessionNames(): void {
  const sessionId = useStore((s) => s.sessionId);
  const row = useSession(sessionId);
  const konnect = row?.meta?.konnect as { accountId?: unknown; controlPlaneId?: unknown } | undefined;
  const accountId = typeof konnect?.accountId === 'string' ? konnect.accountId : null;
  const controlPlaneId = typeof konnect?.controlPlaneId === 'string' ? konnect.controlPlaneId : null;
  const traces = useTraces(accountId && controlPlaneId ? sessionId : null);
  const ids = useMemo(() => {
    const found: EntityIds = {};
    for (const kind of ENTITY_KINDS) {
      const set = new Set<string>();
      for (const t of traces ?? []) {
        const id = t.rootAttributes[ENTITY_ATTRIBUTE[kind]];
        if (isEntityId(id)) set.add(id);
      }
      if (set.size) found[kind] = [...set];
    }
    return found;
  }, [traces]);
  useEffect(() => {
    if (sessionId && accountId && controlPlaneId) lookUpNames(sessionId, accountId, controlPlaneId, ids);
  }, [sessionId, accountId, controlPlaneId, ids]);
}
