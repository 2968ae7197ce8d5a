/**
 * The sessions' data keys (issue 21) for one store handle: made (in the ingest worker, the only writer),
 * unwrapped with the key-encryption key the Node side hands over (`vault.kek`), and used to seal and open
 * log and payload rows. A store handle without a keyring writes in clear (unit tests, the benchmark's
 * baseline) and still opens sealed rows only if it has one.
 */
import type { KeyRow, KtvDb, LogsRow, PayloadRow } from './schema';
import { importKek, open, unwrapDataKey, type Kek, type KekMaterial } from './vault';

export type KekSource = () => Promise<KekMaterial>;

export type SealableRow = LogsRow | PayloadRow;

export const isLogs = (row: SealableRow): row is LogsRow => 'records' in row;

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

/**
 * Opens sealed rows (the UI thread's side: it only reads). The ingest worker's SealingKeyring
 * (keyring-writer.ts) also makes keys and seals.
 */
export class Keyring {
  private kekPromise: Promise<Kek> | null = null;
  /** unwrapped keys by keyId */
  protected readonly unwrapped = new Map<string, Promise<CryptoKey>>();

  constructor(
    protected readonly db: KtvDb,
    private readonly source: KekSource,
  ) {}

  /** The KEK, asked for once (again after a failure). */
  kek(): Promise<Kek> {
    if (!this.kekPromise) {
      const p = this.source().then(importKek);
      p.catch(() => {
        if (this.kekPromise === p) this.kekPromise = null;
      });
      this.kekPromise = p;
    }
    return this.kekPromise;
  }

  /** Forgets the KEK and every unwrapped key (locking, a new KEK). */
  reset(): void {
    this.kekPromise = null;
    this.unwrapped.clear();
  }

  /** Uses `kek` from now on (the ingest worker after rotating it). */
  useKek(kek: Kek): void {
    this.kekPromise = Promise.resolve(kek);
  }

  protected unwrap(row: KeyRow): Promise<CryptoKey> {
    let p = this.unwrapped.get(row.keyId);
    if (!p) {
      p = this.kek().then(async (known) => {
        let kek = known;
        // the KEK was rotated since it was fetched (a session was deleted): ask for it again, once
        if (kek.id !== row.kek && kek.previous?.id !== row.kek) {
          this.kekPromise = null;
          kek = await this.kek();
        }
        // during a rotation, a data key not re-wrapped yet opens with the KEK being replaced
        if (kek.previous?.id === row.kek) return unwrapDataKey(kek.previous, row.wrapped);
        if (kek.id !== row.kek) throw new KeyringError(`the data key of ${row.id} was wrapped by another key-encryption key`);
        return unwrapDataKey(kek, row.wrapped);
      });
      p.catch(() => this.unwrapped.delete(row.keyId));
      this.unwrapped.set(row.keyId, p);
    }
    return p;
  }

  /** A row as the views read it: sealed contents opened; a row in clear (stored before encryption) as it is. */
  async openRow<T extends SealableRow>(row: T): Promise<T> {
    if (!row.sealed) return row;
    const keyRow = await this.db.keys.get(row.sessionId);
    if (!keyRow || keyRow.keyId !== row.sealed.k) throw new KeyringError(`the data key of ${row.sessionId} is gone: its records cannot be read`);
    const value = await open<unknown>(await this.unwrap(keyRow), row.id, row.sealed);
    const { sealed: _sealed, ...rest } = row;
    return (isLogs(row) ? { ...rest, records: value } : { ...rest, payload: value }) as T;
  }

  openRows<T extends SealableRow>(rows: readonly T[]): Promise<T[]> {
    return Promise.all(rows.map((r) => this.openRow(r)));
  }
}

const keyrings = new WeakMap<KtvDb, Keyring>();

/** Gives a store handle its keyring: sealed rows it reads are opened (and, a SealingKeyring, rows it writes sealed). */
export function attachKeyring<K extends Keyring>(db: KtvDb, ring: K): K {
  keyrings.set(db, ring);
  return ring;
}

/** The handle's keyring, or undefined when it writes in clear. */
export const keyringOf = (db: KtvDb): Keyring | undefined => keyrings.get(db);

/** Opens a row read through `db` (a sealed row on a handle without a keyring is an error). */
export async function openStored<T extends SealableRow>(db: KtvDb, row: T): Promise<T> {
  if (!row.sealed) return row;
  const ring = keyringOf(db);
  if (!ring) throw new KeyringError('this store handle holds no keys: sealed records cannot be read');
  return ring.openRow(row);
}
