/**
 * The ingest worker's keyring (issue 21): it also makes the sessions' data keys (stored wrapped, one per
 * session, made on a session's first sealed row) and seals rows. Only the worker loads this module: it
 * writes the `keys` table.
 */
import { isLogs, Keyring, keyringOf, type KekSource, type SealableRow } from './keyring';
import type { KeyRow, KtvDb, PayloadRow } from './schema';
import { newDataKey, seal } from './vault';

interface DataKey {
  keyId: string;
  key: CryptoKey;
}

const randomId = (): string => globalThis.crypto.randomUUID();

export class SealingKeyring extends Keyring {
  /** the key sealing each session's rows, by session id */
  private readonly sealing = new Map<string, Promise<DataKey>>();

  /** `seals` false: rows are written in clear (sealed rows are still opened); the benchmark's baseline */
  constructor(db: KtvDb, source: KekSource, readonly seals = true) {
    super(db, source);
  }

  override reset(): void {
    super.reset();
    this.sealing.clear();
  }

  /** The key that seals rows of `sid`, made (and stored) on first use. Two callers get the same key. */
  private keyFor(sid: string): Promise<DataKey> {
    let p = this.sealing.get(sid);
    if (p) return p;
    p = this.loadOrMake(sid);
    p.catch(() => this.sealing.delete(sid));
    this.sealing.set(sid, p);
    return p;
  }

  private async loadOrMake(sid: string): Promise<DataKey> {
    const stored = await this.db.keys.get(sid);
    if (stored) return { keyId: stored.keyId, key: await this.unwrap(stored) };
    const kek = await this.kek();
    const made = await newDataKey(kek);
    const fresh: KeyRow = { id: sid, keyId: randomId(), kek: kek.id, wrapped: made.wrapped, createdAt: Date.now() };
    // get-or-add in one transaction: whoever stored a key for the session first, that key seals its rows
    const row = await this.db.transaction('rw', this.db.keys, async () => {
      const now = await this.db.keys.get(sid);
      if (now) return now;
      await this.db.keys.add(fresh);
      return fresh;
    });
    if (row !== fresh) return { keyId: row.keyId, key: await this.unwrap(row) };
    this.unwrapped.set(fresh.keyId, Promise.resolve(made.key));
    return { keyId: fresh.keyId, key: made.key };
  }

  /**
   * Before a write into `sids`: drops remembered keys whose row is gone or was replaced (the session was
   * deleted meanwhile), so a session made again gets a key of its own, stored.
   */
  async prepare(sids: Iterable<string>): Promise<void> {
    if (!this.seals) return;
    const ids = [...sids];
    const rows = await this.db.keys.bulkGet(ids);
    await Promise.all(
      ids.map(async (sid, i) => {
        const known = this.sealing.get(sid);
        if (known && (await known.catch(() => null))?.keyId !== rows[i]?.keyId) this.sealing.delete(sid);
        await this.keyFor(sid);
      }),
    );
  }

  /** Forgets the keys of deleted sessions (their rows are gone with them). */
  forget(sids: Iterable<string>): void {
    for (const sid of sids) this.sealing.delete(sid);
  }

  /** Rows sealed under their session's key (each row's key, `id`, is bound into its seal). */
  async sealRows<T extends SealableRow>(rows: readonly T[]): Promise<T[]> {
    if (!this.seals) return [...rows];
    return Promise.all(
      rows.map(async (row) => {
        const { keyId, key } = await this.keyFor(row.sessionId);
        if (isLogs(row)) {
          const { records, sealed: _old, ...rest } = row;
          return { ...rest, records: [], sealed: await seal(key, keyId, row.id, records) } as T;
        }
        const { payload, sealed: _old, ...rest } = row as PayloadRow;
        return { ...rest, sealed: await seal(key, keyId, row.id, payload) } as T;
      }),
    );
  }

}

/** The handle's keyring when it seals what it writes, else undefined (rows are then written in clear). */
export function sealerOf(db: KtvDb): SealingKeyring | undefined {
  const ring = keyringOf(db);
  return ring instanceof SealingKeyring ? ring : undefined;
}
