import type { AttrValue, Attributes } from '../model/types';
import type { Expr, FieldType, Operator, Predicate, Value } from './ast';
import { baseField, transformsOf } from './ast';
import type { FieldInfo } from './fields';
import { lookupField } from './fields';
import type { Cidr, IpAddress } from './ip';
import { cidrContains, parseCidr, parseIp, sameIp } from './ip';
import { compileRegex } from './regex';

/**
 * Turns a checked AST into one closure per node, so the work of resolving fields, compiling regexes and
 * parsing CIDRs happens once and evaluating a trace is a few property reads and comparisons.
 *
 * Semantics against root-span attributes: a missing (or unconvertible) attribute makes its predicate
 * false, never an error. Integers may arrive as numbers or numeric strings (Konnect sends
 * `"http.request.size": "177"`). An array value must match in every element, or in some element under
 * any(...). Recursion here follows the AST, whose nesting the parser caps.
 */
export type Evaluator = (attrs: Attributes) => boolean;

export function toEvaluator(expr: Expr): Evaluator {
  switch (expr.kind) {
    case 'predicate':
      return predicateEvaluator(expr);
    case 'not': {
      const inner = toEvaluator(expr.expr);
      return (attrs) => !inner(attrs);
    }
    case 'and': {
      const terms = expr.terms.map(toEvaluator);
      return (attrs) => terms.every((t) => t(attrs));
    }
    case 'or': {
      const terms = expr.terms.map(toEvaluator);
      return (attrs) => terms.some((t) => t(attrs));
    }
  }
}

type Scalar = string | number | IpAddress;

function predicateEvaluator(p: Predicate): Evaluator {
  const field = lookupField(baseField(p.lhs).name);
  if (!field) throw new Error(`unchecked expression: unknown field ${baseField(p.lhs).name}`);
  const transforms = transformsOf(p.lhs);
  const anyOf = transforms.includes('any');
  const lower = transforms.includes('lower');
  const read = attributeReader(field);
  const coerce = coercer(field.type, lower);
  const test = comparator(p.op, field.type, p.value);
  const one = (v: AttrValue): boolean => {
    const c = coerce(v);
    return c !== undefined && test(c);
  };
  return (attrs) => {
    const raw = read(attrs);
    if (raw === undefined || raw === null) return false;
    if (Array.isArray(raw)) return raw.length > 0 && (anyOf ? raw.some(one) : raw.every(one));
    return one(raw);
  };
}

/** Reads the field, falling back to its aliases and older attribute spellings. */
function attributeReader(field: FieldInfo): (attrs: Attributes) => AttrValue | undefined {
  const keys = [field.name, ...field.aliases, ...(field.attributeKeys ?? [])];
  if (keys.length === 1) return (attrs) => attrs[field.name];
  return (attrs) => {
    for (const key of keys) {
      const v = attrs[key];
      if (v !== undefined && v !== null) return v;
    }
    return undefined;
  };
}

const NUMERIC = /^\s*-?[0-9]+(\.[0-9]+)?\s*$/;

function coercer(type: FieldType, lower: boolean): (v: AttrValue) => Scalar | undefined {
  if (type === 'int') {
    return (v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : undefined);
  }
  if (type === 'ip') {
    return (v) => {
      if (typeof v !== 'string') return undefined;
      const parsed = parseIp(v);
      return parsed.ok ? parsed.value : undefined;
    };
  }
  return (v) => {
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    return s !== undefined && lower ? s.toLowerCase() : s;
  };
}

function comparator(op: Operator, type: FieldType, value: Value): (v: Scalar) => boolean {
  if (type === 'ip') {
    if (value.kind !== 'ip') throw new Error('unchecked expression: IP field without an address');
    const parsed = parseCidr(value.text);
    if (!parsed.ok) throw new Error(`unchecked expression: ${parsed.reason}`);
    const block: Cidr = parsed.value;
    switch (op) {
      case '==':
        return (v) => sameIp(block, v as IpAddress);
      case '!=':
        return (v) => !sameIp(block, v as IpAddress);
      case 'in':
        return (v) => cidrContains(block, v as IpAddress);
      case 'not in':
        return (v) => !cidrContains(block, v as IpAddress);
      default:
        throw new Error(`unchecked expression: ${op} on an IP field`);
    }
  }
  if (type === 'int') {
    if (value.kind !== 'int') throw new Error('unchecked expression: integer field without an integer');
    const n = value.value;
    switch (op) {
      case '==':
        return (v) => v === n;
      case '!=':
        return (v) => v !== n;
      case '>':
        return (v) => (v as number) > n;
      case '>=':
        return (v) => (v as number) >= n;
      case '<':
        return (v) => (v as number) < n;
      case '<=':
        return (v) => (v as number) <= n;
      default:
        throw new Error(`unchecked expression: ${op} on an integer field`);
    }
  }
  if (value.kind !== 'string') throw new Error('unchecked expression: string field without a string');
  const s = value.value;
  switch (op) {
    case '==':
      return (v) => v === s;
    case '!=':
      return (v) => v !== s;
    case '^=':
      return (v) => (v as string).startsWith(s);
    case '=^':
      return (v) => (v as string).endsWith(s);
    case 'contains':
      return (v) => (v as string).includes(s);
    case '~': {
      const re = compileRegex(s);
      if (!re.ok) throw new Error(`unchecked expression: ${re.reason}`);
      const regex = re.regex;
      return (v) => regex.test(v as string);
    }
    default:
      throw new Error(`unchecked expression: ${op} on a string field`);
  }
}
