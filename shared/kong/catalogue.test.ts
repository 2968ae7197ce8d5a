import { describe, expect, it } from 'vitest';
import { describeAttribute, describeSpan } from './catalogue';

describe('describeSpan', () => {
  it('describes known core spans', () => {
    expect(describeSpan('kong.read_client_http_body')).toMatch(/request body/);
    expect(describeSpan('kong.wait_for_client_read')).toMatch(/slow reader/);
  });

  it('describes phases and plugins it has never seen by their pattern', () => {
    expect(describeSpan('kong.phase.header_filter')).toBe('The header_filter phase: processing the response headers.');
    expect(describeSpan('kong.phase.future_phase')).toBe('The future_phase phase.');
    expect(describeSpan('kong.access.plugin.my-custom-auth')).toBe(
      "The my-custom-auth plugin's handler in the access phase.",
    );
    expect(describeSpan('kong.io.redis.eval')).toMatch(/Redis call \(eval\)/);
  });

  it('has no description for unknown spans', () => {
    expect(describeSpan('GET /users')).toBeNull();
    expect(describeSpan('kong.something_new')).toBeNull();
  });
});

describe('describeAttribute', () => {
  it('gives latencies in milliseconds', () => {
    expect(describeAttribute('proxy.kong.latency.total')).toMatch(/ms/);
    expect(describeAttribute('proxy.kong.latency.upstream')).toMatch(/ms/);
  });

  it('knows every attribute the real Gateway 3.10 trace in the fixtures carries', () => {
    const keys = [
      'service.version',
      'session.id',
      'service.instance.id',
      'service.name',
      'proxy.kong.latency.total',
      'proxy.kong.latency.3p.redis.total_io',
      'proxy.kong.latency.3p.tcpsock.total_io',
      'proxy.kong.latency.3p.http_client.total_io',
      'proxy.kong.latency.3p.dns.total_io',
      'proxy.kong.latency.3p.total_io',
      'proxy.kong.client.keepalive',
      'proxy.kong.http.request.body.size',
      'proxy.kong.http.response.body.size',
      'server.address',
      'proxy.kong.upstream.status_code',
      'network.peer.port',
      'http.request.size',
      'network.peer.address',
      'http.response.status_code',
      'client.port',
      'client.address',
      'url.full',
      'http.route',
      'proxy.kong.service.id',
      'http.request.header.host',
      'proxy.kong.consumer.id',
      'proxy.kong.upstream.id',
      'http.response.size',
      'proxy.kong.upstream.addr',
      'proxy.kong.upstream.host',
      'http.request.method',
      'proxy.kong.target.id',
      'url.scheme',
      'server.port',
      'proxy.kong.request.id',
      'network.protocol.name',
      'network.protocol.version',
      'proxy.kong.latency.upstream.read_headers_duration',
      'proxy.kong.latency.upstream.read_body_duration',
      'proxy.kong.route.id',
      'proxy.kong.latency.upstream',
      'proxy.kong.latency.client',
      'proxy.kong.latency.internal',
      'proxy.kong.http.request.headers.size',
      'proxy.kong.http.request.headers.count',
      'proxy.kong.router.matched',
      'proxy.kong.router.upstream_path',
      'proxy.kong.plugin.id',
      'proxy.kong.dns.domain',
      'proxy.kong.dns.tries',
      'proxy.kong.http.content_length',
      'chunks',
      'num_chunks',
      'try_count',
      'proxy.kong.upstream.lb_algorithm',
      'proxy.kong.latency.upstream.connect_duration',
      'keepalive',
      'network.peer.name',
    ];
    expect(keys.filter((k) => describeAttribute(k) === null)).toEqual([]);
  });
});
