import { describe, expect, it } from 'vitest';
import type { AttrValue, Attributes } from '../model/types';
import { compile, formatError } from './index';
import fixture from '../sample/gateway-3.10-konnect.json';

const matches = (src: string, attrs: Attributes): boolean => {
  const r = compile(src);
  if (!r.ok) throw new Error(`${src}: ${r.errors.map(formatError).join('; ')}`);
  return r.evaluate(attrs);
};

const request: Attributes = {
  'http.request.method': 'GET',
  'url.full': 'https://api.example.com/orders/42',
  'http.route': '/orders',
  'http.request.header.host': 'api.example.com',
  'http.response.status_code': 503,
  'proxy.kong.upstream.status_code': 200,
  'http.request.size': '177',
  'client.port': '53478',
  'client.address': '10.1.2.3',
  'network.peer.address': '2001:db8::7',
  'proxy.kong.latency.total': 770.4,
  'proxy.kong.latency.3p.redis.total_io': 12,
};

describe('evaluate: each operator on each type', () => {
  it.each([
    // strings
    ['http.request.method == "GET"', true],
    ['http.request.method == "get"', false],
    ['http.request.method != "POST"', true],
    ['http.request.method != "GET"', false],
    ['url.full ~ "/orders/[0-9]+$"', true],
    ['url.full ~ "^/orders"', false],
    ['url.full ~ r#"\\.example\\.com"#', true],
    ['url.full ~ "(?i)API\\\\.EXAMPLE"', true],
    ['http.route ^= "/ord"', true],
    ['http.route ^= "ord"', false],
    ['http.route =^ "ers"', true],
    ['http.route =^ "/ord"', false],
    ['url.full contains "example"', true],
    ['url.full contains "EXAMPLE"', false],
    ['lower(url.full) contains "example"', true],
    // integers, from numbers and numeric strings
    ['http.response.status_code == 503', true],
    ['http.response.status_code == 0x1f7', true],
    ['http.response.status_code != 503', false],
    ['http.response.status_code > 500', true],
    ['http.response.status_code > 503', false],
    ['http.response.status_code >= 503', true],
    ['http.response.status_code < 503', false],
    ['http.response.status_code <= 503', true],
    ['http.request.size == 177', true],
    ['http.request.size > 176', true],
    ['http.request.size > -1', true],
    ['client.port >= 50000', true],
    ['proxy.kong.latency.total > 770', true],
    ['proxy.kong.latency.total < 771', true],
    ['proxy.kong.latency.3p.redis.total_io >= 10', true],
    // addresses
    ['client.address == 10.1.2.3', true],
    ['client.address != 10.1.2.3', false],
    ['client.address in 10.0.0.0/8', true],
    ['client.address in 10.1.2.3', true],
    ['client.address in 10.1.2.0/31', false],
    ['client.address in 0.0.0.0/0', true],
    ['client.address not in 192.168.0.0/16', true],
    ['client.address not in 10.0.0.0/8', false],
    ['client.address in ::/0', false],
    ['network.peer.address in 2001:db8::/32', true],
    ['network.peer.address in 2001:db9::/32', false],
    ['network.peer.address == 2001:DB8:0:0:0:0:0:7', true],
    ['network.peer.address not in fe80::/10', true],
    ['network.peer.address in 0.0.0.0/0', false],
  ])('%s → %s', (src, expected) => {
    expect(matches(src, request)).toBe(expected);
  });
});

describe('evaluate: logic', () => {
  it.each([
    ['http.response.status_code == 503 && http.request.method == "GET"', true],
    ['http.response.status_code == 503 && http.request.method == "POST"', false],
    ['http.response.status_code == 200 || http.request.method == "GET"', true],
    ['http.response.status_code == 200 || http.request.method == "POST"', false],
    // && binds tighter: true || (false && false)
    ['http.request.method == "GET" || http.response.status_code == 1 && http.route == "x"', true],
    ['(http.request.method == "GET" || http.response.status_code == 1) && http.route == "x"', false],
    ['!(http.response.status_code == 503)', false],
    ['!(proxy.kong.upstream.status_code >= 300) && http.response.status_code >= 500', true],
  ])('%s → %s', (src, expected) => {
    expect(matches(src, request)).toBe(expected);
  });
});

describe('evaluate: missing and odd attribute values', () => {
  it('makes a predicate on a missing attribute false, whatever the operator', () => {
    for (const src of ['proxy.kong.consumer.id == "x"', 'proxy.kong.consumer.id != "x"', 'server.port > 0', 'destination.address not in 10.0.0.0/8']) {
      expect(matches(src, request), src).toBe(false);
    }
    expect(matches('!(proxy.kong.consumer.id == "x")', request)).toBe(true);
    expect(matches('http.response.status_code > 0', {})).toBe(false);
  });

  it('treats values it cannot read as the field type as missing', () => {
    expect(matches('http.response.status_code > 0', { 'http.response.status_code': 'n/a' })).toBe(false);
    expect(matches('http.response.status_code > 0', { 'http.response.status_code': true })).toBe(false);
    expect(matches('client.address in 0.0.0.0/0', { 'client.address': 'localhost' })).toBe(false);
    expect(matches('http.route == "x"', { 'http.route': { nested: 'x' } })).toBe(false);
    expect(matches('http.route == "x"', { 'http.route': null })).toBe(false);
  });

  it('reads aliases both ways and older attribute spellings', () => {
    expect(matches('http.method == "GET"', { 'http.request.method': 'GET' })).toBe(true);
    expect(matches('http.request.method == "GET"', { 'http.method': 'GET' })).toBe(true);
    expect(matches('net.src.ip in 10.0.0.0/8', { 'client.address': '10.9.9.9' })).toBe(true);
    expect(matches('net.dst.port == 8000', { 'server.port': '8000' })).toBe(true);
    expect(matches('proxy.kong.upstream.status_code == 502', { 'proxy.kong.upstream_status_code': 502 })).toBe(true);
  });

  it('requires every element of an array to match, or any element under any()', () => {
    const attrs: Attributes = { 'http.route': ['/a', '/b'] };
    expect(matches('http.route ^= "/"', attrs)).toBe(true);
    expect(matches('http.route == "/a"', attrs)).toBe(false);
    expect(matches('any(http.route) == "/a"', attrs)).toBe(true);
    expect(matches('any(http.route) == "/c"', attrs)).toBe(false);
    expect(matches('lower(any(http.route)) == "/b"', { 'http.route': ['/A', '/B'] })).toBe(true);
    expect(matches('any(http.route) == "/a"', { 'http.route': [] })).toBe(false);
  });

  it('compiles once and evaluates many times without state leaking between calls', () => {
    const r = compile('url.full ~ "a"');
    if (!r.ok) throw new Error('compile failed');
    expect([r.evaluate({ 'url.full': 'a' }), r.evaluate({ 'url.full': 'a' }), r.evaluate({ 'url.full': 'b' })]).toEqual([true, true, false]);
  });
});

/** The root span's attributes from a Konnect `batches` document, decoded by hand (protobuf-JSON style). */
function konnectRootAttributes(doc: typeof fixture): Attributes {
  const value = (v: Record<string, unknown>): AttrValue => {
    if ('stringValue' in v) return v.stringValue as string;
    if ('doubleValue' in v) return Number(v.doubleValue);
    if ('intValue' in v) return Number(v.intValue);
    if ('boolValue' in v) return Boolean(v.boolValue);
    return null;
  };
  for (const batch of doc.batches) {
    for (const scope of batch.scopeSpans) {
      for (const span of scope.spans) {
        if (span.name !== 'kong') continue;
        const out: Attributes = {};
        for (const a of span.attributes ?? []) out[a.key] = value(a.value as Record<string, unknown>);
        return out;
      }
    }
  }
  throw new Error('no root span in fixture');
}

describe('evaluate against the real Konnect Gateway 3.10 trace', () => {
  const root = konnectRootAttributes(fixture);
  it.each([
    ['http.method == "GET" && http.response.status_code == 200', true],
    ['http.response.status_code >= 500', false],
    ['proxy.kong.route.id == "5d165982-9d3a-4e76-87a7-31d03bae4582"', true],
    ['proxy.kong.service.id ^= "c9ba713f"', true],
    ['http.request.size == 177', true],
    ['client.port > 50000 && net.dst.port == 8000', true],
    ['client.address in 10.88.0.0/16', true],
    ['net.src.ip not in 10.0.0.0/8', false],
    ['network.peer.address == 3.214.119.249', true],
    ['proxy.kong.upstream.addr in 3.0.0.0/8', true],
    ['proxy.kong.latency.total >= 770 && proxy.kong.latency.upstream > 700', true],
    ['proxy.kong.latency.3p.dns.total_io > 0', true],
    ['proxy.kong.latency.3p.redis.total_io > 0', false],
    ['url.full =^ "/headers" && http.host == "localhost"', true],
    ['!(proxy.kong.upstream.status_code >= 100) && http.response.status_code == 500', false],
    ['proxy.kong.consumer.id contains "a28fb362"', true],
    ['proxy.kong.latency.upstream.ttfb > 0', false],
  ])('%s → %s', (src, expected) => {
    expect(matches(src, root)).toBe(expected);
  });
});
