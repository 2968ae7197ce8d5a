/**
 * Kong's span and attribute catalogue as data (domain.md section 2), so the inspector can explain a span
 * or an attribute on hover. Descriptions are one line each. Names vary between gateway versions, so the
 * lookups also understand the `kong.<phase>.plugin.<name>` and `kong.phase.<phase>` patterns and the
 * `kong.io.*` family; anything else has no description (and still displays as a plain span).
 */
import { classifySpanName, SPAN_RENAMES } from './span-names';

export const SPAN_CATALOGUE: Readonly<Record<string, string>> = {
  kong: 'The whole request through the gateway: first byte in to last byte out.',
  'kong.tls_handshake': 'TLS handshake with the client, including slow-client I/O.',
  'kong.read_client_http_headers': 'Reading the request headers from the client (slow client or CDN shows here).',
  'kong.read_client_http_body': 'Reading the whole request body from the client.',
  'kong.router': 'Matching the request to a route and service.',
  'kong.dns': 'DNS resolution of the upstream host.',
  'kong.upstream.selection': 'Finding a healthy upstream target (load balancing, retries).',
  'kong.find_upstream': 'One try at one upstream target: connect, TLS, send headers.',
  'kong.balancer':
    'The whole upstream round trip (OpenTelemetry plugin): picking a target, connecting, sending, waiting and reading the response.',
  'kong.send_request_to_upstream': 'Writing the request to the upstream (3.10 to 3.12 also count the wait for its answer here).',
  'kong.read_headers_from_upstream': 'Waiting for and reading the upstream response headers (includes time to first byte).',
  'kong.read_body_from_upstream': 'Reading the upstream response body.',
  'kong.wait_for_client_read': 'Finishing the response write to the client (a slow reader shows here).',
  'kong.analytics.log_request': 'Sending the request to analytics, in the log phase (3.13+ write it in a trace of its own).',
  'kong.debug_session.sample': "Deciding whether this request matches the debugger session's sampling rule.",
  'kong.io.http.request': 'An HTTP request made by a plugin or core (for example an IdP call).',
  'kong.io.http.request_uri': 'One HTTP call made by a plugin or core, parent of its DNS, connect and request spans (3.14+).',
  'kong.io.http.connect': 'Connecting to an HTTP server from a plugin or core.',
  'kong.io.http.read_resp_body': 'Reading the body of an HTTP response a plugin or core asked for (linked to its request, 3.15+).',
  'kong.gen_ai': "An AI model call made by an AI plugin; its gen_ai.* attributes can hold prompts and answers (sanitized).",
};

const PHASE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  certificate: 'serving the TLS certificate',
  rewrite: 'request rewriting, before routing',
  access: 'routing, authentication and other checks before proxying',
  response: 'acting on the whole upstream response',
  header_filter: 'processing the response headers',
  body_filter: 'processing response body chunks',
  log: 'logging after the response was sent (3.13+ write it in a trace of its own)',
};

/** A one-line description of a span name, or null when Kong's catalogue does not know it. */
export function describeSpan(name: string): string | null {
  const exact = SPAN_CATALOGUE[name];
  if (exact) return exact;
  const renamed = SPAN_RENAMES[name];
  if (renamed) {
    const today = renamed.current.includes('<') ? '' : `; ${renamed.current} today`;
    return `${renamed.meaning[0]!.toUpperCase()}${renamed.meaning.slice(1)} (older name, gateway ${renamed.gateways}${today}).`;
  }
  const k = classifySpanName(name);
  switch (k.kind) {
    case 'phase': {
      const what = PHASE_DESCRIPTIONS[k.phase];
      return `The ${k.phase} phase${what ? `: ${what}` : ''}.`;
    }
    case 'plugin':
      return k.operation
        ? `Part of the ${k.plugin} plugin's work in the ${k.phase} phase: ${k.operation.replace(/[._]/g, ' ')}.`
        : `The ${k.plugin} plugin's handler in the ${k.phase} phase.`;
    case 'io': {
      const [lib, fn] = k.target.split('.', 2);
      if (lib === 'redis') return `A Redis call${fn ? ` (${fn})` : ''} made by a plugin or core (for example rate limiting).`;
      if (lib === 'socket') return `Socket I/O${fn ? ` (${fn})` : ''} made by a plugin or core.`;
      return `Network I/O (${k.target}) made by a plugin or core.`;
    }
    case 'datakit':
      return `The Datakit node ${k.node} (3.15+): one step of a Datakit flow.`;
    case 'gen-ai':
      return SPAN_CATALOGUE['kong.gen_ai']!;
    default:
      return null;
  }
}

export const ATTRIBUTE_CATALOGUE: Readonly<Record<string, string>> = {
  // root span: the request
  'http.request.method': 'HTTP request method.',
  'url.full': 'The request URL, without the query string.',
  'url.scheme': 'URL scheme of the request (http or https).',
  'http.route': 'The matched route path.',
  'http.response.status_code': 'HTTP status code sent to the client.',
  'http.request.header.host': 'Host header of the request.',
  'http.request.size': 'Size of the request in bytes.',
  'http.request.body.size': 'Size of the request body in bytes.',
  'http.response.size': 'Size of the response in bytes.',
  'proxy.kong.http.request.body.size': 'Size of the request body in bytes.',
  'proxy.kong.http.response.body.size': 'Size of the response body in bytes.',
  'proxy.kong.http.request.headers.size': 'Size of the request headers in bytes.',
  'proxy.kong.http.request.headers.count': 'Number of request headers.',
  'proxy.kong.http.content_length': 'Content-Length of the request body.',
  'client.address': 'IP address of the client.',
  'client.port': 'Source port of the client connection.',
  'server.address': 'Address the gateway served the request on.',
  'server.port': 'Port the gateway served the request on.',
  'network.protocol.name': 'Application protocol (http, grpc...).',
  'network.protocol.version': 'Protocol version (1.1, 2...).',
  'tls.client.server_name': 'SNI the client sent in the TLS handshake.',
  'tls.cipher': 'Cipher suite negotiated with the client.',
  'tls.resumed': 'Whether the client TLS session was resumed.',
  'proxy.kong.request.id': 'Kong request id (the X-Kong-Request-Id header).',
  'proxy.kong.consumer_id': 'Id of the authenticated consumer.',
  'proxy.kong.consumer.id': 'Id of the authenticated consumer.',
  'proxy.kong.service.id': 'Id of the matched service.',
  'proxy.kong.route.id': 'Id of the matched route.',
  'proxy.kong.upstream_id': 'Id of the upstream the request was proxied to.',
  'proxy.kong.upstream.id': 'Id of the upstream the request was proxied to.',
  'proxy.kong.upstream_status_code': 'HTTP status code returned by the upstream.',
  'proxy.kong.upstream.status_code': 'HTTP status code returned by the upstream.',
  'proxy.kong.upstream.addr': 'IP address of the upstream target.',
  'proxy.kong.upstream.host': 'Host name of the upstream target.',
  'proxy.kong.target.id': 'Id of the upstream target.',
  'proxy.kong.client_KA': 'Whether the client connection was kept alive.',
  'proxy.kong.client.keepalive': 'Whether the client connection was kept alive.',
  // latencies, all in milliseconds
  'proxy.kong.latency.total': 'Total latency in ms, first byte in to last byte out.',
  'proxy.kong.latency.internal': "Gateway's own processing time in ms (excludes upstream and client I/O).",
  'proxy.kong.latency.upstream': 'Time spent on the upstream in ms.',
  'proxy.kong.latency.client': 'Time spent on client I/O in ms.',
  'proxy.kong.latency.upstream.ttfb': 'Upstream time to first byte in ms.',
  'proxy.kong.latency.upstream.connect_duration': 'Time to connect to the upstream in ms.',
  'proxy.kong.latency.upstream.read_headers_duration': 'Time to read the upstream response headers in ms.',
  'proxy.kong.latency.upstream.read_body_duration': 'Time to read the upstream response body in ms.',
  'proxy.kong.latency.3p.total_io': 'Total third-party I/O time in ms (Redis, sockets, HTTP clients, DNS).',
  'proxy.kong.latency.3p.redis.total_io': 'Total time in Redis calls in ms.',
  'proxy.kong.latency.3p.tcpsock.total_io': 'Total time in raw TCP socket I/O in ms.',
  'proxy.kong.latency.3p.http_client.total_io': 'Total time in HTTP client calls in ms.',
  'proxy.kong.latency.3p.dns.total_io': 'Total time in DNS resolution in ms.',
  'proxy.kong.latency.net_io_timings': 'Individual network I/O timings in ms.',
  // router
  'proxy.kong.router.matched': 'Whether a route matched.',
  'proxy.kong.router.route_id': 'Id of the matched route.',
  'proxy.kong.router.service_id': 'Id of the matched service.',
  'proxy.kong.router.upstream_path': 'Path sent to the upstream after routing.',
  'proxy.kong.router.cache_hit': 'Whether the router cache answered the match.',
  // dns
  'proxy.kong.dns.entry': 'DNS resolution attempts (may be a list).',
  'proxy.kong.dns.domain': 'Domain name being resolved.',
  'proxy.kong.dns.tries': 'DNS resolution attempts.',
  // upstream
  'proxy.kong.upstream.lb_algorithm': 'Load-balancing algorithm used to pick a target.',
  'network.peer.address': 'IP address of the peer (the upstream target).',
  'network.peer.name': 'Host name of the peer (the upstream target).',
  'network.peer.port': 'Port of the peer (the upstream target).',
  try_count: 'Which try at the upstream this was (1 = first).',
  keepalive: 'Whether an upstream keepalive connection was reused.',
  // plugins
  'proxy.kong.plugin.instance_id': 'Id of the plugin instance (configuration).',
  'proxy.kong.plugin.id': 'Id of the plugin instance (configuration).',
  num_chunks: 'Number of response body chunks processed.',
  chunks: 'Response body chunks processed.',
  // older gateways' root attributes (domain.md section 11)
  'proxy.kong.latency_total_ms': 'Total latency in ms, first byte in to last byte out (3.9; proxy.kong.latency.total today).',
  'proxy.kong.upstream.ttfb_ms': 'Upstream time to first byte in ms (3.9).',
  'proxy.kong.upstream.read_response_duration_ms': 'Time reading the upstream response in ms (3.9).',
  'proxy.kong.upstream.connect_duration_ms': 'Time to connect to the upstream in ms (3.9).',
  'proxy.kong.redis.total_io_ms': 'Total time in Redis calls in ms (3.9).',
  'proxy.kong.tcpsock.total_io_ms': 'Total time in raw TCP socket I/O in ms (3.9).',
  'proxy.kong.latency.upstream.read_response_duration': 'Time reading the upstream response in ms (3.10 before GA).',
  'proxy.kong.latency.redis.total_io': 'Total time in Redis calls in ms (3.10 before GA).',
  'proxy.kong.latency.tcpsock.total_io': 'Total time in raw TCP socket I/O in ms (3.10 before GA).',
  'proxy.kong.dns.record.domain': 'Domain name resolved (3.9).',
  'proxy.kong.dns.record.ip': 'IP address the domain resolved to (3.9).',
  'proxy.kong.dns.record.port': 'Port of the resolved target (3.9).',
  raw_header_size_total: 'Size of the request headers in bytes (3.9).',
  raw_header_count: 'Number of request headers (3.9).',
  // the OpenTelemetry plugin's older semantic conventions
  'http.method': 'HTTP request method.',
  'http.url': 'The request URL.',
  'http.host': 'Host header of the request.',
  'http.scheme': 'URL scheme of the request (http or https).',
  'http.flavor': 'HTTP protocol version (1.1, 2...).',
  'http.status_code': 'HTTP status code sent to the client.',
  'http.client_ip': 'IP address of the client.',
  'kong.request.id': 'Kong request id (the X-Kong-Request-Id header).',
  'net.peer.ip': 'IP address of the peer: the client on the root span, the upstream target on kong.balancer.',
  'net.peer.port': 'Port of the peer: the client on the root span, the upstream target on kong.balancer.',
  'net.peer.name': 'Host name of the upstream target.',
  'peer.service': 'Name of the Gateway Service the request was proxied to.',
  'dns.record.domain': 'Domain name resolved.',
  'dns.record.ip': 'IP address the domain resolved to.',
  'dns.record.port': 'Port of the resolved target.',
  'network.transport': 'Transport protocol (tcp, udp...).',
  // newer gateways
  'proxy.kong.plugin.http.response.status_code': 'Status code this plugin answered the request with, ending it (3.14+).',
  'proxy.kong.plugin.http.response.status_message': 'Message this plugin answered the request with, ending it (3.14+).',
  'proxy.kong.datakit.node.type': 'Type of this Datakit node (call, jq, exit...) (3.15+).',
  'proxy.kong.datakit.node.status': 'How this Datakit node ended (3.15+).',
  'kong.3p.external_request_id': 'Request id a third-party service returned for this call (3.15+).',
  'proxy.kong.upstream.address': 'Address of the upstream target (3.15+).',
  // resource
  'session.id': 'Konnect debugger session that recorded this trace.',
  'service.name': 'Name of the service that produced the span.',
  'service.instance.id': 'Id of the gateway node that produced the span.',
  'service.version': 'Version of the gateway.',
};

/** A one-line description of a Kong attribute, or null for attributes the catalogue does not know. */
export function describeAttribute(key: string): string | null {
  const known = ATTRIBUTE_CATALOGUE[key];
  if (known) return known;
  if (key.startsWith('gen_ai.')) return `AI call attribute (${key.slice('gen_ai.'.length)}); prompts and answers are sanitized like payloads.`;
  return null;
}
