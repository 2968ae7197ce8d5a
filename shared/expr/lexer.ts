import type { ExprError } from './errors';
import { errorAt } from './errors';
import { quote } from './print';

/**
 * The lexer: source text to tokens with ranges. It never throws and covers every non-blank character,
 * so the editor can colour half-typed input; problems come back as `error` tokens plus messages.
 */

export type TokenKind =
  | 'field'
  | 'function'
  | 'operator'
  | 'logical'
  | 'not'
  | 'lparen'
  | 'rparen'
  | 'string'
  | 'int'
  | 'ip'
  | 'error';

export interface Token {
  kind: TokenKind;
  /** 0-based offsets [start, end) */
  start: number;
  end: number;
  text: string;
  /** decoded string for `string`, number for `int` */
  value?: string | number;
  /** a string written r#"..."# */
  raw?: boolean;
}

export interface LexResult {
  tokens: Token[];
  errors: ExprError[];
}

const KEYWORD_OPERATORS = new Set(['contains', 'in', 'not']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentChar = (c: string) => isIdentStart(c) || isDigit(c) || c === '.';
const isHexOrColon = (c: string) => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c === ':' || c === '.';
const isWordChar = (c: string) => isIdentChar(c) || c === ':';

export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  const errors: ExprError[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, extra?: Partial<Token>) => {
    tokens.push({ kind, start, end, text: src.slice(start, end), ...extra });
  };
  const report: Report = (start, end, message, fix) => {
    errors.push(errorAt(start, end, message, fix));
  };
  const fail: Report = (start, end, message, fix) => {
    push('error', start, end);
    report(start, end, message, fix);
  };

  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1] ?? '';
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === '(') {
      push('lparen', i, ++i);
    } else if (c === ')') {
      push('rparen', i, ++i);
    } else if (c === '&' || c === '|') {
      if (next === c) {
        push('logical', i, (i += 2));
      } else {
        i++;
        fail(start, i, `use ${c}${c} to join conditions`, { start, end: i, replacement: c + c, label: `use ${c}${c}` });
      }
    } else if (c === '!') {
      if (next === '=') push('operator', i, (i += 2));
      else push('not', i, ++i);
    } else if (c === '=') {
      if (next === '=' || next === '^') push('operator', i, (i += 2));
      else {
        i++;
        fail(start, i, 'use == to compare', { start, end: i, replacement: '==', label: 'use ==' });
      }
    } else if (c === '^') {
      if (next === '=') push('operator', i, (i += 2));
      else {
        i++;
        fail(start, i, 'unexpected ^: the prefix operator is ^=', { start, end: i, replacement: '^=', label: 'use ^=' });
      }
    } else if (c === '>' || c === '<') {
      push('operator', i, (i += next === '=' ? 2 : 1));
    } else if (c === '~') {
      push('operator', i, ++i);
    } else if (c === '"') {
      i = lexString(src, i, push, report);
    } else if (c === 'r' && next === '#' && src[i + 2] === '"') {
      const close = src.indexOf('"#', i + 3);
      if (close === -1) {
        i = src.length;
        fail(start, i, 'unterminated raw string: add a closing "#', { start: i, end: i, replacement: '"#', label: 'add "#' });
      } else {
        i = close + 2;
        push('string', start, i, { value: src.slice(start + 3, close), raw: true });
      }
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      i = close === -1 ? src.length : close + 1;
      const inner = src.slice(start + 1, close === -1 ? src.length : close);
      const quoted = quote(inner);
      fail(start, i, `strings use double quotes: ${quoted}`, { start, end: i, replacement: quoted, label: `use ${quoted}` });
    } else if (isDigit(c) || (c === '-' && isDigit(next)) || c === ':' || (isIdentStart(c) && startsIpv6(src, i))) {
      i = lexNumberOrAddress(src, i, push, fail);
    } else if (isIdentStart(c)) {
      while (i < src.length && isIdentChar(src[i]!)) i++;
      const word = src.slice(start, i);
      let j = i;
      while (j < src.length && isSpace(src[j]!)) j++;
      if (KEYWORD_OPERATORS.has(word)) push('operator', start, i);
      else push(src[j] === '(' ? 'function' : 'field', start, i);
    } else {
      i++;
      fail(start, i, `unexpected character ${JSON.stringify(c)}`);
    }
  }
  return { tokens, errors };
}

/** Tokens for syntax highlighting; tolerant of any input. */
export function tokenize(src: string): Token[] {
  return lex(src).tokens;
}

type Push = (kind: TokenKind, start: number, end: number, extra?: Partial<Token>) => void;
type Report = (start: number, end: number, message: string, fix?: { start: number; end: number; replacement: string; label: string }) => void;

/** A double-quoted string; a bad escape or a missing quote makes the whole literal one error token. */
function lexString(src: string, start: number, push: Push, report: Report): number {
  let i = start + 1;
  let value = '';
  let bad = false;
  while (i < src.length && src[i] !== '"') {
    if (src[i] === '\\') {
      const e = src[i + 1];
      if (e !== undefined && e in ESCAPES) {
        value += ESCAPES[e];
      } else if (e !== undefined) {
        bad = true;
        report(i, i + 2, `unknown escape \\${e} in string: the escapes are \\" \\\\ \\n \\r \\t`, {
          start: i,
          end: i + 1,
          replacement: '\\\\',
          label: 'escape the backslash',
        });
      }
      i += 2;
    } else {
      value += src[i];
      i++;
    }
  }
  if (i >= src.length) {
    push('error', start, src.length);
    report(start, src.length, 'unterminated string: add a closing "', { start: src.length, end: src.length, replacement: '"', label: 'add "' });
    return src.length;
  }
  i++;
  if (bad) push('error', start, i);
  else push('string', start, i, { value, raw: false });
  return i;
}

/** An identifier-looking run like `fe80::1` is an IPv6 address when it has a colon. */
function startsIpv6(src: string, i: number): boolean {
  let j = i;
  while (j < src.length && isHexOrColon(src[j]!)) {
    if (src[j] === ':') return true;
    j++;
  }
  return false;
}

function lexNumberOrAddress(src: string, start: number, push: Push, fail: Report): number {
  let i = start;
  if (src[i] === '-') i++;
  while (i < src.length && isWordChar(src[i]!)) i++;
  if (src[i] === '/') {
    i++;
    while (i < src.length && isWordChar(src[i]!)) i++;
  }
  const text = src.slice(start, i);
  if (text.includes(':') || text.includes('.') || text.includes('/')) {
    push('ip', start, i);
    return i;
  }
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  let value: number;
  if (/^0x[0-9a-f]+$/i.test(body)) {
    value = parseInt(body.slice(2), 16);
  } else if (/^(0|[1-9][0-9]*)$/.test(body)) {
    value = Number(body);
  } else if (/^0[0-9]+$/.test(body)) {
    const plain = String(Number(body));
    fail(start, i, `integers may not start with 0 (Kong would read ${text} as octal): write ${negative ? '-' : ''}${plain}`, {
      start,
      end: i,
      replacement: `${negative ? '-' : ''}${plain}`,
      label: `use ${negative ? '-' : ''}${plain}`,
    });
    return i;
  } else {
    fail(start, i, `${text} is not a number; quote it if it is a string: "${text}"`, {
      start,
      end: i,
      replacement: quote(text),
      label: `quote it: "${text}"`,
    });
    return i;
  }
  if (!Number.isSafeInteger(value)) {
    fail(start, i, `${text} is too large: integers must be within ±${Number.MAX_SAFE_INTEGER}`);
    return i;
  }
  push('int', start, i, { value: negative && value !== 0 ? -value : value });
  return i;
}
