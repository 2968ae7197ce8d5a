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

describe('the catalogue covers domain.md sections 2 and 11', () => {
  it.each([
    'kong',
    'kong.tls_handshake',
    'kong.read_client_http_headers',
    'kong.read_client_http_body',
    'kong.phase.certificate',
    'kong.phase.log',
    'kong.access.plugin.jwt',
    'kong.access.plugin.jwt.verify',
    'kong.router',
    'kong.dns',
    'kong.upstream.selection',
    'kong.upstream.find_upstream',
    'kong.find_upstream',
    'kong.send_request_to_upstream',
    'kong.read_headers_from_upstream',
    'kong.read_body_from_upstream',
    'kong.io.http.request',
    'kong.io.http.connect',
    'kong.io.redis.get',
    'kong.io.socket.connect',
    'kong.wait_for_client_read',
    'kong.upstream.try_select',
    'kong.upstream.ttfb',
    'kong.upstream.read_response',
    'kong.balancer',
    'kong.analytics.log_request',
    'kong.datakit.node.get_token',
    'kong.io.redis',
    'kong.debug_session.sample',
    'kong.waiting_for_upstream',
    'kong.read_response_from_upstream',
    'kong.flush_to_downstream',
    'kong.log.plugin.http-log',
    'kong.gen_ai',
    'kong.io.http.request_uri',
    'kong.io.http.read_resp_body',
  ])('describes the span %s', (name) => {
    expect(describeSpan(name)).toMatch(/\w.{10,}/);
  });

  it('says what an older name is called today', () => {
    expect(describeSpan('kong.upstream.ttfb')).toBe(
      'Waiting for the upstream response headers (time to first byte) (older name, gateway 3.9, 3.10 before GA; kong.read_headers_from_upstream today).',
    );
    expect(describeSpan('kong.flush_to_downstream')).toMatch(/kong.wait_for_client_read today/);
    expect(describeSpan('kong.access.plugin.jwt.verify')).toBe("Part of the jwt plugin's work in the access phase: verify.");
  });

  it.each([
    'http.request.method',
    'url.full',
    'url.scheme',
    'http.route',
    'http.response.status_code',
    'proxy.kong.upstream_status_code',
    'proxy.kong.upstream.status_code',
    'client.address',
    'client.port',
    'network.peer.address',
    'server.address',
    'server.port',
    'network.protocol.name',
    'network.protocol.version',
    'tls.client.server_name',
    'tls.cipher',
    'http.request.header.host',
    'http.request.size',
    'http.request.body.size',
    'http.response.size',
    'proxy.kong.request.id',
    'proxy.kong.consumer_id',
    'proxy.kong.service.id',
    'proxy.kong.route.id',
    'proxy.kong.upstream_id',
    'proxy.kong.latency.total',
    'proxy.kong.latency.internal',
    'proxy.kong.latency.upstream',
    'proxy.kong.latency.3p.redis.total_io',
    'proxy.kong.latency.3p.tcpsock.total_io',
    'proxy.kong.latency.3p.http_client.total_io',
    'proxy.kong.latency.3p.dns.total_io',
    'proxy.kong.latency.net_io_timings',
    'proxy.kong.client_KA',
    'proxy.kong.client.keepalive',
    'tls.resumed',
    'proxy.kong.plugin.instance_id',
    'proxy.kong.router.matched',
    'proxy.kong.router.route_id',
    'proxy.kong.router.service_id',
    'proxy.kong.router.upstream_path',
    'proxy.kong.router.cache_hit',
    'proxy.kong.dns.entry',
    'proxy.kong.upstream.lb_algorithm',
    'network.peer.name',
    'network.peer.port',
    'try_count',
    'keepalive',
    // section 11
    'proxy.kong.latency_total_ms',
    'proxy.kong.upstream.ttfb_ms',
    'proxy.kong.upstream.read_response_duration_ms',
    'proxy.kong.redis.total_io_ms',
    'proxy.kong.tcpsock.total_io_ms',
    'proxy.kong.dns.record.domain',
    'proxy.kong.dns.record.ip',
    'proxy.kong.dns.record.port',
    'proxy.kong.latency.upstream.read_headers_duration',
    'proxy.kong.latency.upstream.read_body_duration',
    'proxy.kong.plugin.http.response.status_code',
    'proxy.kong.plugin.http.response.status_message',
    'proxy.kong.datakit.node.type',
    'proxy.kong.datakit.node.status',
    'kong.3p.external_request_id',
    'proxy.kong.upstream.address',
    'http.method',
    'http.url',
    'http.host',
    'http.status_code',
    'http.client_ip',
    'net.peer.ip',
    'kong.request.id',
    'dns.record.domain',
    'peer.service',
    'gen_ai.prompt',
  ])('describes the attribute %s', (key) => {
    expect(describeAttribute(key)).toMatch(/\w.{8,}/);
  });
});
