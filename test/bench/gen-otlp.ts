/**
 * A seeded, streaming generator of a realistic Kong trace file in the OpenTelemetry Collector file-exporter
 * shape: JSON lines, each an ExportTraceServiceRequest with one resourceSpans of several Kong traces, and
 * now and then a resourceLogs line with the gateway's log records for recent traces. Nothing is held in
 * memory beyond one line.
 *
 *   npx esbuild test/bench/gen-otlp.ts --bundle --platform=node --format=esm --outfile=dist/bench/gen-otlp.mjs
 *   node dist/bench/gen-otlp.mjs --spans 1000000 --out FILE [--seed N] [--traces-per-line N]
 *
 * or import { generateOtlp } from it.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../../shared/util/random';

export interface GenerateOptions {
  spans: number;
  out: string;
  seed?: number;
  tracesPerLine?: number;
  /** a resourceLogs line after every this many trace lines (0: none) */
  logsEvery?: number;
}

export interface GenerateResult {
  spans: number;
  traces: number;
  logs: number;
  lines: number;
  bytes: number;
}


const HEX = '0123456789abcdef';

const PLUGINS_REQUEST = ['rate-limiting', 'key-auth', 'openid-connect', 'request-transformer', 'cors', 'acl'];
const PLUGINS_RESPONSE = ['response-transformer', 'cors', 'prometheus'];
const ROUTES = ['/orders', '/users', '/payments', '/headers', '/inventory', '/search'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const STATUSES = [200, 200, 200, 200, 201, 204, 301, 400, 401, 404, 429, 500, 502, 503];

export async function generateOtlp(options: GenerateOptions): Promise<GenerateResult> {
  const rand = mulberry32(options.seed ?? 42);
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += HEX[(rand() * 16) | 0];
    return s;
  };
  const pick = <T>(items: T[]): T => items[(rand() * items.length) | 0]!;
  const tracesPerLine = options.tracesPerLine ?? 20;
  const logsEvery = options.logsEvery ?? 5;
  const stream = createWriteStream(options.out);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };

  // times as whole seconds + nanoseconds so they stay exact without BigInt
  let sec = 1739932800;
  let nano = 0;
  const ns = (offset: number): string => {
    const total = nano + offset;
    const carry = Math.floor(total / 1e9);
    const n = String(total - carry * 1e9);
    return `"${sec + carry}${'000000000'.slice(n.length)}${n}"`;
  };
  const str = (k: string, v: string): string => `{"key":"${k}","value":{"stringValue":"${v}"}}`;
  const int = (k: string, v: number): string => `{"key":"${k}","value":{"intValue":"${v}"}}`;
  const dbl = (k: string, v: number): string => `{"key":"${k}","value":{"doubleValue":${v}}}`;
  const bool = (k: string, v: boolean): string => `{"key":"${k}","value":{"boolValue":${v}}}`;

  let spans = 0;
  let traces = 0;
  let logs = 0;
  let lines = 0;
  const recent: { traceId: string; spanId: string; t: number }[] = [];
  const resource = `"resource":{"attributes":[${str('service.name', 'kong')},${str('service.instance.id', hex(8) + '-' + hex(4) + '-' + hex(4) + '-' + hex(4) + '-' + hex(12))},${str('service.version', '3.10.0.0')}]}`;

  const trace = (): string[] => {
    const traceId = hex(32);
    const rootId = hex(16);
    const out: string[] = [];
    const status = pick(STATUSES);
    const method = pick(METHODS);
    const route = pick(ROUTES);
    const total = 2_000_000 + Math.floor(rand() * 300_000_000);
    const upstream = Math.floor(total * (0.4 + rand() * 0.5));
    const span = (id: string, parent: string, name: string, start: number, dur: number, attrs: string[], kind = 1): void => {
      out.push(
        `{"traceId":"${traceId}","spanId":"${id}"${parent ? `,"parentSpanId":"${parent}"` : ''},"name":"${name}","kind":${kind},"startTimeUnixNano":${ns(start)},"endTimeUnixNano":${ns(start + dur)},"attributes":[${attrs.join(',')}],"status":{"code":${status >= 500 && name === 'kong' ? 2 : 0}}}`,
      );
    };
    const rootAttrs = [
      str('http.request.method', method),
      str('url.full', `https://api.example.com${route}`),
      str('url.scheme', 'https'),
      str('http.route', route),
      int('http.response.status_code', status),
      int('proxy.kong.upstream.status_code', status),
      str('client.address', `10.0.${(rand() * 255) | 0}.${(rand() * 255) | 0}`),
      int('client.port', 30000 + ((rand() * 30000) | 0)),
      str('network.peer.address', '3.214.119.249'),
      int('network.peer.port', 443),
      str('server.address', '10.88.0.14'),
      int('server.port', 8443),
      str('network.protocol.name', 'http'),
      str('network.protocol.version', '1.1'),
      str('http.request.header.host', 'api.example.com'),
      int('http.request.size', 177 + ((rand() * 2000) | 0)),
      int('http.response.size', 500 + ((rand() * 20000) | 0)),
      str('proxy.kong.request.id', hex(32)),
      str('proxy.kong.service.id', 'c9ba713f-4dff-4e36-953d-3a446d2ec5a9'),
      str('proxy.kong.route.id', '5d165982-2a5c-4e4b-a9b0-3f6e4c1d2a10'),
      str('proxy.kong.consumer.id', 'a28fb362-5fa3-4dbe-b4da-3dd15e5e5c9a'),
      dbl('proxy.kong.latency.total', Math.round(total / 1e4) / 100),
      dbl('proxy.kong.latency.internal', Math.round((total - upstream) / 1e4) / 100),
      dbl('proxy.kong.latency.upstream', Math.round(upstream / 1e4) / 100),
      bool('proxy.kong.client.keepalive', rand() < 0.7),
    ];
    span(rootId, '', 'kong', 0, total, rootAttrs, 2);
    let t = 20_000;
    const child = (name: string, dur: number, attrs: string[] = [], parent = rootId): string => {
      const id = hex(16);
      span(id, parent, name, t, dur, attrs);
      t += dur + 5_000;
      return id;
    };
    child('kong.read_client_http_headers', 30_000 + ((rand() * 200_000) | 0));
    const rewrite = child('kong.phase.rewrite', 50_000);
    t -= 45_000;
    child('kong.rewrite.plugin.request-transformer', 30_000, [str('proxy.kong.plugin.instance_id', hex(8))], rewrite);
    child('kong.router', 40_000 + ((rand() * 100_000) | 0), [bool('proxy.kong.router.matched', true), str('proxy.kong.router.route_id', hex(8)), bool('proxy.kong.router.cache_hit', rand() < 0.9)]);
    const access = hex(16);
    const accessStart = t;
    const nPlugins = 2 + ((rand() * 4) | 0);
    for (let i = 0; i < nPlugins; i++) {
      const plugin = PLUGINS_REQUEST[(i + ((rand() * 3) | 0)) % PLUGINS_REQUEST.length]!;
      const pid = child(`kong.access.plugin.${plugin}`, 50_000 + ((rand() * 900_000) | 0), [str('proxy.kong.plugin.instance_id', hex(8))], access);
      if (plugin === 'rate-limiting' && rand() < 0.5) {
        t -= 40_000;
        child('kong.io.redis.eval', 30_000, [str('network.peer.address', '10.0.0.7'), int('network.peer.port', 6379)], pid);
      }
    }
    span(access, rootId, 'kong.phase.access', accessStart, t - accessStart, []);
    child('kong.dns', 100_000 + ((rand() * 2_000_000) | 0), [str('proxy.kong.dns.entry', 'upstream.internal:443')]);
    child('kong.upstream.selection', 20_000, [str('proxy.kong.upstream.lb_algorithm', 'round-robin')]);
    child('kong.upstream.find_upstream', 300_000, [str('network.peer.address', '3.214.119.249'), str('network.peer.name', 'upstream.internal'), int('network.peer.port', 443), int('try_count', 1), bool('keepalive', true)]);
    child('kong.send_request_to_upstream', 50_000);
    const ttfb = Math.max(100_000, upstream - 400_000);
    child('kong.read_headers_from_upstream', ttfb);
    child('kong.read_body_from_upstream', 200_000);
    for (const plugin of PLUGINS_RESPONSE.slice(0, 1 + ((rand() * 3) | 0))) {
      child(`kong.header_filter.plugin.${plugin}`, 20_000 + ((rand() * 80_000) | 0), [str('proxy.kong.plugin.instance_id', hex(8))]);
    }
    child('kong.body_filter.plugin.response-transformer', 40_000, [str('proxy.kong.plugin.instance_id', hex(8))]);
    child('kong.wait_for_client_read', 30_000 + ((rand() * 500_000) | 0));
    recent.push({ traceId, spanId: rootId, t: 0 });
    if (recent.length > 50) recent.shift();
    traces++;
    return out;
  };

  const logLine = async (): Promise<void> => {
    const records: string[] = [];
    for (const r of recent.slice(-10)) {
      const severity = pick([9, 9, 9, 13, 17]);
      records.push(
        `{"timeUnixNano":${ns(r.t + 1000)},"severityNumber":${severity},"severityText":"${severity === 9 ? 'INFO' : severity === 13 ? 'WARN' : 'ERROR'}","body":{"stringValue":"[kong] handler.lua:${(rand() * 900) | 0} request processed"},"traceId":"${r.traceId}","spanId":"${r.spanId}","attributes":[${str('request.id', hex(32))},${str('introspection.source', '@/usr/local/share/lua/5.1/kong/init.lua')},${int('introspection.current.line', (rand() * 2000) | 0)}]}`,
      );
    }
    logs += records.length;
    lines++;
    await write(`{"resourceLogs":[{${resource},"scopeLogs":[{"scope":{"name":"kong-internal","version":"0.1.0"},"logRecords":[${records.join(',')}]}]}]}\n`);
  };

  while (spans < options.spans) {
    const lineSpans: string[] = [];
    for (let i = 0; i < tracesPerLine && spans + lineSpans.length < options.spans; i++) {
      const t = trace();
      const room = options.spans - spans - lineSpans.length;
      for (const s of t.slice(0, room)) if (s) lineSpans.push(s);
      nano += 10_000_000 + Math.floor(rand() * 50_000_000);
      if (nano >= 1e9) {
        sec += Math.floor(nano / 1e9);
        nano %= 1e9;
      }
    }
    spans += lineSpans.length;
    lines++;
    await write(`{"resourceSpans":[{${resource},"scopeSpans":[{"scope":{"name":"kong-internal","version":"0.1.0"},"spans":[${lineSpans.join(',')}]}]}]}\n`);
    if (logsEvery > 0 && lines % logsEvery === 0) await logLine();
  }
  stream.end();
  await once(stream, 'finish');
  return { spans, traces, logs, lines, bytes };
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
}

async function main(argv: string[]): Promise<void> {
  const out = argValue(argv, '--out');
  const spans = Number(argValue(argv, '--spans') ?? '1000000');
  if (!out || !Number.isInteger(spans) || spans <= 0) {
    console.error('usage: gen-otlp --spans N --out FILE [--seed N] [--traces-per-line N] [--logs-every N]');
    process.exit(2);
  }
  const result = await generateOtlp({
    spans,
    out,
    seed: Number(argValue(argv, '--seed') ?? '42'),
    tracesPerLine: Number(argValue(argv, '--traces-per-line') ?? '20'),
    logsEvery: Number(argValue(argv, '--logs-every') ?? '5'),
  });
  console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
