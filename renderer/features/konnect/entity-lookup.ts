/**
 * Looks up names for the entity ids a pulled page named, in the background: the pull goes on at once, and
 * the names land in the session's row (`meta.entityNames`, written by the ingest worker) when Konnect answers, so every view shows them
 * then and offline afterwards. One lookup per session at a time; ids arriving meanwhile wait for the next.
 * A failed lookup is dropped quietly (the ids stay shown): names are a convenience, never a reason to stop.
 */
import type { EntityIds } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { storeOp } from '../../db/ingest-client';
import { getSession } from '../../db/repo';
import { isEmpty, missingIds, namesOf } from '../entity-names/entity-names';

interface Job {
  accountId: string;
  controlPlaneId: string;
  waiting: EntityIds;
  running: boolean;
}
const jobs = new Map<string, Job>();

function addIds(into: EntityIds, ids: EntityIds): void {
  for (const [kind, list] of Object.entries(ids) as [keyof EntityIds, string[]][]) into[kind] = [...new Set([...(into[kind] ?? []), ...list])];
}

export function lookUpNames(sessionKey: string, accountId: string, controlPlaneId: string, ids: EntityIds): void {
  if (isEmpty(ids)) return;
  const job = jobs.get(sessionKey) ?? { accountId, controlPlaneId, waiting: {}, running: false };
  jobs.set(sessionKey, job);
  addIds(job.waiting, ids);
  if (!job.running) void run(sessionKey, job);
}

async function run(sessionKey: string, job: Job): Promise<void> {
  job.running = true;
  try {
    while (!isEmpty(job.waiting)) {
      const wanted = job.waiting;
      job.waiting = {};
      const row = await getSession(sessionKey);
      if (!row) return;
      const missing = missingIds(wanted, namesOf(row.meta));
      if (isEmpty(missing)) continue;
      const res = await bridge.invoke('konnect.entityNames', { accountId: job.accountId, controlPlaneId: job.controlPlaneId, ids: missing, opId: `names:${sessionKey}` });
      if (!res.ok) continue;
      await storeOp({ op: 'addEntityNames', sessionId: sessionKey, names: res.value });
    }
  } finally {
    job.running = false;
    jobs.delete(sessionKey);
  }
}
