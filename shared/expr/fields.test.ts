import { describe, expect, it } from 'vitest';
import { editDistance, fieldCatalogue, lookupField, suggestField } from './fields';

describe('field catalogue', () => {
  it.each([
    ['http.method', 'http.request.method', 'string'],
    ['http.path', 'http.route', 'string'],
    ['http.host', 'http.request.header.host', 'string'],
    ['net.src.ip', 'client.address', 'ip'],
    ['net.src.port', 'client.port', 'int'],
    ['net.dst.port', 'server.port', 'int'],
    ['proxy.kong.upstream.addr', 'proxy.kong.upstream.addr', 'ip'],
    ['proxy.kong.latency.upstream.ttfb', 'proxy.kong.latency.upstream.ttfb', 'int'],
    ['proxy.kong.latency.3p.kafka.total_io', 'proxy.kong.latency.3p.kafka.total_io', 'int'],
  ])('%s is %s, %s', (name, canonical, type) => {
    expect(lookupField(name)).toMatchObject({ name: canonical, type });
  });

  it('knows no other fields', () => {
    for (const name of ['http.request', 'proxy.kong.latency.3p..total_io', 'proxy.kong.latency.3p.total_io', 'HTTP.METHOD', '']) {
      expect(lookupField(name), name).toBeUndefined();
    }
  });

  it('describes every field, with unique names and aliases', () => {
    const all = fieldCatalogue.flatMap((f) => [f.name, ...f.aliases]);
    expect(new Set(all).size).toBe(all.length);
    for (const f of fieldCatalogue) expect(f.description.length, f.name).toBeGreaterThan(5);
  });

  it.each([
    ['http.metod', 'http.method'],
    ['http.response.statuscode', 'http.response.status_code'],
    ['client.adress', 'client.address'],
    ['status_code', 'http.response.status_code'],
    ['no.such.field', undefined],
  ])('suggests %s → %s', (typo, expected) => {
    expect(suggestField(typo)).toBe(expected);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
