/**
 * The dimensions of a request that live on spans below the root (docs/insights.md item 7): read once at
 * import into the breakdown, so "what is different about the slow ones" never reads span data. Each is a
 * short value in words; a dimension the trace says nothing about is absent. Pure.
 */
import type { AttrValue, TraceSpans } from '../model/types';

export type SpanDim = 'keepalive reused' | 'TLS resumed' | 'router cache hit' | 'DNS tries' | 'upstream tries' | 'upstream target' | 'body size';
export const SPAN_DIMS: readonly SpanDim[] = ['upstream target', 'upstream tries', 'DNS tries', 'keepalive reused', 'TLS resumed', 'router cache hit', 'body size'];

const yesNo = (v: AttrValue | undefined): string | null => (v === true || v === 'true' ? 'yes' : v === false || v === 'false' ? 'no' : null);
const num = (v: AttrValue | undefined): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** A request body's size in words: powers of ten of bytes, so a handful of values to compare. */
export function sizeBucket(bytes: number): string {
  if (bytes <= 0) return 'empty';
  if (bytes < 1_000) return '< 1 kB';
  if (bytes < 10_000) return '1–10 kB';
  if (bytes < 100_000) return '10–100 kB';
  if (bytes < 1_000_000) return '100 kB–1 MB';
  return '≥ 1 MB';
}

export function traceDims(trace: TraceSpans): Partial<Record<SpanDim, string>> {
  const out: Partial<Record<SpanDim, string>> = {};
  let tries = 0;
  let dnsTries: number | null = null;
  let body: number | null = null;
  for (const span of trace.spans) {
    const a = span.attributes;
    const keepalive = yesNo(a['proxy.kong.client.keepalive']);
    if (keepalive) out['keepalive reused'] = keepalive;
    const tls = yesNo(a['tls.resumed']);
    if (tls) out['TLS resumed'] = tls;
    const cache = yesNo(a['proxy.kong.router.cache_hit']);
    if (cache) out['router cache hit'] = cache;
    const dns = num(a['proxy.kong.dns.tries']);
    if (dns !== null) dnsTries = Math.max(dnsTries ?? 0, dns);
    const tryCount = num(a['try_count']);
    if (tryCount !== null) {
      tries = Math.max(tries, tryCount);
      const peer = a['network.peer.address'] ?? a['net.peer.ip'];
      const port = a['network.peer.port'] ?? a['net.peer.port'];
      if (typeof peer === 'string' && peer) out['upstream target'] = port !== undefined && port !== null ? `${peer}:${String(port)}` : peer;
    }
    const size = num(a['http.request.body.size'] ?? a['proxy.kong.http.request.body.size']);
    if (size !== null) body = Math.max(body ?? 0, size);
  }
  if (tries > 0) out['upstream tries'] = String(tries);
  if (dnsTries !== null) out['DNS tries'] = String(dnsTries);
  if (body !== null) out['body size'] = sizeBucket(body);
  return out;
}
