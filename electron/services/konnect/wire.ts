/** Small readers for Konnect's JSON: tolerant of missing fields, strict about what must be there. */
import { BridgeFailure } from '../../../shared/bridge/result';

export type Rec = Record<string, unknown>;

export const asRec = (x: unknown): Rec => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Rec) : {});
export const asStr = (x: unknown, fallback = ''): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : fallback);
export const asNum = (x: unknown, fallback = 0): number => (typeof x === 'number' && Number.isFinite(x) ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : fallback);
export const asBool = (x: unknown): boolean => x === true;

/** The array at `key`, or a decode failure naming the call and the field. */
export function arrayField(body: unknown, key: string, what: string): unknown[] {
  const value = asRec(body)[key];
  if (!Array.isArray(value)) throw new BridgeFailure('decode', `${what}: Konnect's answer has no "${key}" list`);
  return value;
}

/** Unix seconds or an ISO string to ISO; null when absent. */
export function isoTime(x: unknown): string | null {
  if (typeof x === 'number' && Number.isFinite(x)) return new Date(x < 1e12 ? x * 1000 : x).toISOString();
  if (typeof x === 'string' && x !== '' && !Number.isNaN(Date.parse(x))) return new Date(x).toISOString();
  return null;
}
