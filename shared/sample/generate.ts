/**
 * A seeded generator of realistic Kong Gateway debugger traces, shaped like Gateway 3.10's spans (see
 * gateway-3.10-konnect.json here): varied routes and plugins, statuses, slow upstreams, slow clients, DNS, Redis
 * and IdP calls, upstream failures, requests that matched no route, log lines and captured payloads. The
 * same seed gives the same output, so the bundled sample session and test data are reproducible.
 */

import { mulberry32 } from '../util/random';
import { kv, type OtlpKv, type OtlpLog, type OtlpSpan } from './otlp-shapes';
import { sampleRoutes } from './routes';
import { unmatchedRequest } from './unmatched';

export interface SampleOptions {
  seed?: number;
  traces?: number;
  /** Unix ms of the first request */
  startMs?: number;
  /**
   * Requests that matched no route (a 404 the gateway answered itself), on top of `traces`, spread
   * between them; one per 150 routed requests unless given. Drawn from their own random stream, so the
   * routed requests of a seed stay the same whatever this is.
   */
  unmatched?: number;
}

export interface SampleOutput {
  /** OTLP/JSON lines, as the collector's file exporter writes them: trace lines then log lines */
  jsonl: string;
  /** trace ids of the requests that matched no route */
  unmatchedTraceIds: string[];
  /** a payload capture document (domain.md section 7), with secrets the sanitizer must mask */
  payloads: Record<string, unknown>;
  spanCount: number;
  traceCount: number;
  logCount: number;
}

export function generateSample(opts: SampleOptions = {}): SampleOutput {
  const rnd = mulberry32(opts.seed ?? 20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const hex = (bytes: number) => {
    let s = '';
    for (let i = 0; i < bytes; i++) s += Math.floor(rnd() * 256).toString(16).padStart(2, '0');
    return s;
  };
  const uuid = () => {
    const h = hex(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const pluginIds = new Map<string, string>();
  const pluginId = (name: string) => {
    let id = pluginIds.get(name);
    if (!id) pluginIds.set(name, (id = uuid()));
    return id;
  };
  // lognormal-ish: mostly near `typical`, with a long tail
  const latency = (typical: number, tail = 0.05, tailFactor = 12) => {
    const base = typical * Math.exp((rnd() - 0.5) * 0.8);
    return rnd() < tail ? base * (2 + rnd() * tailFactor) : base;
  };

  const routes = sampleRoutes(rnd, pick, uuid);
  const routeIds = new Map(routes.map((r) => [r.route, uuid()]));
  const serviceIds = new Map(routes.map((r) => [r.service, uuid()]));
  const totalWeight = routes.reduce((a, r) => a + r.weight, 0);
  const pickRoute = () => {
    let x = rnd() * totalWeight;
    for (const r of routes) if ((x -= r.weight) < 0) return r;
    return routes[0]!;
  };
  const consumers = [uuid(), uuid(), uuid(), uuid()];

  const traceCount = opts.traces ?? 300;
  const unmatchedCount = opts.unmatched ?? Math.ceil(traceCount / 150);
  // after which routed request each unmatched one comes, evenly spread
  const unmatchedAfter = new Map<number, number>();
  for (let k = 0; k < unmatchedCount; k++) unmatchedAfter.set(Math.floor(((k + 0.5) * traceCount) / unmatchedCount), k);
  const rndUnmatched = mulberry32(((opts.seed ?? 20261122) ^ 0x404) >>> 0);
  const unmatchedTraceIds: string[] = [];
  let clock = BigInt(opts.startMs ?? Date.UTC(2026, 10, 21, 23, 40, 0)) * 1_000_000n;
  const traceLines: string[] = [];
  const logs: OtlpLog[] = [];
  const payloads: Record<string, unknown> = {};
  let spanCount = 0;

  for (let n = 0; n < traceCount; n++) {
    clock += BigInt(Math.floor((50 + rnd() * 2500) * 1e6));
    const route = pickRoute();
    const traceId = hex(16);
    const spans: OtlpSpan[] = [];
    const t0 = clock;
    const ms = (x: number) => BigInt(Math.round(x * 1e6));
    const requestId = hex(12);
    // scenario
    const r = rnd();
    const scenario =
      route.route === '/health' ? 'ok' : r < 0.05 ? 'auth-fail' : r < 0.08 ? 'rate-limited' : r < 0.11 ? 'upstream-down' : r < 0.14 ? 'upstream-timeout' : r < 0.17 ? 'upstream-500' : r < 0.22 ? 'slow-client' : r < 0.27 ? 'slow-dns' : 'ok';
    const rootId = hex(8);
    let cursor = 0; // ms after t0
    const add = (name: string, parent: string, startMs: number, durMs: number, kind: number, attrs: OtlpKv[] = [], status: OtlpSpan['status'] = { code: 0 }) => {
      const spanId = hex(8);
      spans.push({ traceId, spanId, parentSpanId: parent, name, kind, startTimeUnixNano: String(t0 + ms(startMs)), endTimeUnixNano: String(t0 + ms(startMs + durMs)), attributes: attrs, status });
      return spanId;
    };
    const logLine = (spanId: string, atMs: number, sev: number, sevText: string, msg: string, source: string, line: number, fn: string) =>
      logs.push({
        timeUnixNano: String(t0 + ms(atMs)),
        observedTimeUnixNano: String(t0 + ms(atMs)),
        severityNumber: sev,
        severityText: sevText,
        body: { stringValue: msg },
        traceId,
        spanId,
        attributes: [kv('request.id', requestId), kv('introspection.source', source), kv('introspection.current.line', line), kv('introspection.name', fn)],
      });

    const slowClient = scenario === 'slow-client';
    const headersMs = slowClient ? 150 + rnd() * 900 : 0.2 + rnd() * 1.2;
    add('kong.read_client_http_headers', rootId, cursor, headersMs, 2, [kv('proxy.kong.http.request.headers.size', 140 + Math.floor(rnd() * 400)), kv('proxy.kong.http.request.headers.count', 5 + Math.floor(rnd() * 10))]);
    if (slowClient) logLine(rootId, cursor + headersMs, 13, 'WARN', `client sent headers slowly (${headersMs.toFixed(0)} ms)`, '@kong/runloop/handler.lua', 1112, 'before');
    cursor += headersMs;

    // rewrite phase
    if (route.rewrite.length) {
      const phaseStart = cursor;
      const phase = hex(8);
      let c = cursor + 0.01;
      const kids: Array<() => void> = [];
      for (const p of route.rewrite) {
        const d = 0.02 + rnd() * 0.1;
        const s = c;
        kids.push(() => add(`kong.rewrite.plugin.${p}`, phase, s, d, 1, [kv('proxy.kong.plugin.id', pluginId(p))]));
        c += d + 0.005;
      }
      spans.push({ traceId, spanId: phase, parentSpanId: rootId, name: 'kong.phase.rewrite', kind: 1, startTimeUnixNano: String(t0 + ms(phaseStart)), endTimeUnixNano: String(t0 + ms(c)), attributes: [], status: { code: 0 } });
      kids.forEach((k) => k());
      cursor = c + 0.01;
    }

    // access phase: router, plugins (with their I/O), DNS
    const accessId = hex(8);
    const accessStart = cursor;
    let c = cursor + 0.01;
    const routerMs = 0.04 + rnd() * 0.08;
    add('kong.router', accessId, c, routerMs, 1, [
      kv('proxy.kong.router.matched', true),
      kv('proxy.kong.route.id', routeIds.get(route.route)!),
      kv('proxy.kong.service.id', serviceIds.get(route.service)!),
      kv('proxy.kong.router.upstream_path', route.route),
      kv('proxy.kong.router.cache_hit', rnd() < 0.8),
    ]);
    c += routerMs + 0.01;
    let stopAt: { status: number; plugin: string } | null = null;
    let redisMs = 0;
    let httpClientMs = 0;
    let bodyReadInsidePlugin = false;
    for (const p of route.access) {
      const pluginStart = c;
      const pid = hex(8);
      let inner = c + 0.01;
      const innerSpans: Array<() => void> = [];
      let d = 0.05 + rnd() * 0.3;
      if (p === 'rate-limiting-advanced') {
        const rd = latency(0.6, 0.08, 30);
        redisMs += rd;
        const s = inner;
        innerSpans.push(() => add('kong.io.redis.eval', pid, s, rd, 3, [kv('network.peer.name', 'redis.internal'), kv('network.peer.port', 6379)]));
        inner += rd;
        d += rd;
      }
      if (p === 'openid-connect') {
        const hd = latency(18, 0.1, 15);
        httpClientMs += hd;
        const s = inner;
        innerSpans.push(() => add('kong.io.http.request', pid, s, hd, 3, [kv('url.full', 'https://idp.acme.test/oauth2/introspect'), kv('http.request.method', 'POST'), kv('http.response.status_code', 200)]));
        inner += hd;
        d += hd;
        logLine(pid, inner, 5, 'DEBUG', 'token introspection succeeded (cache miss)', 'kong/plugins/openid-connect/handler.lua', 410, 'introspect');
      }
      if (p === 'request-validator' && route.withBody) {
        // the plugin reads the body: a slow client shows up inside it, and the map must not blame the plugin
        const bd = slowClient ? 200 + rnd() * 800 : 0.3 + rnd() * 2;
        const s = inner;
        innerSpans.push(() => add('kong.read_client_http_body', pid, s, bd, 2, [kv('proxy.kong.http.content_length', 512 + Math.floor(rnd() * 4000))]));
        d += bd;
        bodyReadInsidePlugin = true;
      }
      const failHere =
        (scenario === 'auth-fail' && ['key-auth', 'openid-connect', 'jwt'].includes(p)) || (scenario === 'rate-limited' && p === 'rate-limiting-advanced');
      spans.push({
        traceId, spanId: pid, parentSpanId: accessId, name: `kong.access.plugin.${p}`, kind: 1,
        startTimeUnixNano: String(t0 + ms(pluginStart)), endTimeUnixNano: String(t0 + ms(pluginStart + d)),
        attributes: [kv('proxy.kong.plugin.id', pluginId(p))],
        status: failHere ? { code: 0, message: scenario === 'auth-fail' ? 'unauthorized' : 'rate limit exceeded' } : { code: 0 },
      });
      innerSpans.forEach((f) => f());
      c = pluginStart + d + 0.01;
      if (failHere) {
        stopAt = { status: scenario === 'auth-fail' ? 401 : 429, plugin: p };
        if (scenario === 'auth-fail') logLine(pid, c, 13, 'WARN', `[${p}] invalid credentials`, `kong/plugins/${p}/handler.lua`, 180, 'do_authentication');
        else logLine(pid, c, 11, 'NOTICE', '[rate-limiting-advanced] API rate limit exceeded for consumer', 'kong/plugins/rate-limiting-advanced/handler.lua', 301, 'access');
        break;
      }
    }
    let dnsMs = 0;
    if (!stopAt) {
      dnsMs = scenario === 'slow-dns' ? 40 + rnd() * 260 : 0.05 + rnd() * 0.2;
      const dnsId = add('kong.dns', accessId, c, dnsMs, 3, [kv('proxy.kong.dns.domain', route.upstreamHost), kv('proxy.kong.dns.tries', scenario === 'slow-dns' ? 2 : 1)]);
      if (scenario === 'slow-dns') logLine(dnsId, c + dnsMs, 13, 'WARN', `DNS cache miss for ${route.upstreamHost}; resolver took ${dnsMs.toFixed(0)} ms`, 'kong/resty/dns/client.lua', 852, 'resolve');
      c += dnsMs + 0.01;
      if (route.withBody && !bodyReadInsidePlugin) {
        const bd = slowClient ? 200 + rnd() * 800 : 0.2 + rnd();
        add('kong.read_client_http_body', accessId, c, bd, 2, [kv('proxy.kong.http.content_length', 256 + Math.floor(rnd() * 2000))]);
        c += bd;
      }
    }
    spans.push({ traceId, spanId: accessId, parentSpanId: rootId, name: 'kong.phase.access', kind: 1, startTimeUnixNano: String(t0 + ms(accessStart)), endTimeUnixNano: String(t0 + ms(c)), attributes: [], status: { code: 0 } });
    cursor = c + 0.02;

    // upstream
    let status = stopAt?.status ?? 200;
    let upstreamStatus: number | null = null;
    let upstreamMs = 0;
    const peer = `10.0.${Math.floor(rnd() * 8)}.${10 + Math.floor(rnd() * 200)}`;
    if (!stopAt) {
      const selStart = cursor;
      const down = scenario === 'upstream-down';
      const connectMs = down ? 3000 + rnd() * 50 : rnd() < 0.7 ? 0.05 + rnd() * 0.1 : 1 + rnd() * 6;
      const selId = hex(8);
      spans.push({
        traceId, spanId: selId, parentSpanId: rootId, name: 'kong.upstream.selection', kind: 3,
        startTimeUnixNano: String(t0 + ms(selStart)), endTimeUnixNano: String(t0 + ms(selStart + connectMs + 0.02)),
        attributes: [kv('try_count', 1), kv('proxy.kong.upstream.id', uuid()), kv('proxy.kong.upstream.lb_algorithm', 'round-robin')],
        status: down ? { code: 2, message: 'failed to connect to upstream' } : { code: 0 },
      });
      add('kong.find_upstream', selId, selStart + 0.01, connectMs, 3, [
        kv('try_count', 1),
        kv('proxy.kong.latency.upstream.connect_duration', connectMs),
        kv('keepalive', connectMs < 1),
        kv('network.peer.port', 8080),
        kv('network.peer.name', route.upstreamHost),
        kv('network.peer.address', peer),
      ], down ? { code: 2, message: 'connection refused' } : { code: 0 });
      cursor = selStart + connectMs + 0.03;
      if (down) {
        status = 502;
        logLine(selId, cursor, 17, 'ERROR', `connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://${peer}:8080${route.route}"`, '@kong/runloop/balancer/init.lua', 325, 'execute');
      } else {
        const send = route.withBody ? 0.2 + rnd() * 2 : 0.02 + rnd() * 0.1;
        add('kong.send_request_to_upstream', rootId, cursor, send, 3);
        cursor += send;
        const timeout = scenario === 'upstream-timeout';
        const ttfb = timeout ? 60_000 : latency(route.upstreamMs, 0.06, 20);
        upstreamMs = ttfb;
        add('kong.read_headers_from_upstream', rootId, cursor, ttfb, 3, [], timeout ? { code: 2, message: 'upstream timed out' } : { code: 0 });
        cursor += ttfb;
        if (timeout) {
          status = 504;
          logLine(rootId, cursor, 17, 'ERROR', `upstream timed out (110: Connection timed out) while reading response header from upstream`, '@kong/runloop/handler.lua', 1502, 'after');
        } else {
          upstreamStatus = scenario === 'upstream-500' ? pick([500, 503]) : route.method === 'POST' ? 201 : 200;
          status = upstreamStatus;
          const body = 0.1 + rnd() * (route.route === '/search' ? 25 : 3);
          add('kong.read_body_from_upstream', rootId, cursor, body, 3);
          upstreamMs += body;
          cursor += body;
          if (upstreamStatus >= 500) logLine(rootId, cursor, 17, 'ERROR', `upstream returned ${upstreamStatus}`, '@kong/runloop/handler.lua', 1588, 'header_filter');
        }
      }
    }

    // response phases
    for (const [phase, plugins] of [
      ['header_filter', route.headerFilter],
      ['body_filter', route.bodyFilter],
    ] as const) {
      if (!plugins.length || stopAt) continue;
      const pid = hex(8);
      const start = cursor;
      let pc = cursor + 0.01;
      const kids: Array<() => void> = [];
      for (const p of plugins) {
        const d = phase === 'body_filter' ? 0.1 + rnd() * 3 : 0.02 + rnd() * 0.4;
        const s = pc;
        kids.push(() => add(`kong.${phase}.plugin.${p}`, pid, s, d, 1, [kv('proxy.kong.plugin.id', pluginId(p))]));
        pc += d + 0.005;
      }
      spans.push({ traceId, spanId: pid, parentSpanId: rootId, name: `kong.phase.${phase}`, kind: 1, startTimeUnixNano: String(t0 + ms(start)), endTimeUnixNano: String(t0 + ms(pc)), attributes: [], status: { code: 0 } });
      kids.forEach((k) => k());
      cursor = pc + 0.01;
    }
    const clientRead = slowClient && rnd() < 0.5 ? 100 + rnd() * 600 : 0.2 + rnd() * 1.5;
    add('kong.wait_for_client_read', rootId, cursor, clientRead, 2);
    cursor += clientRead;
    const totalMs = cursor;
    const internalMs = Math.max(0, totalMs - upstreamMs - clientRead - headersMs);
    const method = route.method;
    const path = route.path();
    const consumer = pick(consumers);
    spans.unshift({
      traceId, spanId: rootId, parentSpanId: '', name: 'kong', kind: 2,
      startTimeUnixNano: String(t0), endTimeUnixNano: String(t0 + ms(totalMs)),
      attributes: [
        kv('http.request.method', method),
        kv('url.full', `https://${route.host}${path.split('?')[0]}`),
        kv('url.scheme', 'https'),
        kv('http.route', route.route),
        kv('http.request.header.host', route.host),
        kv('http.response.status_code', status),
        ...(upstreamStatus !== null ? [kv('proxy.kong.upstream.status_code', upstreamStatus)] : []),
        kv('client.address', `192.168.${Math.floor(rnd() * 4)}.${2 + Math.floor(rnd() * 250)}`),
        kv('client.port', 40000 + Math.floor(rnd() * 20000)),
        kv('server.address', route.host),
        kv('server.port', 443),
        kv('network.protocol.name', 'http'),
        kv('network.protocol.version', rnd() < 0.7 ? '1.1' : '2'),
        kv('tls.client.server_name', route.host),
        kv('tls.cipher', 'TLS_AES_256_GCM_SHA384'),
        kv('proxy.kong.request.id', requestId),
        kv('proxy.kong.route.id', routeIds.get(route.route)!),
        kv('proxy.kong.service.id', serviceIds.get(route.service)!),
        ...(route.access.some((p) => ['key-auth', 'openid-connect', 'jwt'].includes(p)) && status !== 401 ? [kv('proxy.kong.consumer_id', consumer)] : []),
        ...(upstreamStatus !== null || status === 502 ? [kv('network.peer.address', peer)] : []),
        kv('http.request.size', 180 + Math.floor(rnd() * (route.withBody ? 4000 : 300))),
        kv('http.response.size', 300 + Math.floor(rnd() * 9000)),
        kv('proxy.kong.latency.total', Math.round(totalMs)),
        kv('proxy.kong.latency.internal', Math.round(internalMs)),
        kv('proxy.kong.latency.upstream', Math.round(upstreamMs)),
        kv('proxy.kong.latency.client', Math.round(headersMs + clientRead)),
        kv('proxy.kong.latency.3p.redis.total_io', Math.round(redisMs * 1000) / 1000),
        kv('proxy.kong.latency.3p.http_client.total_io', Math.round(httpClientMs * 1000) / 1000),
        kv('proxy.kong.latency.3p.dns.total_io', Math.round(dnsMs * 1000) / 1000),
        kv('proxy.kong.client.keepalive', rnd() < 0.6),
      ],
      status: status >= 500 ? { code: 2, message: `HTTP ${status}` } : { code: 0 },
    });
    logLine(rootId, 0.05, 9, 'INFO', `${method} ${path} matched route ${route.route}`, '@kong/runloop/handler.lua', 1010, 'access');
    spanCount += spans.length;
    traceLines.push(
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [kv('service.name', 'kong'), kv('service.version', '3.10.0.0'), kv('service.instance.id', 'dp-node-1.acme.test')] },
            scopeSpans: [{ scope: { name: 'kong-internal', version: '0.1.0' }, spans }],
          },
        ],
      }),
    );
    const k = unmatchedAfter.get(n);
    if (k !== undefined) {
      const u = unmatchedRequest(rndUnmatched, t0 + BigInt(Math.floor((20 + rndUnmatched() * 25) * 1e6)), k, route.host);
      traceLines.push(u.line);
      logs.push(...u.logs);
      spanCount += u.spanCount;
      unmatchedTraceIds.push(u.traceId);
      payloads[`${u.traceId}:reqres`] = u.payload;
    }
    if (n % 4 === 0) {
      payloads[`${traceId}:reqres`] = {
        request_headers: {
          host: route.host,
          'user-agent': pick(['curl/8.5.0', 'okhttp/4.12.0', 'Mozilla/5.0']),
          authorization: pick(['Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl', 'Basic dXNlcjpwYXNzd29yZA==', 'k_7f1e2d3c4b5a']),
          'x-request-id': requestId,
        },
        request_body: route.withBody ? JSON.stringify({ amount: 4200, currency: 'EUR', card: '4242 4242 4242 4242', order: '1234-5678-9012' }) : undefined,
        response_headers: { 'content-type': 'application/json', 'x-kong-request-id': requestId, 'x-kong-upstream-latency': String(Math.round(upstreamMs)) },
        response_body: JSON.stringify(status >= 400 ? { message: status === 401 ? 'Unauthorized' : status === 429 ? 'API rate limit exceeded' : 'An invalid response was received from the upstream server', request_id: requestId } : { id: n, ok: true }),
      };
    }
  }
  const logLines: string[] = [];
  for (let i = 0; i < logs.length; i += 200) {
    logLines.push(
      JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [kv('service.name', 'kong'), kv('service.instance.id', 'dp-node-1.acme.test')] },
            scopeLogs: [{ scope: { name: 'kong-debug-logs' }, logRecords: logs.slice(i, i + 200) }],
          },
        ],
      }),
    );
  }
  return {
    jsonl: [...traceLines, ...logLines].join('\n') + '\n',
    unmatchedTraceIds,
    payloads,
    spanCount,
    traceCount: traceCount + unmatchedTraceIds.length,
    logCount: logs.length,
  };
}
