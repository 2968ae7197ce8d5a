import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parse } from './parser';

/** A compact rendering of the tree's shape: and(...), or(...), not(...), and predicates as fields. */
function shape(expr: Expr): string {
  switch (expr.kind) {
    case 'predicate':
      return expr.lhs.kind === 'field' ? expr.lhs.name : `${expr.lhs.fn}(..)`;
    case 'not':
      return `not(${shape(expr.expr)})`;
    default:
      return `${expr.kind}(${expr.terms.map(shape).join(' ')})`;
  }
}

const tree = (src: string) => {
  const r = parse(src);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.expr;
};

describe('parse: precedence and grouping', () => {
  it.each([
    ['a == 1', 'a'],
    ['a == 1 && b == 2 && c == 3', 'and(a b c)'],
    ['a == 1 || b == 2 && c == 3', 'or(a and(b c))'],
    ['a == 1 && b == 2 || c == 3', 'or(and(a b) c)'],
    ['(a == 1 || b == 2) && c == 3', 'and(or(a b) c)'],
    ['a == 1 && (b == 2 || c == 3)', 'and(a or(b c))'],
    ['((a == 1))', 'a'],
    ['(a == 1 && b == 2) && c == 3', 'and(and(a b) c)'],
    ['!(a == 1) && b == 2', 'and(not(a) b)'],
    ['!(a == 1 || b == 2)', 'not(or(a b))'],
    ['!(!(a == 1))', 'not(not(a))'],
  ])('%s', (src, expected) => {
    expect(shape(tree(src))).toBe(expected);
  });

  it('records the operator, value and source ranges of a predicate', () => {
    expect(tree('lower(http.method) not in "x"')).toEqual({
      kind: 'predicate',
      lhs: { kind: 'transform', fn: 'lower', arg: { kind: 'field', name: 'http.method', start: 6, end: 17 }, start: 0, end: 18 },
      op: 'not in',
      opRange: { start: 19, end: 25 },
      value: { kind: 'string', value: 'x', raw: false, start: 26, end: 29 },
      start: 0,
      end: 29,
    });
  });

  it.each([
    ['a == 0x10', { kind: 'int', value: 16 }],
    ['a == -3', { kind: 'int', value: -3 }],
    ['a == r#"x\\y"#', { kind: 'string', value: 'x\\y', raw: true }],
    ['a in 2001:db8::/32', { kind: 'ip', text: '2001:db8::/32' }],
    ['a == 192.168.0.1', { kind: 'ip', text: '192.168.0.1' }],
  ])('reads the value of %s', (src, value) => {
    const expr = tree(src);
    expect(expr.kind === 'predicate' && expr.value).toMatchObject(value);
  });

  it('accepts the examples from the domain reference', () => {
    for (const src of [
      'http.response.status_code >= 500',
      'http.response.status_code == 503',
      'proxy.kong.route.id == "5d165982-9d3a-4e76-87a7-31d03bae4582"',
      '!(proxy.kong.upstream.status_code >= 100) && http.response.status_code == 500',
      'client.address in 10.0.0.0/8',
      'any(lower(http.route)) ^= "/api"',
    ]) {
      expect(parse(src).ok, src).toBe(true);
    }
  });

  it('refuses input nested deeper than it can safely handle, with a message instead of a crash', () => {
    const deep = `${'('.repeat(5000)}a == 1${')'.repeat(5000)}`;
    const r = parse(deep);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toContain('nested too deeply');
  });
});
