/**
 * OTLP AnyValue / KeyValue lists into model attribute values. This runs for every attribute of every span,
 * so it checks the lowerCamelCase spelling first and only then the snake_case one.
 *
 * Nothing is dropped silently: a value in a shape that is not an AnyValue is kept as JSON text and
 * reported to the sink (with its JSON path suffix), so the import lists it as skipped. Plain JSON values
 * where an AnyValue belongs (and attributes written as one JSON object, Konnect trace v1) are read as the
 * native values they are (native-value.ts).
 */
import type { Attributes, AttrValue } from '../model/types';
import { asText, excerpt, isPlainObject, MAX_VALUE_DEPTH, nativeAttributes, nativeValue, setKey, type ValueSink } from './native-value';

export type { ValueSink } from './native-value';

type Obj = Record<string, unknown>;

/** Why the last `scalar` call returned ODD, and the part of the value to keep as text (read right after the call). */
let oddReason = '';
let oddValue: unknown;

function odd(reason: string, keep: unknown): typeof ODD {
  oddReason = reason;
  oddValue = keep;
  return ODD;
}

/** An OTLP int64 (decimal string or number) as a number when exact, else as its decimal string. */
function intValue(v: unknown): AttrValue | typeof ODD {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
    if (/^-?\d+$/.test(v)) return v;
  }
  return v === null ? null : odd(`intValue ${excerpt(v)} is not an integer; kept as text`, v);
}

function doubleValue(v: unknown): AttrValue | typeof ODD {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    // proto3 JSON writes non-finite doubles as strings
    const n = Number(v);
    return Number.isNaN(n) && v !== 'NaN' ? v : n;
  }
  return v === null ? null : odd(`doubleValue ${excerpt(v)} is not a number; kept as text`, v);
}

function boolValue(v: unknown): AttrValue | typeof ODD {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return v === null ? null : odd(`boolValue ${excerpt(v)} is not a boolean; kept as text`, v);
}

function bytesValue(v: unknown): AttrValue | typeof ODD {
  if (typeof v === 'string') return v;
  return v === null ? null : odd(`bytesValue ${excerpt(v)} is not base64 text; kept as text`, v);
}

/**
 * One AnyValue at `where`. Nested arrays and key-value lists are walked with an explicit stack rather
 * than recursion so hostile nesting cannot overflow the call stack; below MAX_VALUE_DEPTH levels the rest
 * is kept as JSON text and reported: every later step (merging, storing, structured clone to the UI,
 * writing a file) may recurse, and one span nested 100,000 levels deep must not break them.
 */
export function toAttrValue(value: unknown, sink?: ValueSink, where = ''): AttrValue {
  const simple = scalar(value);
  if (simple === ODD) return keepOdd(value, sink, where);
  if (simple !== NESTED) return simple;
  const rootHolder: AttrValue[] = [];
  const stack: { source: unknown[]; target: AttrValue[] | Record<string, AttrValue>; keyed: boolean; i: number; where: string }[] = [];
  const open = (v: Obj, put: (x: AttrValue) => void, at: string): void => {
    const arr = (v.arrayValue ?? v.array_value) as Obj | undefined;
    if (arr !== undefined) {
      const target: AttrValue[] = [];
      put(target);
      const values = arr && Array.isArray(arr.values) ? arr.values : [];
      stack.push({ source: values, target, keyed: false, i: 0, where: sink ? `${at}.arrayValue.values` : '' });
      return;
    }
    const kv = (v.kvlistValue ?? v.kvlist_value) as Obj | undefined;
    const target: Record<string, AttrValue> = {};
    put(target);
    const values = kv && Array.isArray(kv.values) ? kv.values : [];
    stack.push({ source: values, target, keyed: true, i: 0, where: sink ? `${at}.kvlistValue.values` : '' });
  };
  open(value as Obj, (x) => rootHolder.push(x), where);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.source.length) {
      stack.pop();
      continue;
    }
    const index = top.i++;
    const item = top.source[index];
    let key = '';
    let inner: unknown = item;
    if (top.keyed) {
      if (item === null || typeof item !== 'object' || typeof (item as Obj).key !== 'string') {
        sink?.skip(`${top.where}[${index}]`, `a key-value entry needs a string key; dropped ${excerpt(item)}`);
        continue;
      }
      key = (item as Obj).key as string;
      inner = (item as Obj).value;
    }
    const put = top.keyed
      ? (x: AttrValue) => {
          setKey(top.target as Record<string, AttrValue>, key, x);
        }
      : (x: AttrValue) => {
          (top.target as AttrValue[]).push(x);
        };
    const s = scalar(inner);
    if (s === NESTED && stack.length >= MAX_VALUE_DEPTH) {
      sink?.skip(`${top.where}[${index}]${top.keyed ? '.value' : ''}`, `nested deeper than ${MAX_VALUE_DEPTH} levels; kept as JSON text`);
      put(asText(inner));
    } else if (s === NESTED) open(inner as Obj, put, sink ? `${top.where}[${index}]${top.keyed ? '.value' : ''}` : '');
    else if (s === ODD) put(keepOdd(inner, sink, sink ? `${top.where}[${index}]${top.keyed ? '.value' : ''}` : ''));
    else put(s);
  }
  return rootHolder[0] ?? null;
}

/** A value `scalar` did not understand: native arrays read as such, anything else kept as JSON text and reported. */
function keepOdd(value: unknown, sink: ValueSink | undefined, where: string): AttrValue {
  if (Array.isArray(value)) return nativeValue(value, sink, where);
  sink?.skip(where, oddReason);
  return asText(oddValue);
}

const NESTED = Symbol('nested');
const ODD = Symbol('odd');

function scalar(value: unknown): AttrValue | typeof NESTED | typeof ODD {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') {
    // a producer that wrote the plain value instead of an AnyValue: nothing to lose, keep it
    return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? value : String(value);
  }
  if (Array.isArray(value)) return odd('', value);
  const v = value as Obj;
  let x = v.stringValue;
  if (x !== undefined) return typeof x === 'string' ? x : asText(x);
  x = v.intValue;
  if (x !== undefined) return intValue(x);
  x = v.doubleValue;
  if (x !== undefined) return doubleValue(x);
  x = v.boolValue;
  if (x !== undefined) return boolValue(x);
  if (v.arrayValue !== undefined || v.kvlistValue !== undefined) return NESTED;
  x = v.bytesValue;
  // bytes have no model type; keep the base64 text the producer sent
  if (x !== undefined) return bytesValue(x);
  x = v.string_value;
  if (x !== undefined) return typeof x === 'string' ? x : asText(x);
  x = v.int_value;
  if (x !== undefined) return intValue(x);
  x = v.double_value;
  if (x !== undefined) return doubleValue(x);
  x = v.bool_value;
  if (x !== undefined) return boolValue(x);
  if (v.array_value !== undefined || v.kvlist_value !== undefined) return NESTED;
  x = v.bytes_value;
  if (x !== undefined) return bytesValue(x);
  // an empty AnyValue (no value set) is OTLP's null
  for (const _ in v) return odd(`${excerpt(v)} is not an OTLP AnyValue; kept as text`, v);
  return null;
}

/**
 * Attributes at `where` (e.g. ".attributes"): an OTLP KeyValue list, or one JSON object of native values
 * (Konnect trace v1). Entries without a string key, and attributes of any other shape, are reported.
 */
export function toAttributes(list: unknown, sink?: ValueSink, where = ''): Attributes {
  const out: Attributes = {};
  if (!Array.isArray(list)) {
    if (isPlainObject(list)) return nativeAttributes(list, sink, where);
    if (list !== undefined && list !== null) sink?.skip(where, `attributes must be a list of {key, value} or an object; dropped ${excerpt(list)}`);
    return out;
  }
  for (let i = 0; i < list.length; i++) {
    const kv = list[i] as Obj | null;
    if (kv === null || typeof kv !== 'object' || typeof kv.key !== 'string') {
      sink?.skip(`${where}[${i}]`, `an attribute needs a string key; dropped ${excerpt(kv)}`);
      continue;
    }
    const value = kv.value;
    const s = scalar(value);
    if (s === NESTED) setKey(out, kv.key, toAttrValue(value, sink, sink ? `${where}[${i}].value` : ''));
    else if (s === ODD) setKey(out, kv.key, keepOdd(value, sink, sink ? `${where}[${i}].value` : ''));
    else setKey(out, kv.key, s);
  }
  return out;
}
