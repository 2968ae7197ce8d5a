import { describe, expect, it } from 'vitest';
import { compile } from './index';
import { compileRegex } from './regex';

describe('~ runs on a linear-time engine', () => {
  // On a backtracking engine this pattern against this route takes minutes (2^35 ways to split the
  // letters); the test runner's timeout is the failure mode, the assertion is on the answer.
  const route = `/api/${'a'.repeat(35)}!`;

  it('answers a pattern that makes backtracking engines explode, at once', () => {
    const re = compileRegex('^/api/(\\w+/?)+$');
    expect(re.ok && re.regex.test(route)).toBe(false);
    expect(re.ok && re.regex.test('/api/orders/42/')).toBe(true);
  });

  it('in a rule, as the list filter, the capture rule and the CLI evaluate it', () => {
    const rule = compile('http.route ~ r#"^/api/(\\w+/?)+$"#');
    if (!rule.ok) throw new Error('did not compile');
    expect(rule.evaluate({ 'http.route': route })).toBe(false);
    expect(rule.evaluate({ 'http.route': '/api/orders/42' })).toBe(true);
  });
});

describe('~ accepts what Kong (Rust regex, RE2 syntax) accepts, and refuses what it refuses', () => {
  it.each([
    ['(?i)api\\.example', 'API.EXAMPLE.com'],
    ['(?P<id>[0-9]+)$', '/orders/42'],
    ['(?<id>[0-9]+)$', '/orders/42'],
    ['\\-x', 'a-x'],
    ['\\pL+', 'ü'],
    ['(?s)a.b', 'a\nb'],
  ])('%s is accepted and matches %j', (pattern, text) => {
    const re = compileRegex(pattern);
    expect(re.ok && re.regex.test(text)).toBe(true);
  });

  it.each([
    // accepted by JavaScript's RegExp, refused by Rust's regex crate (and so by Kong)
    ['[^]', 'missing closing ]'],
    ['\\cJ', 'invalid escape'],
    ['(?x)a b', 'invalid or unsupported Perl syntax'],
    ['(a)\\1', 'back-references are not supported'],
    ['(?=a)', 'look-around is not supported'],
    ['(?<!a)b', 'look-around is not supported'],
  ])('%s is refused: %s', (pattern, reason) => {
    const re = compileRegex(pattern);
    expect(re.ok).toBe(false);
    expect(!re.ok && re.reason).toContain(reason);
  });
});
