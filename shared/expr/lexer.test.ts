import { describe, expect, it } from 'vitest';
import { lex, tokenize } from './lexer';

const kinds = (src: string) => tokenize(src).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it.each([
    ['http.route == "/x"', ['field:http.route', 'operator:==', 'string:"/x"']],
    ['a != 1', ['field:a', 'operator:!=', 'int:1']],
    ['a ~ r#"x"#', ['field:a', 'operator:~', 'string:r#"x"#']],
    ['a^="x"', ['field:a', 'operator:^=', 'string:"x"']],
    ['a =^ "x"', ['field:a', 'operator:=^', 'string:"x"']],
    ['a contains "x"', ['field:a', 'operator:contains', 'string:"x"']],
    ['a>1&&b>=2||c<3', ['field:a', 'operator:>', 'int:1', 'logical:&&', 'field:b', 'operator:>=', 'int:2', 'logical:||', 'field:c', 'operator:<', 'int:3']],
    ['a <= -0x1f', ['field:a', 'operator:<=', 'int:-0x1f']],
    ['a in 10.0.0.0/8', ['field:a', 'operator:in', 'ip:10.0.0.0/8']],
    ['a not in fe80::/10', ['field:a', 'operator:not', 'operator:in', 'ip:fe80::/10']],
    ['a == ::1', ['field:a', 'operator:==', 'ip:::1']],
    ['!(lower (a) == "x")', ['not:!', 'lparen:(', 'function:lower', 'lparen:(', 'field:a', 'rparen:)', 'operator:==', 'string:"x"', 'rparen:)']],
    ['proxy.kong.latency.3p.redis.total_io > 0', ['field:proxy.kong.latency.3p.redis.total_io', 'operator:>', 'int:0']],
  ])('%s', (src, expected) => {
    expect(kinds(src)).toEqual(expected);
  });

  it('decodes every escape and leaves raw strings untouched', () => {
    expect(tokenize(String.raw`"a\"b\\c\nd\re\tf"`)[0]!.value).toBe('a"b\\c\nd\re\tf');
    expect(tokenize(String.raw`r#"a\n"b"#`)[0]).toMatchObject({ kind: 'string', value: 'a\\n"b', raw: true });
    expect(tokenize('"multi\nline"')[0]!.value).toBe('multi\nline');
  });

  it.each([
    ['42', 42],
    ['-7', -7],
    ['0', 0],
    ['-0', 0],
    ['0x1F4', 500],
    ['-0x10', -16],
    ['9007199254740991', 9007199254740991],
  ])('reads the integer %s as %d', (src, value) => {
    expect(tokenize(src)).toEqual([expect.objectContaining({ kind: 'int', value })]);
  });

  it('gives ranges that cover the source text of each token', () => {
    const src = 'lower(http.method) == "get"';
    for (const t of tokenize(src)) expect(src.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('lex errors (tolerant: every character still lands in a token)', () => {
  it.each([
    ['a == "abc', 6, 'unterminated string'],
    ['a == r#"abc', 6, 'unterminated raw string'],
    ['a == "x\\q"', 8, 'unknown escape \\q'],
    ['a = 1', 3, 'use =='],
    ['a == 1 & b == 2', 8, 'use && to join'],
    ['a == 1 | b == 2', 8, 'use || to join'],
    ["a == 'x'", 6, 'strings use double quotes: "x"'],
    ['a == 007', 6, 'may not start with 0'],
    ['a == 12abc', 6, '12abc is not a number'],
    ['a == 99999999999999999999', 6, 'too large'],
    ['a == 1 @', 8, 'unexpected character "@"'],
    ['a ^ "x"', 3, 'the prefix operator is ^='],
  ])('%s: column %d', (src, column, message) => {
    const { tokens, errors } = lex(src);
    expect(errors[0]).toMatchObject({ column });
    expect(errors[0]!.message).toContain(message);
    expect(tokens.some((t) => t.kind === 'error')).toBe(true);
  });
});
