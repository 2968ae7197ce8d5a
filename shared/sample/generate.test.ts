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
    expect(decoded.traces).toHaveLength(300);
    expect(decoded.traces.reduce((n, t) => n + t.spans.length, 0)).toBe(sample.spanCount);
    expect(decoded.logs).toHaveLength(sample.logCount);

    const summaries = decoded.traces.map((t) => summarizeTrace(t));
    const statuses = new Set(summaries.map((s) => s.status));
    for (const status of [200, 401, 429, 502, 504]) expect(statuses).toContain(status);
    expect(new Set(summaries.map((s) => s.route)).size).toBeGreaterThanOrEqual(5);
    const names = new Set(decoded.traces.flatMap((t) => t.spans.map((s) => s.name)));
    for (const name of ['kong.dns', 'kong.io.redis.eval', 'kong.io.http.request', 'kong.read_client_http_body', 'kong.wait_for_client_read'])
      expect(names).toContain(name);
    // a slow client and a slow upstream are both there to find
    expect(summaries.some((s) => (s.latencyClientMs ?? 0) > 100)).toBe(true);
    expect(summaries.some((s) => (s.latencyUpstreamMs ?? 0) > 1000)).toBe(true);
  });

  it('captures payloads with secrets for the sanitizer to mask', () => {
    const { payloads } = generateSample({ seed: 20261122, traces: 40 });
    const docs = Object.values(payloads) as Array<{ request_headers: Record<string, string> }>;
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.some((d) => /^(Bearer|Basic) /.test(d.request_headers.authorization ?? ''))).toBe(true);
  });
});
