/**
 * A request that matched no route, as Gateway 3.10 GA to 3.12 write it (domain.md section 11): the router
 * span in error with an `exception` event "no Route matched with those values", no upstream spans, an empty
 * `http.route`, no route or service id, a 404 the gateway answered itself, and its log line. The sample
 * session carries a few so the viewer's "ended in the gateway" path is there to look at.
 */
import { kv, type OtlpLog, type OtlpSpan } from './otlp-shapes';

export const NO_ROUTE_MESSAGE = 'no Route matched with those values';

/** Paths a gateway sees with no route behind them: an old API version, a browser's icon, a scanner. */
const PATHS: readonly [method: string, path: string][] = [
  ['GET', '/v1/orders/4521'],
  ['GET', '/favicon.ico'],
  ['POST', '/v1/payments'],
  ['GET', '/.env'],
];

export interface UnmatchedRequest {
  /** one OTLP/JSON trace line */
  line: string;
  spanCount: number;
  logs: OtlpLog[];
  traceId: string;
  requestId: string;
  /** the payload capture of the 404 Kong wrote */
  payload: Record<string, unknown>;
}

/**
 * One no-route request starting at `t0` (Unix ns). `rnd` is its own stream, so adding these leaves the
 * routed requests of a seed as they were.
 */
export function unmatchedRequest(rnd: () => number, t0: bigint, index: number, host: string): UnmatchedRequest {
  const hex = (bytes: number) => {
    let s = '';
    for (let i = 0; i < bytes; i++) s += Math.floor(rnd() * 256).toString(16).padStart(2, '0');
    return s;
  };
  const [method, path] = PATHS[index % PATHS.length]!;
  const traceId = hex(16);
  const rootId = hex(8);
  const accessId = hex(8);
  const requestId = hex(12);
  const ns = (ms: number) => String(t0 + BigInt(Math.round(ms * 1e6)));
  const span = (spanId: string, parentSpanId: string, name: string, kind: number, startMs: number, endMs: number, extra: Partial<OtlpSpan> = {}): OtlpSpan => ({
    traceId, spanId, parentSpanId, name, kind, startTimeUnixNano: ns(startMs), endTimeUnixNano: ns(endMs), attributes: [], status: { code: 0 }, ...extra,
  });

  const headersMs = 0.2 + rnd() * 0.8;
  const routerStart = headersMs + 0.02;
  const routerMs = 0.05 + rnd() * 0.15;
  const routerEnd = routerStart + routerMs;
  const accessEnd = routerEnd + 0.02;
  const writeStart = accessEnd + 0.03;
  const writeMs = 0.1 + rnd() * 0.5;
  const totalMs = writeStart + writeMs;
  const clientMs = headersMs + writeMs;

  const root = span(rootId, '', 'kong', 2, 0, totalMs, {
    attributes: [
      kv('http.request.method', method),
      kv('url.full', `https://${host}${path}`),
      kv('url.scheme', 'https'),
      kv('http.route', ''),
      kv('http.request.header.host', host),
      kv('http.response.status_code', 404),
      kv('client.address', `203.0.113.${2 + Math.floor(rnd() * 250)}`),
      kv('client.port', 40000 + Math.floor(rnd() * 20000)),
      kv('server.address', host),
      kv('server.port', 443),
      kv('network.protocol.name', 'http'),
      kv('network.protocol.version', '1.1'),
      kv('tls.client.server_name', host),
      kv('tls.cipher', 'TLS_AES_256_GCM_SHA384'),
      kv('proxy.kong.request.id', requestId),
      kv('http.request.size', 120 + Math.floor(rnd() * 200)),
      kv('http.response.size', 180 + Math.floor(rnd() * 40)),
      kv('proxy.kong.latency.total', Math.round(totalMs)),
      kv('proxy.kong.latency.internal', Math.round(totalMs - clientMs)),
      kv('proxy.kong.latency.upstream', 0),
      kv('proxy.kong.latency.client', Math.round(clientMs)),
      kv('proxy.kong.client.keepalive', false),
    ],
  });
  const spans: OtlpSpan[] = [
    root,
    span(hex(8), rootId, 'kong.read_client_http_headers', 2, 0, headersMs, {
      attributes: [kv('proxy.kong.http.request.headers.size', 120 + Math.floor(rnd() * 200)), kv('proxy.kong.http.request.headers.count', 4 + Math.floor(rnd() * 6))],
    }),
    span(accessId, rootId, 'kong.phase.access', 1, headersMs + 0.01, accessEnd),
    span(hex(8), accessId, 'kong.router', 1, routerStart, routerEnd, {
      attributes: [kv('proxy.kong.router.cache_hit', false)],
      status: { code: 2, message: '' },
      events: [{ timeUnixNano: ns(routerEnd), name: 'exception', attributes: [kv('exception.message', NO_ROUTE_MESSAGE)] }],
    }),
    span(hex(8), rootId, 'kong.wait_for_client_read', 2, writeStart, totalMs),
  ];
  const log: OtlpLog = {
    timeUnixNano: ns(routerEnd),
    observedTimeUnixNano: ns(routerEnd),
    severityNumber: 9,
    severityText: 'INFO',
    body: { stringValue: `${method} ${path}: ${NO_ROUTE_MESSAGE} (404)` },
    traceId,
    spanId: rootId,
    attributes: [kv('request.id', requestId), kv('introspection.source', '@kong/runloop/handler.lua'), kv('introspection.current.line', 1078), kv('introspection.name', 'before')],
  };
  const line = JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [kv('service.name', 'kong'), kv('service.version', '3.10.0.0'), kv('service.instance.id', 'dp-node-1.acme.test')] },
        scopeSpans: [{ scope: { name: 'kong-internal', version: '0.1.0' }, spans }],
      },
    ],
  });
  const payload = {
    request_headers: { host, 'user-agent': 'curl/8.5.0', 'x-request-id': requestId },
    response_headers: { 'content-type': 'application/json; charset=utf-8', 'x-kong-request-id': requestId },
    response_body: JSON.stringify({ message: NO_ROUTE_MESSAGE, request_id: requestId }),
  };
  return { line, spanCount: spans.length, logs: [log], traceId, requestId, payload };
}
