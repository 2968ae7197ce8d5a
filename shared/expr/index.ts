/**
 * The sampling expression language (domain.md section 5): Kong's router expression language as the
 * debugger evaluates it against a request's root-span attributes. Compile once, evaluate many.
 */
import type { Attributes } from '../model/types';
import type { Expr } from './ast';
import { check } from './check';
import type { ExprError } from './errors';
import { toEvaluator } from './evaluate';
import { parse } from './parser';

export type { Expr } from './ast';
export type { ExprError } from './errors';
export { applyFix, formatError } from './errors';
export { fieldCatalogue } from './fields';
export type { TokenKind } from './lexer';
export { tokenize } from './lexer';
export type { Completion, CompletionItem, SeenValues } from './complete';
export { complete } from './complete';

export type CompileResult =
  | { ok: true; expr: Expr; evaluate: (attrs: Attributes) => boolean }
  | { ok: false; errors: ExprError[] };

/** Parse, type-check and build the evaluator; errors carry 1-based columns and, where obvious, a fix. */
export function compile(src: string): CompileResult {
  const parsed = parse(src);
  if (!parsed.ok) return parsed;
  const errors = check(parsed.expr);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, expr: parsed.expr, evaluate: toEvaluator(parsed.expr) };
}
