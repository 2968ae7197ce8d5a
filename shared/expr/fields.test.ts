import { describe, expect, it } from 'vitest';
import { editDistance, fieldCatalogue, lookupField, suggestField, unknownFieldHint } from './fields';

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
    ['proxy.kong.latency_total_ms', 'proxy.kong.latency.total', 'int'],
    ['tls.sni', 'server.address', 'string'],
    ['net.dst.ip', 'net.dst.ip', 'ip'],
    ['net.protocol', 'network.protocol.name', 'string'],
  ])('%s is %s, %s', (name, canonical, type) => {
    expect(lookupField(name)).toMatchObject({ name: canonical, type });
  });

  it('knows no other fields', () => {
    for (const name of ['http.request', 'proxy.kong.latency.3p..total_io', 'proxy.kong.latency.3p.kafka.total_io', 'HTTP.METHOD', '']) {
      expect(lookupField(name), name).toBeUndefined();
    }
  });

  it("is Kong's sampling schema: every field and alias of domain.md section 5, with its type, and nothing else", () => {
    // Kong's list: the fields a data plane registers for sampling, with their aliases
    const kong: Record<string, 'string' | 'int' | 'ip'> = {
      'http.request.method': 'string',
      'http.method': 'string',
      'url.full': 'string',
      'url.scheme': 'string',
      'http.route': 'string',
      'http.path': 'string',
      'http.request.header.host': 'string',
      'http.host': 'string',
      'network.protocol.name': 'string',
      'net.protocol': 'string',
      'network.protocol.version': 'string',
      'network.transport': 'string',
      'server.address': 'string',
      'tls.sni': 'string',
      'network.peer.name': 'string',
      'proxy.kong.service.id': 'string',
      'proxy.kong.route.id': 'string',
      'proxy.kong.consumer.id': 'string',
      'proxy.kong.upstream.id': 'string',
      'proxy.kong.target.id': 'string',
      'proxy.kong.upstream.host': 'string',
      'http.response.status_code': 'int',
      'proxy.kong.upstream.status_code': 'int',
      'http.request.size': 'int',
      'client.port': 'int',
      'net.src.port': 'int',
      'server.port': 'int',
      'net.dst.port': 'int',
      'network.peer.port': 'int',
      'proxy.kong.latency.total': 'int',
      'proxy.kong.latency_total_ms': 'int',
      'proxy.kong.latency.internal': 'int',
      'proxy.kong.latency.client': 'int',
      'proxy.kong.latency.upstream': 'int',
      'proxy.kong.latency.upstream.ttfb': 'int',
      'proxy.kong.latency.upstream.read_response_duration': 'int',
      'proxy.kong.latency.3p.total_io': 'int',
      'proxy.kong.latency.3p.redis.total_io': 'int',
      'proxy.kong.latency.3p.tcpsock.total_io': 'int',
      'proxy.kong.latency.3p.http_client.total_io': 'int',
      'proxy.kong.latency.3p.dns.total_io': 'int',
      'client.address': 'ip',
      'net.src.ip': 'ip',
      'network.peer.address': 'ip',
      'destination.address': 'ip',
      'proxy.kong.upstream.addr': 'ip',
      'net.dst.ip': 'ip',
    };
    const ours = Object.fromEntries(fieldCatalogue.flatMap((f) => [f.name, ...f.aliases].map((n) => [n, f.type])));
    expect(ours).toEqual(kong);
  });

  it('rejects third-party I/O of a kind Kong does not measure, and says which kinds it does', () => {
    expect(lookupField('proxy.kong.latency.3p.kafka.total_io')).toBeUndefined();
    expect(unknownFieldHint('proxy.kong.latency.3p.kafka.total_io')).toBe('Kong measures third-party I/O only for redis, tcpsock, http_client, dns, not kafka');
    expect(unknownFieldHint('http.metod')).toBeUndefined();
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
