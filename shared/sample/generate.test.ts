import { describe, expect, it } from 'vitest';
import { decodeAll } from '../decode/index';
import { utf8 } from '../decode/test-helpers';
import { summarizeTrace } from '../kong/summary';
import { generateSample } from './generate';

describe('generateSample', () => {
  it('gives the same output for the same seed and different output for another', () => {
    const a = generateSample({ seed: 5, traces: 20 });
    expect(generateSample({ seed: 5, traces: 20 }).jsonl).toBe(a.jsonl);
    expect(generateSample({ seed: 6, traces: 20 }).jsonl).not.toBe(a.jsonl);
  });

  it('writes OTLP JSON lines the app decodes whole, with the variety the sample session promises', async () => {
    const sample = generateSample({ seed: 20261122, traces: 300 });
    const decoded = await decodeAll(utf8(sample.jsonl), { fileName: 'sample.jsonl' });
    expect(decoded.skipped).toEqual([]);
    expect(decoded.traces).toHaveLength(302);
    expect(sample.traceCount).toBe(302);
    expect(decoded.traces.reduce((n, t) => n + t.spans.length, 0)).toBe(sample.spanCount);
    expect(decoded.logs).toHaveLength(sample.logCount);

    const summaries = decoded.traces.map((t) => summarizeTrace(t));
    const statuses = new Set(summaries.map((s) => s.status));
    for (const status of [200, 401, 404, 429, 502, 504]) expect(statuses).toContain(status);
    expect(new Set(summaries.map((s) => s.route)).size).toBeGreaterThanOrEqual(5);
    const names = new Set(decoded.traces.flatMap((t) => t.spans.map((s) => s.name)));
    for (const name of ['kong.dns', 'kong.io.redis.eval', 'kong.io.http.request', 'kong.read_client_http_body', 'kong.wait_for_client_read'])
      expect(names).toContain(name);
    // a slow client and a slow upstream are both there to find
    expect(summaries.some((s) => (s.latencyClientMs ?? 0) > 100)).toBe(true);
    expect(summaries.some((s) => (s.latencyUpstreamMs ?? 0) > 1000)).toBe(true);
  });

  it("adds requests that matched no route the way Gateway 3.10 writes them, leaving the routed requests of the seed as they were", async () => {
    const sample = generateSample({ seed: 20261122, traces: 300 });
    const routedOnly = generateSample({ seed: 20261122, traces: 300, unmatched: 0 });
    const traceLines = (jsonl: string) => jsonl.split('\n').filter((l) => l.includes('resourceSpans'));
    expect(traceLines(sample.jsonl).filter((l) => !traceLines(routedOnly.jsonl).includes(l))).toHaveLength(2);
    expect(sample.unmatchedTraceIds).toHaveLength(2);

    const decoded = await decodeAll(utf8(sample.jsonl), { fileName: 'sample.jsonl' });
    for (const id of sample.unmatchedTraceIds) {
      const t = decoded.traces.find((x) => x.traceId === id)!;
      const s = summarizeTrace(t);
      expect([s.status, s.route, s.routeId]).toEqual([404, null, null]);
      const router = t.spans.find((x) => x.name === 'kong.router')!;
      expect(router.status.code).toBe(2);
      expect(router.events.map((e) => [e.name, e.attributes['exception.message']])).toEqual([['exception', 'no Route matched with those values']]);
      // no balancer, no upstream exchange
      expect(t.spans.filter((x) => /upstream|balancer/.test(x.name))).toEqual([]);
      expect(decoded.logs.filter((l) => l.traceId === id).map((l) => l.body)).toEqual([expect.stringContaining('no Route matched with those values')]);
      expect(sample.payloads[`${id}:reqres`]).toMatchObject({ response_body: expect.stringContaining('no Route matched') });
    }
  });

  it('captures payloads with secrets for the sanitizer to mask', () => {
    const { payloads } = generateSample({ seed: 20261122, traces: 40 });
    const docs = Object.values(payloads) as Array<{ request_headers: Record<string, string> }>;
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.some((d) => /^(Bearer|Basic) /.test(d.request_headers.authorization ?? ''))).toBe(true);
  });
});
