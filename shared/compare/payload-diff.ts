/**
 * What differs between two requests' captured payloads (insights.md, "Comparing two requests"): headers by
 * name (case-insensitive; ids and dates hidden and counted, as for attributes), and bodies: two JSON bodies
 * member by member (`$.order.items[0].sku`), other bodies as whole texts. Payloads are sanitized before
 * they get here; everything stays text.
 */
import type { Payload, PayloadPart } from '../model/types';
import type { AttrChange } from './attr-diff';

export interface ValueDiffRow {
  /** a header name (lower case) or a JSON path */
  key: string;
  a: string | null;
  b: string | null;
  change: AttrChange;
}

export type BodyDiff =
  | { kind: 'none' }
  | { kind: 'json'; rows: ValueDiffRow[]; truncated: boolean }
  | { kind: 'text'; a: string | null; b: string | null; same: boolean };

export interface PartDiff {
  headers: ValueDiffRow[];
  /** header names left out because they hold ids or dates */
  hiddenHeaders: string[];
  body: BodyDiff;
}

export interface PayloadDiff {
  request: PartDiff;
  response: PartDiff;
}

/** Headers that differ between any two requests and say nothing about why one was slower. */
const VOLATILE_HEADER = /(^|-)(id|request-id|correlation-id|uuid|date|traceparent|tracestate|b3|x-b3-.*|x-amzn-trace-id)$/i;

/** At most this many JSON members are listed per body: a comparison is read, not scrolled for ever. */
const MAX_MEMBERS = 2000;

const RANK: Record<AttrChange, number> = { changed: 0, 'only-a': 1, 'only-b': 1, same: 2 };

function rowsOf(a: Map<string, string>, b: Map<string, string>, order: 'rank' | 'keep'): ValueDiffRow[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  if (order === 'rank') keys.sort();
  const rows = keys.map((key): ValueDiffRow => {
    const va = a.get(key) ?? null;
    const vb = b.get(key) ?? null;
    return { key, a: va, b: vb, change: va === null ? 'only-b' : vb === null ? 'only-a' : va === vb ? 'same' : 'changed' };
  });
  return order === 'rank' ? rows.sort((x, y) => RANK[x.change] - RANK[y.change]) : rows;
}

function headerMap(headers: PayloadPart['headers'] | undefined, hidden: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (VOLATILE_HEADER.test(key)) {
      hidden.add(key);
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : value;
    out.set(key, out.has(key) ? `${out.get(key)}, ${text}` : text);
  }
  return out;
}

function parseJson(body: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (body === undefined) return { ok: false };
  const t = body.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(t) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A JSON value's leaves by path, in document order, walked iteratively; at most `limit` of them. */
export function jsonLeaves(value: unknown, limit = MAX_MEMBERS): { leaves: Map<string, string>; truncated: boolean } {
  const leaves = new Map<string, string>();
  const stack: [string, unknown][] = [['$', value]];
  while (stack.length > 0) {
    const [path, v] = stack.pop()!;
    if (leaves.size >= limit) return { leaves, truncated: true };
    if (Array.isArray(v) && v.length > 0) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([`${path}[${i}]`, v[i]]);
    } else if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        stack.push([/^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, child]);
      }
    } else leaves.set(path, JSON.stringify(v));
  }
  return { leaves, truncated: false };
}

function bodyDiff(a: string | undefined, b: string | undefined): BodyDiff {
  if (a === undefined && b === undefined) return { kind: 'none' };
  const ja = parseJson(a);
  const jb = parseJson(b);
  if (ja.ok && jb.ok) {
    const la = jsonLeaves(ja.value);
    const lb = jsonLeaves(jb.value);
    return { kind: 'json', rows: rowsOf(la.leaves, lb.leaves, 'keep'), truncated: la.truncated || lb.truncated };
  }
  return { kind: 'text', a: a ?? null, b: b ?? null, same: a === b };
}

function partDiff(a: PayloadPart | undefined, b: PayloadPart | undefined): PartDiff {
  const hidden = new Set<string>();
  const headers = rowsOf(headerMap(a?.headers, hidden), headerMap(b?.headers, hidden), 'rank');
  return { headers, hiddenHeaders: [...hidden].sort(), body: bodyDiff(a?.body, b?.body) };
}

/** Null when neither request had its payload captured. */
export function payloadDiff(a: Payload | null, b: Payload | null): PayloadDiff | null {
  if (!a && !b) return null;
  return { request: partDiff(a?.request, b?.request), response: partDiff(a?.response, b?.response) };
}
