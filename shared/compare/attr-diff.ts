/**
 * What differs between two matched spans beyond their durations: attributes (ids and timestamps hidden,
 * since they always differ between two requests, and counted so nothing is dropped unsaid) and log messages
 * only in A, only in B or in both (numbers and ids masked before grouping, so "took 12 ms" and "took 48 ms"
 * are one message).
 */
import type { AttrValue, Attributes } from '../model/types';

export type AttrChange = 'same' | 'changed' | 'only-a' | 'only-b';

export interface AttrDiffRow {
  key: string;
  /** the value as text, null on the side it is missing from */
  a: string | null;
  b: string | null;
  change: AttrChange;
}

export interface AttrDiff {
  rows: AttrDiffRow[];
  /** keys left out because they hold ids or timestamps */
  hidden: string[];
}

/** Keys that name an id or a time: they differ between any two requests and say nothing about speed. */
const HIDDEN = /(^|[._])(id|ids|uuid|trace_?id|span_?id|request_?id|time|timestamp|date)$/i;

const text = (v: AttrValue | undefined): string | null => (v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function attributeDiff(a: Attributes, b: Attributes): AttrDiff {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const rows: AttrDiffRow[] = [];
  const hidden: string[] = [];
  for (const key of keys) {
    if (HIDDEN.test(key)) {
      hidden.push(key);
      continue;
    }
    const va = Object.prototype.hasOwnProperty.call(a, key) ? text(a[key]) : null;
    const vb = Object.prototype.hasOwnProperty.call(b, key) ? text(b[key]) : null;
    const change: AttrChange = va === null ? 'only-b' : vb === null ? 'only-a' : va === vb ? 'same' : 'changed';
    rows.push({ key, a: va, b: vb, change });
  }
  // what changed first, then what is in one only, then what is the same
  const rank: Record<AttrChange, number> = { changed: 0, 'only-a': 1, 'only-b': 1, same: 2 };
  rows.sort((x, y) => rank[x.change] - rank[y.change]);
  return { rows, hidden };
}

/** A log message with ids, addresses and numbers masked, so two requests' messages group together. */
export function maskMessage(message: string): string {
  return message
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b[0-9a-f]{16,}\b/gi, '<id>')
    .replace(/\d+(\.\d+)*/g, '#');
}

export interface LogGroup {
  message: string;
  a: number;
  b: number;
  where: 'both' | 'only-a' | 'only-b';
}

/** Log messages of the two sides grouped by their masked text: in both, only in A, only in B. */
export function logDiff(a: readonly string[], b: readonly string[]): LogGroup[] {
  const groups = new Map<string, LogGroup>();
  const add = (m: string, side: 'a' | 'b') => {
    const key = maskMessage(m);
    const g = groups.get(key) ?? { message: key, a: 0, b: 0, where: 'both' as const };
    g[side]++;
    groups.set(key, g);
  };
  for (const m of a) add(m, 'a');
  for (const m of b) add(m, 'b');
  const out = [...groups.values()].map((g) => ({ ...g, where: g.a === 0 ? ('only-b' as const) : g.b === 0 ? ('only-a' as const) : ('both' as const) }));
  const rank = { 'only-a': 0, 'only-b': 1, both: 2 };
  return out.sort((x, y) => rank[x.where] - rank[y.where]);
}
