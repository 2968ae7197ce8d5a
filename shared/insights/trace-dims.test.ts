import { describe, expect, it } from 'vitest';
import { decodeAll } from '../decode/index';
import { utf8 } from '../decode/test-helpers';
import { generateSample } from '../sample/generate';
import { makeSpan, makeTrace } from '../model/testing';
import { sizeBucket, traceDims } from './trace-dims';
import { computeBreakdown } from './breakdown';

describe('traceDims', () => {
  it('reads the dimensions that live below the root', () => {
    const t = makeTrace([
      makeSpan({ spanId: 'r', name: 'kong', attributes: { 'proxy.kong.client.keepalive': false, 'tls.resumed': true } }),
      makeSpan({ spanId: 'a', parentSpanId: 'r', name: 'kong.router', attributes: { 'proxy.kong.router.cache_hit': 'true' } }),
      makeSpan({ spanId: 'd', parentSpanId: 'r', name: 'kong.dns', attributes: { 'proxy.kong.dns.tries': 2 } }),
      makeSpan({ spanId: 't1', parentSpanId: 'r', name: 'kong.upstream.try_select', attributes: { try_count: 1, 'network.peer.address': '10.0.0.1', 'network.peer.port': 80 } }),
      makeSpan({ spanId: 't2', parentSpanId: 'r', name: 'kong.upstream.try_select', attributes: { try_count: 2, 'network.peer.address': '10.0.0.2', 'network.peer.port': 80 } }),
      makeSpan({ spanId: 'b', parentSpanId: 'r', name: 'kong.read_client_http_body', attributes: { 'http.request.body.size': 12_345 } }),
    ]);
    expect(traceDims(t)).toEqual({
      'keepalive reused': 'no',
      'TLS resumed': 'yes',
      'router cache hit': 'yes',
      'DNS tries': '2',
      'upstream tries': '2',
      'upstream target': '10.0.0.2:80',
      'body size': '10–100 kB',
    });
  });

  it('says nothing of what a trace does not tell', () => {
    expect(traceDims(makeTrace([makeSpan({ spanId: 'r', name: 'kong' })]))).toEqual({});
  });

  it('buckets body sizes by powers of ten', () => {
    expect([0, 999, 1_000, 99_999, 100_000, 5_000_000].map(sizeBucket)).toEqual(['empty', '< 1 kB', '1–10 kB', '10–100 kB', '100 kB–1 MB', '≥ 1 MB']);
  });

  it('the bundled sample varies in router cache hits and keepalive, so they can tell sets apart', async () => {
    const { traces } = await decodeAll(utf8(generateSample({ seed: 5, traces: 60 }).jsonl), { fileName: 's.jsonl' });
    const values = (d: 'router cache hit' | 'keepalive reused') => new Set(traces.map((t) => computeBreakdown(t).dims?.[d]));
    expect(values('router cache hit')).toEqual(new Set(['yes', 'no']));
    expect(values('keepalive reused')).toEqual(new Set(['yes', 'no']));
  });
});
