import type { Expr, Lhs, Value } from './ast';

/**
 * AST to canonical text: single spaces around operators, `&&`/`||` between terms, parentheses only where
 * the structure needs them (an `||` inside `&&`, or a nested group of the same kind), decimal integers,
 * strings re-escaped. Parsing the output gives the same AST (up to positions). Recursion follows the AST,
 * whose nesting the parser caps.
 */
export function print(expr: Expr): string {
  switch (expr.kind) {
    case 'predicate':
      return `${printLhs(expr.lhs)} ${expr.op} ${printValue(expr.value)}`;
    case 'not':
      return `!(${print(expr.expr)})`;
    case 'and':
    case 'or': {
      const joiner = expr.kind === 'and' ? ' && ' : ' || ';
      return expr.terms
        .map((t) => {
          const text = print(t);
          const needsParens = (t.kind === 'or' && expr.kind === 'and') || t.kind === expr.kind;
          return needsParens ? `(${text})` : text;
        })
        .join(joiner);
    }
  }
}

export function printLhs(lhs: Lhs): string {
  return lhs.kind === 'field' ? lhs.name : `${lhs.fn}(${printLhs(lhs.arg)})`;
}

export function printValue(v: Value): string {
  if (v.kind === 'int') return String(v.value);
  if (v.kind === 'ip') return v.text;
  if (v.raw && !v.value.includes('"#')) return `r#"${v.value}"#`;
  return quote(v.value);
}

/** A double-quoted string literal with the language's escapes. */
export function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else out += c;
  }
  return `${out}"`;
}
