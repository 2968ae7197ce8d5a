/**
 * Encryption at rest (issue 21), the primitives: WebCrypto only. Captured payloads and log lines are sealed
 * with AES-GCM under their session's data key (256 bits, one per session, a fresh 96-bit IV per record, the
 * row's key as additional data so a sealed record cannot be moved to another row). Data keys are stored
 * wrapped (AES-KW) by the key-encryption key (KEK), which never sits in the profile: the Node side keeps it
 * (desktop: safeStorage; browser mode: a 0600 file of the host) and hands it over the bridge (`vault.kek`).
 */
import type { KekMaterial } from '../../shared/bridge/vault';

export type { KekMaterial };

/** A sealed value as stored: `k` names the data key (KeyRow.keyId) that sealed it. */
export interface Sealed {
  k: string;
  iv: Uint8Array;
  ct: ArrayBuffer;
}


export interface Kek {
  id: string;
  key: CryptoKey;
  /** the KEK a rotation is replacing, while some data keys are still wrapped by it */
  previous?: Kek;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The KEK as a non-extractable AES-KW key: it can wrap and unwrap data keys, nothing else. */
export async function importKek(m: KekMaterial): Promise<Kek> {
  const raw = fromBase64(m.key);
  if (raw.length !== 32) throw new Error('ktv: the key-encryption key is not 256 bits');
  const kek: Kek = { id: m.id, key: await subtle().importKey('raw', raw, 'AES-KW', false, ['wrapKey', 'unwrapKey']) };
  if (m.previous) kek.previous = await importKek(m.previous);
  return kek;
}

/** A new data key, and its wrapped form for the store. The key in memory cannot be exported. */
export async function newDataKey(kek: Kek): Promise<{ key: CryptoKey; wrapped: ArrayBuffer }> {
  const extractable = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = await subtle().wrapKey('raw', extractable, kek.key, 'AES-KW');
  return { key: await unwrapDataKey(kek, wrapped), wrapped };
}

export function unwrapDataKey(kek: Kek, wrapped: ArrayBuffer): Promise<CryptoKey> {
  return subtle().unwrapKey('raw', wrapped, kek.key, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/**
 * A data key wrapped by `from` wrapped again by `to` (KEK rotation, a new passphrase): the data key itself,
 * and so every record it sealed, stays as it is. The key is extractable only inside this function.
 */
export async function rewrapDataKey(from: Kek, to: Kek, wrapped: ArrayBuffer): Promise<ArrayBuffer> {
  const key = await subtle().unwrapKey('raw', wrapped, from.key, 'AES-KW', { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  return subtle().wrapKey('raw', key, to.key, 'AES-KW');
}

/** Seals a value (as JSON) under `key`, bound to `rowId`. */
export async function seal(key: CryptoKey, keyId: string, rowId: string, value: unknown): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(rowId) }, key, encoder.encode(JSON.stringify(value)));
  return { k: keyId, iv, ct };
}

/** Opens a sealed value; fails (OperationError) when the key, the row or the bytes are not the ones sealed. */
export async function open<T>(key: CryptoKey, rowId: string, sealed: Sealed): Promise<T> {
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(rowId) }, key, sealed.ct);
  return JSON.parse(decoder.decode(plain)) as T;
}
