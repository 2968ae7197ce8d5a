import { describe, expect, it } from 'vitest';
import type { Expr, Lhs, Value } from './ast';
import { OPERATORS } from './ast';
import { fieldCatalogue } from './fields';
import { parse } from './parser';
import { print } from './print';
import { mulberry32 as rng } from '../util/random';


const names = [...fieldCatalogue.flatMap((f) => [f.name, ...f.aliases]), 'proxy.kong.latency.3p.kafka.total_io', 'x', 'a_b.c9'];
const addresses = ['10.0.0.0/8', '0.0.0.0/0', '192.168.1.1', '::1', '::', 'fe80::/10', '2001:db8::7', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8/128'];
const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '\t', '#', 'r', '/', 'é', '😀', '&&', '(', ')'];
const at = { start: 0, end: 0 };

function generate(random: () => number): Expr {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lhs = (): Lhs => {
    const r = random();
    if (r < 0.15) return { kind: 'transform', fn: 'lower', arg: lhs(), ...at };
    if (r < 0.25) return { kind: 'transform', fn: 'any', arg: lhs(), ...at };
    return { kind: 'field', name: pick(names), ...at };
  };
  const value = (): Value => {
    const r = random();
    if (r < 0.4) {
      let s = '';
      const len = Math.floor(random() * 8);
      for (let i = 0; i < len; i++) s += pick(alphabet);
      return { kind: 'string', value: s, raw: random() < 0.3 && !s.includes('"#'), ...at };
    }
    if (r < 0.7) {
      const magnitude = random() < 0.2 ? Number.MAX_SAFE_INTEGER : 1000;
      const n = Math.floor(random() * magnitude) * (random() < 0.3 ? -1 : 1);
      return { kind: 'int', value: n === 0 ? 0 : n, ...at };
    }
    return { kind: 'ip', text: pick(addresses), ...at };
  };
  const expr = (depth: number): Expr => {
    const r = random();
    if (depth > 3 || r < 0.45) return { kind: 'predicate', lhs: lhs(), op: pick(OPERATORS), opRange: at, value: value(), ...at };
    if (r < 0.6) return { kind: 'not', expr: expr(depth + 1), ...at };
    const count = 2 + Math.floor(random() * 3);
    return { kind: random() < 0.5 ? 'and' : 'or', terms: Array.from({ length: count }, () => expr(depth + 1)), ...at };
  };
  return expr(0);
}

const withoutPositions = (expr: Expr): unknown =>
  JSON.parse(JSON.stringify(expr, (key, v: unknown) => (key === 'start' || key === 'end' || key === 'opRange' ? undefined : v)));

describe('print', () => {
  it.each([
    ['a==1&&b==2||c==3', 'a == 1 && b == 2 || c == 3'],
    ['a==1&&(b==2||c==3)', 'a == 1 && (b == 2 || c == 3)'],
    ['(a==1&&b==2)&&c==3', '(a == 1 && b == 2) && c == 3'],
    ['((a == 1))', 'a == 1'],
    ['!( a==1 )', '!(a == 1)'],
    ['lower( any(a) )=="x"', 'lower(any(a)) == "x"'],
    ['a==0x1F', 'a == 31'],
    ['a == "q\\"b\\\\\\n"', 'a == "q\\"b\\\\\\n"'],
    ['a ~ r#"\\d+"#', 'a ~ r#"\\d+"#'],
    ['a not   in 10.0.0.0/8', 'a not in 10.0.0.0/8'],
  ])('%s prints as %s', (src, expected) => {
    const r = parse(src);
    expect(r.ok && print(r.expr)).toBe(expected);
  });

  it('round-trips: parsing the printed text of a random AST gives the same AST (1,000 seeded cases)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const ast = generate(rng(seed));
      const text = print(ast);
      const back = parse(text);
      if (!back.ok) throw new Error(`seed ${seed}: ${text}: ${back.errors[0]!.message}`);
      expect(withoutPositions(back.expr), `seed ${seed}: ${text}`).toEqual(withoutPositions(ast));
    }
  });
});
