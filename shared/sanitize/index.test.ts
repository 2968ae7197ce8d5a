import { describe, expect, it } from 'vitest';
import { luhnValid, maskAuthorization, maskCardNumbers, maskCookie, maskSetCookie, sanitizeAttributes, sanitizeHeaders, sanitizePayload } from './index';

describe('maskAuthorization', () => {
  it.each([
    ['Bearer abc.def', 'Bearer ****'],
    ['Basic dXNlcjpwYXNz', 'Basic ****'],
    ['bearer    kpat_123', 'bearer ****'],
    ['Digest username="a", realm="b"', 'Digest ****'],
    ['s3cr3t-token-without-scheme', '****'],
    ['Bearer', '****'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(maskAuthorization(input)).toBe(expected);
  });
});

describe('maskCardNumbers', () => {
  it.each([
    ['4242-4242-4242-4242', '*******************'],
    ['card 4242424242424242 ok', 'card **************** ok'],
    ['4111 1111 1111 1111', '*******************'],
    ['amex 378282246310005.', 'amex ***************.'],
    ['two: 4242424242424242 and 5555555555554444', 'two: **************** and ****************'],
    ['split\n4242 4242\n4242 4242', 'split\n*******************'],
    ['diners 30569309025904', 'diners **************'],
  ])('masks Luhn-valid %j', (input, expected) => {
    expect(maskCardNumbers(input)).toBe(expected);
  });

  it.each([
    ['Luhn-invalid look-alike', '4242-4242-4242-4241'],
    ['order number', 'order 1234567890123'],
    ['unix nanoseconds failing Luhn', 'ts=1739932819947000064'],
    ['short run (11 digits)', '42424242424'],
    ['phone-like', '+1 555 123 4567'],
    ['no digits', 'hello world'],
  ])('leaves %s alone', (_name, input) => {
    expect(maskCardNumbers(input)).toBe(input);
  });

  it('masks a run that passes Luhn even when it is not a card (the rule is the check, not the context)', () => {
    expect(maskCardNumbers('ts=1739932819947000061')).toBe('ts=*******************');
  });

  it('checks Luhn on digits only', () => {
    expect(luhnValid('4242 4242 4242 4242')).toBe(true);
    expect(luhnValid('4242 4242 4242 4243')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('payloads and attributes', () => {
  it('sanitizes every header and body of a payload', () => {
    const out = sanitizePayload({
      traceId: 'a'.repeat(32),
      request: {
        headers: { Authorization: 'Bearer abc.def', 'X-Card': ['4242 4242 4242 4242', 'none'], Host: 'api' },
        body: '{"card":"4111-1111-1111-1111","order":"1234567890123"}',
      },
      response: { headers: { 'Proxy-Authorization': 'Basic Zm9vOmJhcg==' } },
    });
    expect(out.request.headers).toEqual({ Authorization: 'Bearer ****', 'X-Card': ['*******************', 'none'], Host: 'api' });
    expect(out.request.body).toBe('{"card":"*******************","order":"1234567890123"}');
    expect(out.response.headers).toEqual({ 'Proxy-Authorization': 'Basic ****' });
    expect(out.response.body).toBeUndefined();
  });

  it('header names are case-insensitive', () => {
    expect(sanitizeHeaders({ AUTHORIZATION: 'token' })).toEqual({ AUTHORIZATION: '****' });
  });

  it('masks authorization header attributes and cards in URLs, keeping other attributes', () => {
    const attrs = {
      'http.request.header.authorization': ['Bearer abc'],
      'http.request.header.x-note': '4242424242424242',
      'url.full': 'https://x/pay?card=4242424242424242',
      'http.request.method': 'GET',
      'proxy.kong.request.id': '4242424242424242',
    };
    expect(sanitizeAttributes(attrs)).toEqual({
      'http.request.header.authorization': ['Bearer ****'],
      'http.request.header.x-note': '****************',
      'url.full': 'https://x/pay?card=****************',
      'http.request.method': 'GET',
      'proxy.kong.request.id': '4242424242424242',
    });
    const clean = { 'http.request.method': 'GET' };
    expect(sanitizeAttributes(clean)).toBe(clean);
  });
});

describe('the headers Kong masks by default (domain.md section 7)', () => {
  it.each([
    ['authorization', 'Bearer abc.def', 'Bearer ****'],
    ['Authorization', 'abc.def', '****'],
    ['proxy-authorization', 'Basic Zm9vOmJhcg==', 'Basic ****'],
    ['api-key', 'k-123', '****'],
    ['apikey', 'k-123', '****'],
    ['x-api-key', 'k-123', '****'],
    ['X-Api-Key', 'k-123', '****'],
    ['x-consumer-username', 'alice', '****'],
    ['x-consumer-custom-id', 'cust-7', '****'],
    ['x-consumer-id', '0b5c1b7e-0000-4000-8000-000000000000', '****'],
    ['x-credential-identifier', 'cred-9', '****'],
    ['cookie', 'session=abc123; theme=dark', 'session=****; theme=****'],
    ['Cookie', 'lone', '****'],
    ['set-cookie', 'sid=abc; Path=/; HttpOnly; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'sid=****; Path=/; HttpOnly; Expires=Wed, 21 Oct 2026 07:28:00 GMT'],
    ['x-request-id', 'abc', 'abc'],
  ])('%s: %j -> %j, name kept', (name, value, expected) => {
    expect(sanitizeHeaders({ [name]: value })).toEqual({ [name]: expected });
  });

  it('masks every value of a repeated header', () => {
    expect(sanitizeHeaders({ 'set-cookie': ['a=1; Path=/', 'b=2'], 'x-api-key': ['one', 'two'] })).toEqual({ 'set-cookie': ['a=****; Path=/', 'b=****'], 'x-api-key': ['****', '****'] });
  });

  it.each([
    ['an empty cookie value', 'a=; b=2', 'a=; b=****'],
    ['spaces kept around pairs', ' a = 1 ;b=2', ' a =****;b=****'],
  ])('cookies: %s', (_name, input, expected) => {
    expect(maskCookie(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = sanitizeHeaders({ cookie: 'a=1', 'set-cookie': 'b=2; Path=/', authorization: 'Bearer x', 'x-api-key': 'k' });
    expect(sanitizeHeaders(once)).toEqual(once);
    expect(maskSetCookie('b=****; Path=/')).toBe('b=****; Path=/');
  });

  it('applies to header attributes of spans and logs too', () => {
    expect(sanitizeAttributes({ 'http.request.header.cookie': 'a=1', 'http.request.header.x-api-key': ['k'] })).toEqual({ 'http.request.header.cookie': 'a=****', 'http.request.header.x-api-key': ['****'] });
  });
});
