import { describe, expect, it } from 'vitest';
import { applyFix, formatError } from './errors';
import { compile } from './index';

const firstError = (src: string) => {
  const r = compile(src);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.errors[0]!;
};

describe('compile errors: column, reason and fix', () => {
  it.each([
    // syntax
    ['', 1, 'empty expression'],
    ['   ', 1, 'empty expression'],
    ['http.method == GET', 16, 'string values must be quoted: "GET"'],
    ['http.method  == GET', 17, 'string values must be quoted: "GET"'],
    ['http.route == /api/v1', 15, 'string values must be quoted: "/api/v1"'],
    ['proxy.kong.route.id == 5d165982-9d3a', 24, 'string values must be quoted: "5d165982-9d3a"'],
    ['http.response.status_code == abc', 30, 'expected an integer after ==, found abc'],
    ['client.address in anywhere', 19, 'expected an IP address or CIDR after in, found anywhere'],
    ['url.full == "abc', 13, 'unterminated string'],
    ['url.full == r#"abc', 13, 'unterminated raw string'],
    ['url.full == "a\\d"', 15, 'unknown escape \\d'],
    ['http.method ==', 13, 'missing value after =='],
    ['http.method == && url.full == "x"', 13, 'missing value after =='],
    ['http.method == "GET" &&', 22, 'missing condition after &&'],
    ['http.method == "GET" || )', 25, 'missing condition after ||'],
    ['&& http.method == "GET"', 1, 'missing condition before &&'],
    ['== "GET"', 1, 'missing field before =='],
    ['"GET" == http.method', 1, 'a condition starts with a field'],
    ['http.method', 1, 'needs an operator and a value, e.g. http.method == "GET"'],
    ['http.response.status_code', 1, 'e.g. http.response.status_code >= 500'],
    ['http.method "GET"', 13, 'missing operator between http.method and "GET"'],
    ['http.method is "GET"', 13, 'expected an operator'],
    ['client.address not 10.0.0.0/8', 16, 'not must be followed by in'],
    ['!http.method == "GET"', 1, 'write !(http.method == "GET")'],
    ['!!(a == 1)', 1, '! negates only a parenthesised expression'],
    ['(http.method == "GET"', 1, '( is never closed'],
    ['(http.method == "GET" "x"', 23, 'expected ) to close the ( at column 1'],
    ['http.method == "GET")', 21, 'no ( to close'],
    ['http.method == "GET" url.full == "x"', 22, 'expected && or || before url.full'],
    ['http.method == "GET" and url.full == "x"', 22, 'use && instead of and'],
    ['http.method == "GET" OR url.full == "x"', 22, 'use || instead of OR'],
    ['upper(http.method) == "GET"', 1, 'unknown function upper()'],
    ['lower("x") == "x"', 7, 'lower() needs a field'],
    ['lower(http.method == "x"', 19, 'expected ) to close the lower('],
    ['http.method = "GET"', 13, 'use =='],
    ["http.method == 'GET'", 16, 'strings use double quotes: "GET"'],
    ['http.response.status_code == 0500', 30, 'may not start with 0'],
    // types
    ['no.such.field == "x"', 1, 'unknown field no.such.field'],
    ['http.metod == "GET"', 1, 'unknown field http.metod (did you mean http.method?)'],
    ['status_code >= 500', 1, 'did you mean http.response.status_code?'],
    ['http.method == "GET" && url.full > 5', 34, 'operator > needs an integer field; url.full is a string'],
    ['http.response.status_code ~ "5.."', 27, 'operator ~ needs a string field; http.response.status_code is an integer'],
    ['url.full in 10.0.0.0/8', 10, 'operator in needs an IP address field; url.full is a string'],
    ['client.port contains "1"', 13, 'operator contains needs a string field'],
    ['http.response.status_code == "500"', 30, 'needs an integer value; "500" is a string'],
    ['http.route == 500', 15, 'needs a string value; 500 is an integer'],
    ['server.address == 10.0.0.1', 19, 'needs a string value; 10.0.0.1 is an IP address'],
    ['client.address == "10.0.0.1"', 19, 'needs an IP address or CIDR value'],
    ['proxy.kong.latency.total > 2.5', 28, '2.5 is not an integer'],
    ['lower(http.response.status_code) == 1', 1, 'lower() works on strings'],
    ['http.route ~ "[a-"', 14, 'bad regex'],
    ['http.route ~ "(a)\\\\1"', 14, 'back-references are not supported'],
    ['http.route ~ r#"(?<=x)y"#', 14, 'look-around is not supported'],
    ['client.address in 10.0.0.0/33', 19, 'bad CIDR 10.0.0.0/33: the prefix length must be a number from 0 to 32'],
    ['client.address in 10.0.0.1/8', 19, 'did you mean 10.0.0.0/8?'],
    ['client.address in 10.0.0.256/32', 19, 'bad IPv4 address 10.0.0.256: 256 is over 255'],
    ['client.address in 10.0.0/8', 19, 'four numbers'],
    ['client.address in fe80::/129', 19, 'from 0 to 128'],
    ['client.address in fe80:::1/64', 19, 'bad IPv6 address'],
    ['client.address == 1::2::3', 19, ':: may appear only once'],
    ['client.address == 10.0.0.0/8', 16, 'to match the block 10.0.0.0/8 use in'],
  ])('%j: column %d', (src, column, message) => {
    const err = firstError(src);
    expect(formatError(err)).toContain(`column ${column}: `);
    expect(err.message).toContain(message);
    expect(err.endColumn).toBeGreaterThan(err.column);
  });

  it('reports every type error, in source order', () => {
    const r = compile('url.full > 1 || no.such == 1 || http.route == 5');
    expect(!r.ok && r.errors.map((e) => e.column)).toEqual([10, 17, 47]);
  });

  it.each([
    ['http.method == GET', 'http.method == "GET"'],
    ['http.method == GET && url.scheme == "http"', 'http.method == "GET" && url.scheme == "http"'],
    ['http.metod == "GET"', 'http.method == "GET"'],
    ['!http.method == "GET"', '!(http.method == "GET")'],
    ['(http.method == "GET"', '(http.method == "GET")'],
    ['url.full == "abc', 'url.full == "abc"'],
    ['url.full == r#"abc', 'url.full == r#"abc"#'],
    ['http.response.status_code == "500"', 'http.response.status_code == 500'],
    ['http.route == 500', 'http.route == "500"'],
    ['client.address in 10.0.0.1/8', 'client.address in 10.0.0.0/8'],
    ['client.address in fe80::1/10', 'client.address in fe80::/10'],
    ['client.address == 10.0.0.0/8', 'client.address in 10.0.0.0/8'],
    ['client.address != 10.0.0.0/8', 'client.address not in 10.0.0.0/8'],
    ['http.method == "GET" and url.full == "x"', 'http.method == "GET" && url.full == "x"'],
    ['http.method == "GET" & url.full == "x"', 'http.method == "GET" && url.full == "x"'],
    ['http.method = "GET"', 'http.method == "GET"'],
    ["http.method == 'GET'", 'http.method == "GET"'],
    ['http.route == "a\\d"', 'http.route == "a\\\\d"'],
    ['http.method == "GET"))', 'http.method == "GET")'],
  ])('the fix for %j gives a valid expression', (src, fixed) => {
    const err = firstError(src);
    expect(err.fix).toBeDefined();
    const after = applyFix(src, err.fix!);
    expect(after).toBe(fixed);
    if (!fixed.endsWith('))') && !after.endsWith('")')) expect(compile(after).ok).toBe(true);
  });
});
