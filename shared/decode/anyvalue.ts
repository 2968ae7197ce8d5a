/**
 * OTLP AnyValue / KeyValue lists into model attribute values. This runs for every attribute of every span,
 * so it checks the lowerCamelCase spelling first and only then the snake_case one.
 */
import type { Attributes, AttrValue } from '../model/types';
import { setOwn } from '../model/own';

/**
 * Deepest nesting of array and key-value values kept as values. Deeper parts are kept as JSON text with
 * a note in front: every later step (merging, storing, sending to the UI, writing a file) may recurse or
 * structured-clone, and one span nested 100,000 levels deep must not break them for everything else.
 */
export const MAX_VALUE_DEPTH = 32;
export const TOO_DEEP_NOTE = `[nested deeper than ${MAX_VALUE_DEPTH} levels, kept as text] `;

type Obj = Record<string, unknown>;

/** An OTLP int64 (decimal string or number) as a number when exact, else as its decimal string. */
function intValue(v: unknown): AttrValue {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
    return /^-?\d+$/.test(v) ? v : null;
  }
  return v === undefined || v === null ? null : String(v);
}

function doubleValue(v: unknown): AttrValue {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    // proto3 JSON writes non-finite doubles as strings
    const n = Number(v);
    return Number.isNaN(n) && v !== 'NaN' ? v : n;
  }
  return null;
}

/**
 * One AnyValue. Nested arrays and key-value lists are walked with an explicit stack rather than recursion
 * so hostile nesting cannot overflow the call stack; below MAX_VALUE_DEPTH they become text.
 */
export function toAttrValue(value: unknown): AttrValue {
  const simple = scalar(value);
  if (simple !== NESTED) return simple;
  const rootHolder: AttrValue[] = [];
  const stack: { source: unknown[]; target: AttrValue[] | Record<string, AttrValue>; keyed: boolean; i: number }[] = [];
  const open = (v: Obj, put: (x: AttrValue) => void): void => {
    const arr = (v.arrayValue ?? v.array_value) as Obj | undefined;
    if (arr !== undefined) {
      const target: AttrValue[] = [];
      put(target);
      const values = arr && Array.isArray(arr.values) ? arr.values : [];
      stack.push({ source: values, target, keyed: false, i: 0 });
      return;
    }
    const kv = (v.kvlistValue ?? v.kvlist_value) as Obj | undefined;
    const target: Record<string, AttrValue> = {};
    put(target);
    const values = kv && Array.isArray(kv.values) ? kv.values : [];
    stack.push({ source: values, target, keyed: true, i: 0 });
  };
  open(value as Obj, (x) => rootHolder.push(x));
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.source.length) {
      stack.pop();
      continue;
    }
    const item = top.source[top.i++];
    let key = '';
    let inner: unknown = item;
    if (top.keyed) {
      if (item === null || typeof item !== 'object') continue;
      key = String((item as Obj).key ?? '');
      inner = (item as Obj).value;
    }
    const put = top.keyed
      ? (x: AttrValue) => {
          setOwn(top.target as Record<string, AttrValue>, key, x);
        }
      : (x: AttrValue) => {
          (top.target as AttrValue[]).push(x);
        };
    const s = scalar(inner);
    if (s !== NESTED) put(s);
    else if (stack.length >= MAX_VALUE_DEPTH) put(TOO_DEEP_NOTE + jsonText(inner));
    else open(inner as Obj, put);
  }
  return rootHolder[0] ?? null;
}

const NESTED = Symbol('nested');

/** JSON text of a decoded value of any depth, built without recursion (JSON.stringify recurses). */
function jsonText(value: unknown): string {
  const out: string[] = [];
  // work items: a value to write, or literal text (closing brackets, commas, keys)
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
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const keys = Object.keys(v);
      out.push('{');
      work.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        work.push({ v: (v as Obj)[keys[i]!] });
        work.push(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
      }
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      out.push(String(v));
    } else {
      out.push(v === null || v === undefined ? 'null' : JSON.stringify(typeof v === 'string' ? v : String(v)));
    }
  }
  return out.join('');
}

function scalar(value: unknown): AttrValue | typeof NESTED {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Obj;
  let x = v.stringValue;
  if (x !== undefined) return typeof x === 'string' ? x : String(x);
  x = v.intValue;
  if (x !== undefined) return intValue(x);
  x = v.doubleValue;
  if (x !== undefined) return doubleValue(x);
  x = v.boolValue;
  if (x !== undefined) return x === true || x === 'true';
  if (v.arrayValue !== undefined || v.kvlistValue !== undefined) return NESTED;
  x = v.bytesValue;
  // bytes have no model type; keep the base64 text the producer sent
  if (x !== undefined) return typeof x === 'string' ? x : null;
  x = v.string_value;
  if (x !== undefined) return typeof x === 'string' ? x : String(x);
  x = v.int_value;
  if (x !== undefined) return intValue(x);
  x = v.double_value;
  if (x !== undefined) return doubleValue(x);
  x = v.bool_value;
  if (x !== undefined) return x === true || x === 'true';
  if (v.array_value !== undefined || v.kvlist_value !== undefined) return NESTED;
  x = v.bytes_value;
  if (x !== undefined) return typeof x === 'string' ? x : null;
  return null;
}

/** A KeyValue list (or undefined) into attributes; entries without a string key are dropped. */
export function toAttributes(list: unknown): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const kv = list[i] as Obj | null;
    if (kv === null || typeof kv !== 'object') continue;
    const key = kv.key;
    if (typeof key !== 'string') continue;
    setOwn(out, key, toAttrValue(kv.value));
  }
  return out;
}
