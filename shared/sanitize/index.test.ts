import { describe, expect, it } from 'vitest';
import { luhnValid, maskAuthorization, maskCardNumbers, sanitizeAttributes, sanitizeHeaders, sanitizePayload } from './index';

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
