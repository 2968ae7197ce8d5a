/**
 * The typed AST of a sampling expression (domain.md section 5). Every node keeps its source range as
 * 0-based UTF-16 offsets [start, end), the same units an input element's selection uses; messages turn
 * them into 1-based columns.
 */

export interface Range {
  start: number;
  end: number;
}

export type FieldType = 'string' | 'int' | 'ip';

export type Operator = '==' | '!=' | '~' | '^=' | '=^' | 'contains' | '>' | '>=' | '<' | '<=' | 'in' | 'not in';

export const OPERATORS: readonly Operator[] = ['==', '!=', '~', '^=', '=^', 'contains', '>', '>=', '<', '<=', 'in', 'not in'];

export type TransformName = 'lower' | 'any';

/** The left-hand side: a field, possibly wrapped in lower(...) or any(...). */
export type Lhs = FieldRef | Transform;

export interface FieldRef extends Range {
  kind: 'field';
  /** as written (an alias stays an alias, so printing keeps the user's spelling) */
  name: string;
}

export interface Transform extends Range {
  kind: 'transform';
  fn: TransformName;
  arg: Lhs;
}

export type Value = StringValue | IntValue | IpValue;

export interface StringValue extends Range {
  kind: 'string';
  value: string;
  /** written as r#"..."# */
  raw: boolean;
}

export interface IntValue extends Range {
  kind: 'int';
  value: number;
}

export interface IpValue extends Range {
  kind: 'ip';
  /** as written, e.g. 10.0.0.0/8 or fe80::1 */
  text: string;
}

export interface Predicate extends Range {
  kind: 'predicate';
  lhs: Lhs;
  op: Operator;
  opRange: Range;
  value: Value;
}

/** `a && b && c` is one node with three terms; explicit parentheses nest. */
export interface Logical extends Range {
  kind: 'and' | 'or';
  terms: Expr[];
}

export interface Not extends Range {
  kind: 'not';
  expr: Expr;
}

export type Expr = Predicate | Logical | Not;

/** The field a left-hand side finally reads, under any transforms. */
export function baseField(lhs: Lhs): FieldRef {
  let node: Lhs = lhs;
  while (node.kind === 'transform') node = node.arg;
  return node;
}

/** Transforms from the outside in: lower(any(x)) gives ['lower', 'any']. */
export function transformsOf(lhs: Lhs): TransformName[] {
  const out: TransformName[] = [];
  let node: Lhs = lhs;
  while (node.kind === 'transform') {
    out.push(node.fn);
    node = node.arg;
  }
  return out;
}
