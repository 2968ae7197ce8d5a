/**
 * Rotating the key-encryption key after sessions are deleted (issue 21). Deleting a session deletes its
 * data key's row, but the database's old files may keep a copy of that row for a while; wrapped by a KEK
 * that still exists, it would open the session's sealed records left there too. So the worker asks the
 * Node side for a new KEK (the old one kept meanwhile), re-wraps every data key still stored, and then has
 * the old KEK forgotten. Stopped midway (the app closed), the next start finishes it: rows wrapped by the
 * previous KEK are found, and `vault.rotate` answers the same pair until it is retired.
 */
import type { KekMaterial, KekRotation } from '../../shared/bridge/vault';
import type { SealingKeyring } from './keyring-writer';
import type { KtvDb } from './schema';
import { importKek, rewrapDataKey, type Kek } from './vault';

export interface KekAuthority {
  rotate(): Promise<KekRotation>;
  retire(id: string): Promise<void>;
}

/** Re-wraps every data key not wrapped by `to` that `from` wrapped; returns how many are left wrapped by neither. */
async function rewrapAll(db: KtvDb, from: Kek, to: Kek): Promise<number> {
  const rows = (await db.keys.toArray()).filter((r) => r.kek !== to.id);
  const mine = rows.filter((r) => r.kek === from.id);
  const wrapped = await Promise.all(mine.map((r) => rewrapDataKey(from, to, r.wrapped)));
  await db.transaction('rw', db.keys, async () => {
    for (const [i, r] of mine.entries()) {
      const now = await db.keys.get(r.id);
      // a row deleted or made again meanwhile is left as it is now
      if (now?.keyId === r.keyId && now.kek === from.id) await db.keys.put({ ...now, kek: to.id, wrapped: wrapped[i]! });
    }
  });
  return rows.length - mine.length;
}

/**
 * Rotates the KEK: from now on the keyring wraps new data keys with the new one; every stored data key is
 * re-wrapped; then the old KEK is retired. Safe to run again after a crash at any point.
 */
export async function rotateKek(db: KtvDb, ring: SealingKeyring, authority: KekAuthority): Promise<void> {
  const r = await authority.rotate();
  const [to, from] = await Promise.all([importKek(r.current), importKek(r.previous)]);
  // new data keys are wrapped by the new KEK; stored ones still open with the old one until re-wrapped
  ring.useKek({ ...to, previous: from });
  const unknown = await rewrapAll(db, from, to);
  // a key an import made with the old KEK while the first pass ran
  if ((await db.keys.filter((k) => k.kek === from.id).count()) > 0) await rewrapAll(db, from, to);
  if ((await db.keys.filter((k) => k.kek === from.id).count()) > 0) return;
  if (unknown > 0) console.warn(`ktv: ${unknown} data keys are wrapped by a key-encryption key that is gone`);
  await authority.retire(r.previous.id);
  ring.useKek(to);
}

/** Whether a rotation was left unfinished: data keys wrapped by a KEK other than the current one. */
export async function rotationPending(db: KtvDb, current: KekMaterial): Promise<boolean> {
  return (await db.keys.filter((k) => k.kek !== current.id).count()) > 0;
}
