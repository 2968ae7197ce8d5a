import type { Expr, Lhs, Operator, Predicate, Value } from './ast';
import type { ExprError } from './errors';
import { errorAt } from './errors';
import { lookupField, typeName } from './fields';
import type { Token } from './lexer';
import { lex } from './lexer';
import { quote } from './print';

/**
 * Recursive descent over the grammar of domain.md section 5:
 *   expression := and ("||" and)*      and := term ("&&" term)*
 *   term := predicate | "!"? "(" expression ")"      predicate := lhs operator value
 *   lhs := field | ("lower" | "any") "(" lhs ")"
 * It stops at the first syntax error (later ones are usually consequences of it). Nesting is capped so
 * hostile input cannot overflow the stack.
 */

export type ParseResult = { ok: true; expr: Expr } | { ok: false; errors: ExprError[] };

const MAX_DEPTH = 64;
const FUNCTIONS = new Set(['lower', 'any']);

class SyntaxFailure extends Error {
  constructor(readonly error: ExprError) {
    super(error.message);
  }
}

export function parse(src: string): ParseResult {
  const { tokens, errors } = lex(src);
  try {
    const parser = new Parser(src, tokens, errors);
    return { ok: true, expr: parser.parseAll() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
}

const describe = (t: Token): string => (t.kind === 'string' ? 'a string' : t.kind === 'int' ? `the number ${t.text}` : t.text);

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
    private readonly lexErrors: ExprError[],
  ) {}

  parseAll(): Expr {
    if (this.tokens.length === 0) {
      this.fail(0, Math.max(this.src.length, 1), 'empty expression: write a condition such as http.response.status_code >= 500');
    }
    const expr = this.parseOr(undefined);
    const t = this.peek();
    if (t) this.unexpectedAfterCondition(t);
    return expr;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private fail(start: number, end: number, message: string, fix?: { start: number; end: number; replacement: string; label: string }): never {
    throw new SyntaxFailure(errorAt(start, end, message, fix));
  }

  /** An `error` token stands for a lexer message; report that one. */
  private failLex(t: Token): never {
    const err = this.lexErrors.find((e) => e.column > t.start && e.column <= t.end);
    if (err) throw new SyntaxFailure(err);
    this.fail(t.start, t.end, `unexpected ${t.text}`);
  }

  private parseOr(opener: Token | undefined): Expr {
    const first = this.parseAnd(opener);
    const terms = [first];
    while (this.peek()?.text === '||') {
      const op = this.tokens[this.pos++]!;
      terms.push(this.parseAnd(op));
    }
    return terms.length === 1 ? first : { kind: 'or', terms, start: first.start, end: terms[terms.length - 1]!.end };
  }

  private parseAnd(opener: Token | undefined): Expr {
    const first = this.parseTerm(opener);
    const terms = [first];
    while (this.peek()?.text === '&&') {
      const op = this.tokens[this.pos++]!;
      terms.push(this.parseTerm(op));
    }
    return terms.length === 1 ? first : { kind: 'and', terms, start: first.start, end: terms[terms.length - 1]!.end };
  }

  /** `opener` is the token before this term (&&, ||, "(") for "missing condition after ..." messages. */
  private parseTerm(opener: Token | undefined): Expr {
    const t = this.peek();
    if (!t) {
      if (opener) this.fail(opener.start, opener.end, `missing condition after ${opener.text}`);
      this.fail(0, 1, 'empty expression');
    }
    switch (t.kind) {
      case 'not':
        return this.parseNot(t);
      case 'lparen':
        return this.parseGroup(t);
      case 'field':
      case 'function':
        return this.parsePredicate();
      case 'error':
        return this.failLex(t);
      case 'logical':
        return this.fail(t.start, t.end, `missing condition before ${t.text}`);
      case 'rparen':
        return this.fail(t.start, t.end, opener ? `missing condition after ${opener.text}` : 'unexpected ): nothing to close');
      case 'operator':
        return this.fail(t.start, t.end, `missing field before ${t.text}`);
      default:
        return this.fail(t.start, t.end, `a condition starts with a field, e.g. http.response.status_code >= 500; found ${describe(t)}`);
    }
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH) this.fail(t.start, t.end, `nested too deeply (more than ${MAX_DEPTH} levels)`);
  }

  private parseGroup(open: Token): Expr {
    this.enter(open);
    this.pos++;
    const inner = this.parseOr(open);
    this.expectClose(open, '(');
    this.depth--;
    return inner;
  }

  private expectClose(open: Token, what: string): void {
    const t = this.peek();
    if (t?.kind === 'rparen') {
      this.pos++;
      return;
    }
    if (!t) {
      const end = this.src.length;
      this.fail(open.start, open.end, `${what} is never closed: add )`, { start: end, end, replacement: ')', label: 'add )' });
    }
    if (t.kind === 'error') this.failLex(t);
    this.fail(t.start, t.end, `expected ) to close the ${what} at column ${open.start + 1}, found ${describe(t)}`);
  }

  private parseNot(bang: Token): Expr {
    const next = this.peek(1);
    if (next?.kind === 'lparen') {
      this.pos++;
      const inner = this.parseGroup(next);
      return { kind: 'not', expr: inner, start: bang.start, end: this.tokens[this.pos - 1]!.end };
    }
    const message = '! negates only a parenthesised expression: write !( ... )';
    if (next?.kind === 'field' || next?.kind === 'function') {
      // offer to wrap the condition that follows, when it parses
      const saved = this.pos;
      this.pos++;
      let end: number | undefined;
      try {
        end = this.parsePredicate().end;
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
      }
      this.pos = saved;
      if (end !== undefined) {
        const inner = this.src.slice(next.start, end);
        this.fail(bang.start, bang.end, `! negates only a parenthesised expression: write !(${inner})`, {
          start: bang.start,
          end,
          replacement: `!(${inner})`,
          label: `use !(${inner})`,
        });
      }
    }
    return this.fail(bang.start, bang.end, message);
  }

  private parseLhs(): Lhs {
    const t = this.peek()!;
    if (t.kind === 'function') {
      if (!FUNCTIONS.has(t.text)) this.fail(t.start, t.end, `unknown function ${t.text}(): the functions are lower() and any()`);
      this.enter(t);
      this.pos++;
      const open = this.tokens[this.pos++]!;
      const inner = this.peek();
      if (!inner || (inner.kind !== 'field' && inner.kind !== 'function')) {
        const at = inner ?? open;
        this.fail(at.start, at.end, `${t.text}() needs a field, e.g. ${t.text}(http.route)`);
      }
      const arg = this.parseLhs();
      this.expectClose(open, `${t.text}(`);
      this.depth--;
      return { kind: 'transform', fn: t.text as 'lower' | 'any', arg, start: t.start, end: this.tokens[this.pos - 1]!.end };
    }
    this.pos++;
    return { kind: 'field', name: t.text, start: t.start, end: t.end };
  }

  private parsePredicate(): Predicate {
    const lhs = this.parseLhs();
    const lhsText = this.src.slice(lhs.start, lhs.end);
    const t = this.peek();
    if (!t || t.kind === 'logical' || t.kind === 'rparen') {
      this.fail(lhs.start, lhs.end, `${lhsText} needs an operator and a value, e.g. ${example(lhs)}`);
    }
    if (t.kind === 'error') this.failLex(t);
    if (t.kind !== 'operator' || (t.text === 'not' && this.peek(1)?.text !== 'in')) {
      if (t.text === 'not') this.fail(t.start, t.end, 'not must be followed by in: not in');
      if (t.kind === 'string' || t.kind === 'int' || t.kind === 'ip') {
        this.fail(t.start, t.end, `missing operator between ${lhsText} and ${t.text}`);
      }
      this.fail(t.start, t.end, `expected an operator (== != ~ ^= =^ contains > >= < <= in, not in) after ${lhsText}, found ${t.text}`);
    }
    this.pos++;
    let op = t.text as Operator;
    let opEnd = t.end;
    if (t.text === 'not') {
      opEnd = this.tokens[this.pos++]!.end;
      op = 'not in';
    }
    const value = this.parseValue(lhs, op, t.start, opEnd);
    return { kind: 'predicate', lhs, op, opRange: { start: t.start, end: opEnd }, value, start: lhs.start, end: value.end };
  }

  private parseValue(lhs: Lhs, op: Operator, opStart: number, opEnd: number): Value {
    const t = this.peek();
    if (!t || t.kind === 'logical' || t.kind === 'rparen') this.fail(opStart, opEnd, `missing value after ${op}`);
    if (t.kind === 'string') {
      this.pos++;
      return { kind: 'string', value: t.value as string, raw: t.raw === true, start: t.start, end: t.end };
    }
    if (t.kind === 'int') {
      this.pos++;
      return { kind: 'int', value: t.value as number, start: t.start, end: t.end };
    }
    if (t.kind === 'ip') {
      this.pos++;
      return { kind: 'ip', text: t.text, start: t.start, end: t.end };
    }
    // quoting and operator slips have better messages from the lexer; anything else is an unquoted word
    if (t.kind === 'error' && (/^["'&|=^]/.test(t.text) || /^-?[0-9]+$/.test(t.text) || t.text.startsWith('r#"'))) this.failLex(t);
    if (t.kind === 'operator' || t.kind === 'not' || t.kind === 'lparen') {
      this.fail(t.start, t.end, `expected a value after ${op}, found ${t.text}`);
    }
    return this.bareWord(lhs, op, t);
  }

  /** An unquoted word where a value belongs: the commonest mistake (`http.method == GET`). */
  private bareWord(lhs: Lhs, op: Operator, t: Token): never {
    let end = t.start;
    while (end < this.src.length && !/[\s()&|]/.test(this.src[end]!)) end++;
    const word = this.src.slice(t.start, end);
    const field = lookupField(baseName(lhs));
    const quoted = quote(word);
    const wantsString = (!field || field.type === 'string') && op !== 'in' && op !== 'not in' && !/^[<>]/.test(op);
    if (wantsString) {
      this.fail(t.start, end, `string values must be quoted: ${quoted}`, { start: t.start, end, replacement: quoted, label: `quote it: ${quoted}` });
    }
    const expected = op === 'in' || op === 'not in' ? 'an IP address or CIDR' : field ? typeName(field.type) : 'a value';
    this.fail(t.start, end, `expected ${expected} after ${op}, found ${word}`);
  }

  private unexpectedAfterCondition(t: Token): never {
    if (t.kind === 'error') this.failLex(t);
    if (t.kind === 'rparen') this.fail(t.start, t.end, 'unexpected ): no ( to close', { start: t.start, end: t.end, replacement: '', label: 'remove )' });
    const word = t.text.toLowerCase();
    if (word === 'and' || word === 'or') {
      const op = word === 'and' ? '&&' : '||';
      this.fail(t.start, t.end, `use ${op} instead of ${t.text}`, { start: t.start, end: t.end, replacement: op, label: `use ${op}` });
    }
    this.fail(t.start, t.end, `expected && or || before ${t.text}`);
  }
}

function baseName(lhs: Lhs): string {
  let node: Lhs = lhs;
  while (node.kind === 'transform') node = node.arg;
  return node.name;
}

function example(lhs: Lhs): string {
  const name = baseName(lhs);
  const type = lookupField(name)?.type;
  if (type === 'int') return `${name} >= 500`;
  if (type === 'ip') return `${name} in 10.0.0.0/8`;
  return `${name} == "GET"`;
}
