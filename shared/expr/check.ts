import type { Expr, FieldType, Operator, Predicate, Value } from './ast';
import { baseField, transformsOf } from './ast';
import type { ExprError } from './errors';
import { errorAt } from './errors';
import { lookupField, suggestField, typeName, unknownFieldHint } from './fields';
import { parseCidr, parseIp } from './ip';
import { quote } from './print';
import { compileRegex } from './regex';

/**
 * The type checker: every field known, every operator applied to a field and a value of the types it
 * takes, every regex and address well formed. Reports all problems, in source order.
 */
export function check(expr: Expr): ExprError[] {
  const errors: ExprError[] = [];
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'predicate') checkPredicate(node, errors);
    else if (node.kind === 'not') stack.push(node.expr);
    else stack.push(...node.terms);
  }
  return errors.sort((a, b) => a.column - b.column);
}

const STRING_OPS: ReadonlySet<Operator> = new Set(['~', '^=', '=^', 'contains']);
const INT_OPS: ReadonlySet<Operator> = new Set(['>', '>=', '<', '<=']);
const IP_OPS: ReadonlySet<Operator> = new Set(['in', 'not in']);

function checkPredicate(p: Predicate, errors: ExprError[]): void {
  const ref = baseField(p.lhs);
  const field = lookupField(ref.name);
  if (!field) {
    const hint = unknownFieldHint(ref.name);
    if (hint) {
      errors.push(errorAt(ref.start, ref.end, `unknown field ${ref.name}: ${hint}`));
      return;
    }
    const guess = suggestField(ref.name);
    errors.push(
      guess
        ? errorAt(ref.start, ref.end, `unknown field ${ref.name} (did you mean ${guess}?)`, { start: ref.start, end: ref.end, replacement: guess, label: `use ${guess}` })
        : errorAt(ref.start, ref.end, `unknown field ${ref.name}`),
    );
    return;
  }
  const type = field.type;
  if (transformsOf(p.lhs).includes('lower') && type !== 'string') {
    errors.push(errorAt(p.lhs.start, p.lhs.end, `lower() works on strings; ${ref.name} is ${typeName(type)}`));
    return;
  }
  const wanted = operandType(p.op, type);
  if (wanted === undefined) {
    const needs = STRING_OPS.has(p.op) ? 'a string' : INT_OPS.has(p.op) ? 'an integer' : 'an IP address';
    errors.push(errorAt(p.opRange.start, p.opRange.end, `operator ${p.op} needs ${needs} field; ${ref.name} is ${typeName(type)}`));
    return;
  }
  checkValue(p, ref.name, wanted, errors);
}

/** The value type an operator takes on a field of `type`, or undefined when it does not apply. */
function operandType(op: Operator, type: FieldType): FieldType | undefined {
  if (op === '==' || op === '!=') return type;
  if (STRING_OPS.has(op)) return type === 'string' ? 'string' : undefined;
  if (INT_OPS.has(op)) return type === 'int' ? 'int' : undefined;
  if (IP_OPS.has(op)) return type === 'ip' ? 'ip' : undefined;
  return undefined;
}

function checkValue(p: Predicate, fieldName: string, wanted: FieldType, errors: ExprError[]): void {
  const v = p.value;
  if (v.kind === 'ip') {
    if (wanted === 'int' && /^-?[0-9]+\.[0-9]*$/.test(v.text)) {
      errors.push(errorAt(v.start, v.end, `${v.text} is not an integer: ${fieldName} takes whole numbers`));
      return;
    }
    if (wanted === 'ip') {
      checkAddress(p, v, errors);
      return;
    }
  }
  if (valueType(v) === wanted) {
    if (p.op === '~' && v.kind === 'string') {
      const re = compileRegex(v.value);
      if (!re.ok) errors.push(errorAt(v.start, v.end, `bad regex: ${re.reason}`));
    }
    return;
  }
  errors.push(mismatch(p, fieldName, wanted, v));
}

function checkAddress(p: Predicate, v: Value & { kind: 'ip' }, errors: ExprError[]): void {
  const isBlock = v.text.includes('/');
  if (isBlock && (p.op === '==' || p.op === '!=')) {
    const replacement = p.op === '==' ? 'in' : 'not in';
    errors.push(
      errorAt(p.opRange.start, p.opRange.end, `${p.op} compares one address; to match the block ${v.text} use ${replacement}`, {
        start: p.opRange.start,
        end: p.opRange.end,
        replacement,
        label: `use ${replacement}`,
      }),
    );
    return;
  }
  const parsed = isBlock ? parseCidr(v.text) : parseIp(v.text);
  if (parsed.ok) return;
  const fix = 'fix' in parsed && parsed.fix ? { start: v.start, end: v.end, replacement: parsed.fix, label: `use ${parsed.fix}` } : undefined;
  errors.push(errorAt(v.start, v.end, parsed.reason, fix));
}

function valueType(v: Value): FieldType {
  return v.kind === 'string' ? 'string' : v.kind === 'int' ? 'int' : 'ip';
}

function mismatch(p: Predicate, fieldName: string, wanted: FieldType, v: Value): ExprError {
  const written = v.kind === 'string' ? quote(v.value) : v.kind === 'int' ? String(v.value) : v.text;
  const message = `${p.op} on ${fieldName} needs ${wanted === 'ip' ? 'an IP address or CIDR' : typeName(wanted)} value; ${written} is ${typeName(valueType(v))}`;
  let replacement: string | undefined;
  if (wanted === 'string') replacement = quote(written);
  else if (v.kind === 'string' && wanted === 'int' && /^-?(0|[1-9][0-9]*)$/.test(v.value)) replacement = v.value;
  else if (v.kind === 'string' && wanted === 'ip' && (parseIp(v.value).ok || parseCidr(v.value).ok)) replacement = v.value;
  if (replacement === undefined) return errorAt(v.start, v.end, message);
  const label = wanted === 'string' ? `quote it: ${replacement}` : `unquote it: ${replacement}`;
  return errorAt(v.start, v.end, message, { start: v.start, end: v.end, replacement, label });
}
