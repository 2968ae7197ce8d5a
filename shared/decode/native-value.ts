/**
 * Attribute values written as plain JSON (Konnect trace v1: `"attributes": {"http.response.status_code":
 * 200, "proxy.kong.dns.tries": [{...}]}`): scalars stay as they are (a number sent as a string stays a
 * string, as it does from the protobuf-JSON shape), arrays become array values and objects kvlist values.
 * Walked with an explicit stack so hostile nesting cannot overflow the call stack.
 */
import type { Attributes, AttrValue } from '../model/types';
import { setOwn } from '../model/own';

/** Where a value could not be kept as it was; the decoders' Collector (behind a path prefix) implements it. */
export interface ValueSink {
  skip(where: string, reason: string): void;
}

/** Nesting deeper than this is kept as JSON text (and reported), as for OTLP AnyValues. */
export const MAX_VALUE_DEPTH = 32;

/** Sets `key` as an own property even when it is `__proto__` (plain assignment would set the prototype). */
export function setKey(target: Record<string, AttrValue>, key: string, value: AttrValue): void {
  setOwn(target, key, value);
}

/** A JSON value as text, for values kept "as text"; one too deep for JSON.stringify is written without recursion. */
export function asText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return deepJsonText(value);
  }
}

/** JSON text of a value of any depth (a 100,000-level AnyValue), built with an explicit stack. */
function deepJsonText(value: unknown): string {
  const out: string[] = [];
  // work items: a value to write, or literal text (brackets, commas, keys)
  const work: ({ v: unknown } | string)[] = [{ v: value }];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const v = item.v;
    if (Array.isArray(v)) {
      out.push('[');
      work.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        work.push({ v: v[i] });
        if (i > 0) work.push(',');
      }
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      out.push('{');
      work.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        work.push({ v: (v as Record<string, unknown>)[keys[i]!] });
        work.push(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
      }
    } else {
      out.push(JSON.stringify(v) ?? 'null');
    }
  }
  return out.join('');
}

/** A short excerpt of a value for a reason text. */
export function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : asText(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

interface Frame {
  entries: [string, unknown][] | unknown[];
  keyed: boolean;
  target: AttrValue[] | Record<string, AttrValue>;
  where: string;
  depth: number;
  i: number;
}

/** One native JSON value at `where` (a JSON path suffix used only when something is reported). */
export function nativeValue(value: unknown, sink?: ValueSink, where = ''): AttrValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'object') return asText(value);
  const holder: AttrValue[] = [];
  const stack: Frame[] = [];
  const open = (v: object, depth: number, at: string, put: (x: AttrValue) => void): void => {
    if (depth > MAX_VALUE_DEPTH) {
      sink?.skip(at, `nested deeper than ${MAX_VALUE_DEPTH} levels; kept as JSON text`);
      put(asText(v));
      return;
    }
    if (Array.isArray(v)) {
      const target: AttrValue[] = [];
      put(target);
      stack.push({ entries: v, keyed: false, target, where: at, depth, i: 0 });
    } else {
      const target: Record<string, AttrValue> = {};
      put(target);
      stack.push({ entries: Object.entries(v), keyed: true, target, where: at, depth, i: 0 });
    }
  };
  open(value, 1, where, (x) => holder.push(x));
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.entries.length) {
      stack.pop();
      continue;
    }
    const index = top.i++;
    let key = '';
    let inner: unknown;
    if (top.keyed) [key, inner] = (top.entries as [string, unknown][])[index]!;
    else inner = top.entries[index];
    const put = top.keyed ? (x: AttrValue) => setKey(top.target as Record<string, AttrValue>, key, x) : (x: AttrValue) => (top.target as AttrValue[]).push(x);
    if (inner !== null && typeof inner === 'object') open(inner, top.depth + 1, sink ? `${top.where}${top.keyed ? `[${JSON.stringify(key)}]` : `[${index}]`}` : '', put);
    else put(nativeValue(inner));
  }
  return holder[0] ?? null;
}

/** Attributes given as one flat JSON object of native values, at `where` (e.g. ".attributes"). */
export function nativeAttributes(obj: Record<string, unknown>, sink?: ValueSink, where = ''): Attributes {
  const out: Attributes = {};
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    setKey(out, key, v !== null && typeof v === 'object' ? nativeValue(v, sink, sink ? `${where}[${JSON.stringify(key)}]` : '') : nativeValue(v));
  }
  return out;
}

export { isPlainObject };
