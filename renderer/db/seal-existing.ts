/**
 * Seals the logs and payloads rows a store kept in clear before encryption at rest (issue 21), in place,
 * in the ingest worker. A group of rows at a time, each group in one transaction with the cursor (a `meta`
 * row) saved beside the rows it sealed: stopping anywhere (the window closed) loses nothing, and the next
 * start goes on after the last group written. Imports may run meanwhile: a group's transaction reads and
 * writes its rows as one, so a row an import changes is sealed before or after, never lost.
 */
import { runSteps, type Steps } from './idb-steps';
import type { SealingKeyring } from './keyring-writer';
import type { SealableRow } from './keyring';
import type { KtvDb, MetaRow } from './schema';

/** The meta row: where sealing existing rows has got to (`done` once both tables are sealed). */
export const SEAL_CURSOR = 'seal-existing';

const TABLES = ['logs', 'payloads'] as const;
type Table = (typeof TABLES)[number];

export interface SealCursor {
  table: Table;
  /** the last key sealed (null: the table's start) */
  after: string | null;
  done: boolean;
}

function* sealGroup(ring: SealingKeyring, at: SealCursor, limit: number): Steps<{ next: SealCursor; sealed: number }> {
  const [rows] = (yield [{ kind: 'after', table: at.table, after: at.after, limit }]) as [SealableRow[]];
  const clear = rows.filter((r) => !r.sealed);
  let sealed: SealableRow[] = [];
  if (clear.length > 0) sealed = ((yield [{ kind: 'work', run: () => ring.sealRows(clear) }]) as [SealableRow[]])[0];
  const i = TABLES.indexOf(at.table);
  const next: SealCursor =
    rows.length === limit ? { table: at.table, after: rows[rows.length - 1]!.id, done: false } : i + 1 < TABLES.length ? { table: TABLES[i + 1]!, after: null, done: false } : { table: at.table, after: null, done: true };
  const meta: MetaRow = { key: SEAL_CURSOR, value: next };
  return { writes: { put: [{ table: at.table, rows: sealed }, { table: 'meta', rows: [meta] }] }, result: { next, sealed: sealed.length } };
}

/**
 * Seals what is left in clear, from the saved cursor on. `groups` bounds how many groups this call does
 * (tests stop it midway). Returns how many rows it sealed.
 */
export async function sealExisting(db: KtvDb, ring: SealingKeyring, opts: { limit?: number; groups?: number } = {}): Promise<number> {
  if (!ring.seals) return 0;
  const limit = opts.limit ?? 200;
  let at = ((await db.meta.get(SEAL_CURSOR))?.value as SealCursor | undefined) ?? { table: 'logs', after: null, done: false };
  let total = 0;
  for (let g = 0; !at.done && g < (opts.groups ?? Infinity); g++) {
    const { next, sealed } = await runSteps(db, [at.table, 'meta'], {}, sealGroup(ring, at, limit));
    total += sealed;
    at = next;
  }
  return total;
}
