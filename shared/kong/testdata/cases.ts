/**
 * Small hand-built Kong traces, one per kind of request the verdict must name (issue 14): slow upstream,
 * connect failure, timeout, DNS failure, slow DNS, slow client, plugin rejection (inferred and as 3.14
 * reports it), no route, slow plugin with I/O, the OpenTelemetry plugin's balancer, non-Kong traces.
 * Times in milliseconds from the root's start.
 */
import { makeSpan, makeTrace } from '../../model/testing';
import type { Attributes, Span, SpanEvent, TraceSpans } from '../../model/types';

const MS = 1e6;
let next = 0;

interface Opt {
  parent?: string;
  attrs?: Attributes;
  error?: string;
  events?: SpanEvent[];
  id?: string;
}

function sp(name: string, startMs: number, durMs: number, o: Opt = {}): Span {
  const spanId = o.id ?? (++next).toString(16).padStart(16, '0');
  return makeSpan({
    spanId,
    name,
    parentSpanId: o.parent ?? 'root000000000000',
    start: startMs * MS,
    duration: durMs * MS,
    attributes: o.attrs ?? {},
    status: o.error !== undefined ? { code: 2, message: o.error } : { code: 0 },
    events: o.events ?? [],
  });
}

function root(durMs: number, attrs: Attributes = {}, error?: string): Span {
  return sp('kong', 0, durMs, { id: 'root000000000000', parent: '', attrs, ...(error !== undefined ? { error } : {}) });
}

const req = { 'http.request.method': 'GET', 'url.full': 'https://api.acme.test/orders/17' };
const peer = { 'network.peer.name': 'orders.internal', 'network.peer.address': '10.0.3.4', 'network.peer.port': 8080 };

/** A healthy request through plugins to an upstream whose wait is `upstreamMs`. */
function proxied(o: { upstreamMs: number; headersMs?: number; bodyMs?: number; clientOutMs?: number; status?: number; upstreamStatus?: number; reported?: Attributes }): TraceSpans {
  const headers = o.headersMs ?? 0.5;
  const t1 = headers + 1;
  const access = sp('kong.phase.access', headers, 1, {});
  const body = o.bodyMs ?? 0;
  const up0 = t1 + body;
  const total = up0 + 0.2 + 0.1 + o.upstreamMs + 0.3 + (o.clientOutMs ?? 0.4);
  return makeTrace([
    root(total, { ...req, 'http.response.status_code': o.status ?? 200, 'proxy.kong.upstream.status_code': o.upstreamStatus ?? o.status ?? 200, ...o.reported }),
    sp('kong.read_client_http_headers', 0, headers),
    access,
    sp('kong.router', headers + 0.1, 0.1, { parent: access.spanId }),
    sp('kong.access.plugin.key-auth', headers + 0.3, 0.5, { parent: access.spanId }),
    ...(body > 0 ? [sp('kong.read_client_http_body', t1, body)] : []),
    sp('kong.upstream.selection', up0, 0.2),
    sp('kong.find_upstream', up0, 0.2, { attrs: peer }),
    sp('kong.send_request_to_upstream', up0 + 0.2, 0.1),
    sp('kong.read_headers_from_upstream', up0 + 0.3, o.upstreamMs),
    sp('kong.read_body_from_upstream', up0 + 0.3 + o.upstreamMs, 0.3),
    sp('kong.wait_for_client_read', up0 + 0.6 + o.upstreamMs, o.clientOutMs ?? 0.4),
  ]);
}

export const slowUpstream = (): TraceSpans => proxied({ upstreamMs: 1200 });

export const upstream500 = (): TraceSpans => proxied({ upstreamMs: 30, status: 503, upstreamStatus: 503 });

export const slowClientBody = (): TraceSpans => proxied({ upstreamMs: 20, bodyMs: 2280 });

export function connectFailure(): TraceSpans {
  const sel = sp('kong.upstream.selection', 2, 3050, { error: 'failed to connect to upstream' });
  return makeTrace([
    root(3053, { ...req, 'http.response.status_code': 502, 'proxy.kong.latency.total': 3053, 'proxy.kong.latency.upstream': 0, 'proxy.kong.latency.internal': 3052, 'proxy.kong.latency.client': 1 }, 'HTTP 502'),
    sp('kong.read_client_http_headers', 0, 0.5),
    sp('kong.phase.access', 0.5, 1.4),
    sel,
    sp('kong.find_upstream', 2, 3050, { parent: sel.spanId, attrs: peer, error: 'connection refused' }),
    sp('kong.wait_for_client_read', 3052.1, 0.8),
  ]);
}

export function timeout(): TraceSpans {
  const t = proxied({ upstreamMs: 60_000, status: 504 });
  const wait = t.spans.find((s) => s.name === 'kong.read_headers_from_upstream')!;
  wait.status = { code: 2, message: 'upstream timed out' };
  t.spans = t.spans.filter((s) => s.name !== 'kong.read_body_from_upstream');
  delete t.spans[0]!.attributes['proxy.kong.upstream.status_code'];
  return t;
}

export function dnsFailure(): TraceSpans {
  const access = sp('kong.phase.access', 0.5, 5.2);
  return makeTrace([
    root(6, { ...req, 'http.response.status_code': 503 }, 'HTTP 503'),
    sp('kong.read_client_http_headers', 0, 0.5),
    access,
    sp('kong.dns', 0.7, 5, { parent: access.spanId, attrs: { 'proxy.kong.dns.domain': 'orders.internal' }, error: 'name resolution failed' }),
    sp('kong.wait_for_client_read', 5.7, 0.3),
  ]);
}

export function slowDns(): TraceSpans {
  const t = proxied({ upstreamMs: 20 });
  const access = t.spans.find((s) => s.name === 'kong.phase.access')!;
  // the whole request shifted by the slow lookup: rebuild it with DNS inside access
  const shift = 240;
  for (const s of t.spans) if (s.start > access.start + 0.9 * MS) s.start += shift * MS;
  access.duration += shift * MS;
  t.spans[0]!.duration += shift * MS;
  t.spans.push(sp('kong.dns', 1.4, shift, { parent: access.spanId, attrs: { 'proxy.kong.dns.domain': 'orders.internal' } }));
  return t;
}

export function pluginRejection(): TraceSpans {
  const access = sp('kong.phase.access', 0.5, 2);
  return makeTrace([
    root(2.9, { ...req, 'http.response.status_code': 401 }),
    sp('kong.read_client_http_headers', 0, 0.5),
    access,
    sp('kong.router', 0.6, 0.1, { parent: access.spanId }),
    sp('kong.access.plugin.key-auth', 0.8, 1.3, { parent: access.spanId }),
    sp('kong.wait_for_client_read', 2.5, 0.4),
  ]);
}

/** 3.14 says which plugin answered, and with what. */
export function pluginExit314(): TraceSpans {
  const t = pluginRejection();
  t.spans[0]!.attributes['http.response.status_code'] = 429;
  const access = t.spans.find((s) => s.name === 'kong.phase.access')!;
  t.spans.push(
    sp('kong.access.plugin.rate-limiting', 0.75, 0.04, {
      parent: access.spanId,
      attrs: { 'proxy.kong.plugin.http.response.status_code': 429, 'proxy.kong.plugin.http.response.status_message': 'API rate limit exceeded' },
    }),
  );
  return t;
}

export function noRoute(): TraceSpans {
  const access = sp('kong.phase.access', 0.5, 0.4);
  return makeTrace([
    root(1.2, { 'http.request.method': 'GET', 'url.full': 'https://api.acme.test/nope', 'http.response.status_code': 404, 'http.route': '' }),
    sp('kong.read_client_http_headers', 0, 0.5),
    access,
    sp('kong.router', 0.55, 0.3, {
      parent: access.spanId,
      error: '',
      events: [{ t: 0.8 * MS, name: 'exception', attributes: { 'exception.message': 'no Route matched with those values' } }],
    }),
    sp('kong.wait_for_client_read', 0.95, 0.25),
  ]);
}

export function slowPluginWithRedis(): TraceSpans {
  const access = sp('kong.phase.access', 0.5, 181);
  const rl = sp('kong.access.plugin.rate-limiting', 0.8, 180, { parent: access.spanId });
  return makeTrace([
    root(195, { ...req, 'http.response.status_code': 200 }),
    sp('kong.read_client_http_headers', 0, 0.5),
    access,
    sp('kong.router', 0.6, 0.1, { parent: access.spanId }),
    rl,
    sp('kong.io.redis.eval', 1, 176, { parent: rl.spanId }),
    sp('kong.upstream.selection', 182, 0.2),
    sp('kong.find_upstream', 182, 0.2, { attrs: peer }),
    sp('kong.send_request_to_upstream', 182.2, 0.1),
    sp('kong.read_headers_from_upstream', 182.3, 12),
    sp('kong.read_body_from_upstream', 194.3, 0.3),
    sp('kong.wait_for_client_read', 194.6, 0.4),
  ]);
}

/** The OpenTelemetry plugin: no phase spans, `kong.balancer` over the whole upstream round trip. */
export function otelBalancer(): TraceSpans {
  return makeTrace([
    root(85, { 'http.method': 'GET', 'http.url': 'http://localhost:8000/anything', 'http.status_code': 200 }),
    sp('kong.router', 0.2, 0.1),
    sp('kong.access.plugin.opentelemetry', 0.4, 0.2),
    sp('kong.dns', 0.7, 0.3),
    sp('kong.balancer', 1.1, 83, { attrs: { 'net.peer.name': 'httpbin.konghq.com', try_count: 1 } }),
    sp('kong.header_filter.plugin.opentelemetry', 84.2, 0.1),
  ]);
}

export function nonKong(): TraceSpans {
  const r = sp('GET /checkout', 0, 50, { id: 'g000000000000001', parent: '' });
  return makeTrace([r, sp('SELECT orders', 5, 40, { parent: r.spanId }), sp('render', 46, 3, { parent: r.spanId })]);
}

export function nonKongError(): TraceSpans {
  const t = nonKong();
  t.spans[1]!.status = { code: 2, message: 'deadlock detected' };
  return t;
}
